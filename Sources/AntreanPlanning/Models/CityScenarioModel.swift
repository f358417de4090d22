import AntreanAllocator
public import AntreanCity
public import AntreanEngine
public import AntreanScenario

/// A city scenario as a ``StaffableModel``: each office is a staffing unit (scope `offices.<id>`),
/// and a replication is `days` measured days of the whole city through the real allocator.
public struct CityScenarioModel: StaffableModel {
    public private(set) var scenario: CityScenario
    public let days: Int
    private let simulation: CitySimulation

    public init(scenario: CityScenario, days: Int? = nil) throws(CityModelError) {
        self.scenario = scenario
        self.days = days ?? scenario.days
        self.simulation = try CitySimulation(scenario.model)
    }

    public func replicate(_ replication: Int, seed: UInt64) throws -> MetricSample {
        simulation.run(days: days, seed: seed, replication: replication)
    }

    /// One unit per office. The first guess staffs the busiest weekday's hour profile: arrivals per
    /// minute in hour h = visits per open day × peak-day factor × share of hour h ÷ 60.
    public var staffingUnits: [StaffingUnit] {
        let openDays = Double(openDaysMeasured)
        return zip(scenario.model.offices, simulation.officeDemand).map { office, demand in
            let peakDay = demand.visitsPerOpenDay * demand.peakDayFactor
            let hourly = demand.hourShares.map { peakDay * $0 / 60 }
            return StaffingUnit(
                id: office.id, scope: "offices.\(office.id)", currentCounters: office.counters,
                staffedHours: openDays * demand.openMinutesPerDay / 60,
                arrivalRate: demand.openMinutesPerDay > 0 ? peakDay / demand.openMinutesPerDay : 0,
                meanService: demand.meanServiceMinutes, hourlyArrivalRates: hourly)
        }
    }

    public func staffed(_ counters: [String: Int]) throws -> CityScenarioModel {
        var copy = scenario
        for index in copy.model.offices.indices {
            guard let count = counters[copy.model.offices[index].id] else { continue }
            guard count >= 1 else { throw PlanningError.invalid("an office needs at least one counter (got \(count))") }
            copy.model.offices[index].counters = count
            // Whole-day counters replace any roster the office had.
            copy.model.offices[index].roster = [:]
            // Breaks cannot take more counters than the office has.
            for (day, pause) in copy.model.offices[index].breaks where pause.counters > count {
                copy.model.offices[index].breaks[day]?.counters = count
            }
        }
        do { return try CityScenarioModel(scenario: copy, days: days) } catch {
            throw PlanningError.invalid(error.message)
        }
    }

    public func measuring(quantiles: [Double], waitTargetMinutes: Double?) throws -> CityScenarioModel {
        var copy = scenario
        copy.model.waitQuantiles = WaitQuantile.merged(scenario.model.waitQuantiles + quantiles)
        if let waitTargetMinutes { copy.model.waitTargetMinutes = waitTargetMinutes }
        do { return try CityScenarioModel(scenario: copy, days: days) } catch {
            throw PlanningError.invalid(error.message)
        }
    }

    /// Open, non-holiday days among the measured calendar days.
    var openDaysMeasured: Int {
        let calendar = scenario.model.calendar
        return (0..<days).filter { calendar.openingHours(on: calendar.startDate.adding(days: $0)) != nil }.count
    }
}

extension CityScenarioModel {
    /// Units for analytic staffing by time block: one per office and open weekday (`sambutan.mon`),
    /// or with `byWeekday` false one per office for its busiest weekday. Each carries the hourly
    /// arrival rates of that day: visits × weekday factor ÷ mean factor × the hour's share of the
    /// profile over that day's opening hours.
    public func blockUnits(byWeekday: Bool) -> [StaffingUnit] {
        let citizens = scenario.model.citizens
        let hours = scenario.model.calendar.hours
        let open = Weekday.allCases.filter { hours[$0] != nil }
        let factors = open.map { citizens.weekdayFactor[$0] ?? 1 }
        let meanFactor = factors.isEmpty ? 1 : factors.reduce(0, +) / Double(factors.count)
        let busiest = zip(open, factors).max { $0.1 < $1.1 }?.0
        let days = byWeekday ? open : busiest.map { [$0] } ?? []
        var units: [StaffingUnit] = []
        for (office, demand) in zip(scenario.model.offices, simulation.officeDemand) {
            for day in days {
                guard let opening = hours[day] else { continue }
                var weights = [Double](repeating: 0, count: 24)
                for hour in (opening.lowerBound / 60)...((opening.upperBound - 1) / 60) {
                    weights[hour] = citizens.hourWeights[hour] ?? 0
                }
                // No profile: the simulation spreads visits evenly over the opening hours, and so do we.
                if weights.allSatisfy({ $0 == 0 }) {
                    for hour in (opening.lowerBound / 60)...((opening.upperBound - 1) / 60) {
                        let start = max(hour * 60, opening.lowerBound)
                        let end = min(hour * 60 + 60, opening.upperBound)
                        weights[hour] = Double(end - start)
                    }
                }
                let total = weights.reduce(0, +)
                let visits = demand.visitsPerOpenDay * (citizens.weekdayFactor[day] ?? 1) / meanFactor
                let rates = weights.map { total > 0 ? visits * $0 / total / 60 : 0 }
                let id = byWeekday ? "\(office.id).\(String(day.rawValue.prefix(3)))" : office.id
                units.append(
                    StaffingUnit(
                        id: id, scope: "offices.\(office.id)", currentCounters: office.counters,
                        staffedHours: Double(opening.count - 1) / 60,
                        arrivalRate: visits / Double(max(1, opening.count - 1)),
                        // Two days, so that a load carried over midnight is seen (HourlyStaffing reports day two).
                        meanService: demand.meanServiceMinutes, hourlyArrivalRates: rates + rates,
                        openHours: Set((opening.lowerBound / 60)...((opening.upperBound - 1) / 60))))
            }
        }
        return units
    }
}
