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
            // Breaks cannot take more counters than the office has.
            for (day, pause) in copy.model.offices[index].breaks where pause.counters > count {
                copy.model.offices[index].breaks[day]?.counters = count
            }
        }
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
