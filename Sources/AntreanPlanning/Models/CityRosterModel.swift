public import AntreanAllocator
public import AntreanCity
public import AntreanEngine
public import AntreanScenario

/// A city scenario whose staffing units are hour blocks: one per office, open weekday and hour of
/// its opening (`mpp.mon.08`, scope `offices.mpp.block.mon.08`), measured by the city run's block
/// figures (``CityModel/measuresBlocks``). Staffing a unit sets that hour's counters in the office's
/// roster, so ``StaffingSearch`` finds an hour-block roster by simulation on common random numbers.
///
/// The first guess of a block is the modified-offered-load count of its hour (``TimeVaryingStaffing``:
/// Erlang C at the peak infinite-server load of the hour, which carries the earlier hours' load over);
/// the search then corrects what the analytic count misses (queues carried from hour to hour,
/// walk-ins who leave, the allocator's reserves).
public struct CityRosterModel: StaffableModel {
    public private(set) var scenario: CityScenario
    public let days: Int
    /// Offices whose blocks are planned, in the model's order (every office when none were named).
    public let plannedOffices: [String]
    private let simulation: CitySimulation

    /// `offices` limits the plan to those office ids (the others keep their counters and roster).
    public init(scenario: CityScenario, days: Int? = nil, offices: [String]? = nil) throws(CityModelError) {
        var scenario = scenario
        scenario.model.measuresBlocks = true
        let known = scenario.model.offices.map(\.id)
        if let offices, let unknown = offices.first(where: { !known.contains($0) }) {
            throw CityModelError(
                "unknown office \"\(unknown)\"; the scenario has \(known.prefix(5).joined(separator: ", "))…")
        }
        self.scenario = scenario
        self.days = days ?? scenario.days
        self.plannedOffices = offices.map { names in known.filter { names.contains($0) } } ?? known
        self.simulation = try CitySimulation(scenario.model)
    }

    public func replicate(_ replication: Int, seed: UInt64) throws -> MetricSample {
        simulation.run(days: days, seed: seed, replication: replication)
    }

    /// Open weekdays, Monday first.
    var openWeekdays: [Weekday] { Weekday.allCases.filter { scenario.model.calendar.hours[$0] != nil } }

    /// The unit id of an office's block: `mpp.mon.08`.
    public static func unitID(office: String, weekday: Weekday, hour: Int) -> String {
        "\(office).\(weekday.rawValue.prefix(3)).\(hour < 10 ? "0" : "")\(hour)"
    }

    /// One unit per planned office, weekday open among the measured days, and hour of its opening.
    public var staffingUnits: [StaffingUnit] {
        let analytic = (try? CityScenarioModel(scenario: scenario, days: days))?.blockUnits(byWeekday: true) ?? []
        let weekdays = openWeekdays
        let calendar = scenario.model.calendar
        let openDays = (0..<days).map { calendar.startDate.adding(days: $0) }.filter {
            calendar.openingHours(on: $0) != nil
        }
        var units: [StaffingUnit] = []
        for (officeIndex, office) in scenario.model.offices.enumerated() where plannedOffices.contains(office.id) {
            for (dayIndex, weekday) in weekdays.enumerated() {
                guard let hours = calendar.hours[weekday] else { continue }
                let position = officeIndex * weekdays.count + dayIndex
                let profile = analytic.indices.contains(position) ? analytic[position] : nil
                let rates = profile?.hourlyArrivalRates ?? []
                let meanService = profile?.meanService ?? 1
                let loads = TimeVaryingStaffing.peakOfferedLoads(
                    ratesPerPeriod: rates, periodMinutes: 60, meanService: meanService)
                let daysOfWeekday = Double(openDays.count { $0.weekday == weekday })
                // A weekday the measured days never open on has no figures to plan by.
                guard daysOfWeekday > 0 else { continue }
                for hour in (hours.lowerBound / 60)...((hours.upperBound - 1) / 60) {
                    let from = max(hour * 60, hours.lowerBound)
                    let to = min(hour * 60 + 60, hours.upperBound)
                    // Day two of the two-day profile, so that the load carried over midnight is in.
                    let load = loads.indices.contains(24 + hour) ? loads[24 + hour] : 0
                    let id = Self.unitID(office: office.id, weekday: weekday, hour: hour)
                    units.append(
                        StaffingUnit(
                            id: id,
                            scope:
                                "offices.\(office.id).block.\(id.split(separator: ".").suffix(2).joined(separator: "."))",
                            currentCounters: office.rosteredCounters(on: weekday, at: from),
                            staffedHours: daysOfWeekday * Double(to - from) / 60,
                            // Erlang C at this rate is the modified-offered-load count of the hour.
                            arrivalRate: load / meanService, meanService: meanService))
                }
            }
        }
        return units
    }

    /// The same model with `counters[unit id]` counters in each of those hour blocks; blocks absent
    /// keep their counters. Each planned office's roster is rewritten hour by hour on the weekdays
    /// with a block set, equal neighbours merged into one block. O(offices × weekdays × (hours + units)).
    public func staffed(_ counters: [String: Int]) throws -> CityRosterModel {
        var copy = scenario
        for index in copy.model.offices.indices where plannedOffices.contains(copy.model.offices[index].id) {
            let office = copy.model.offices[index]
            var roster: [Weekday: [RosterBlock]] = [:]
            for weekday in openWeekdays {
                guard let hours = copy.model.calendar.hours[weekday] else { continue }
                let prefix = Self.unitID(office: office.id, weekday: weekday, hour: 0).dropLast(2)
                // A weekday none of whose blocks is set keeps its roster (or its all-day counters).
                guard counters.keys.contains(where: { $0.hasPrefix(prefix) }) else {
                    roster[weekday] = office.roster[weekday]
                    continue
                }
                var blocks: [RosterBlock] = []
                for hour in (hours.lowerBound / 60)...((hours.upperBound - 1) / 60) {
                    let from = max(hour * 60, hours.lowerBound)
                    let to = min(hour * 60 + 60, hours.upperBound)
                    let count =
                        counters[Self.unitID(office: office.id, weekday: weekday, hour: hour)]
                        ?? office.rosteredCounters(on: weekday, at: from)
                    guard (0...10_000).contains(count) else {
                        throw PlanningError.invalid("a block needs 0…10000 counters (got \(count))")
                    }
                    if let last = blocks.last, last.counters == count, last.end == from {
                        blocks[blocks.count - 1].end = to
                    } else {
                        blocks.append(RosterBlock(start: from, end: to, counters: count))
                    }
                }
                roster[weekday] = blocks
            }
            copy.model.offices[index].roster = roster
        }
        do { return try CityRosterModel(scenario: copy, days: days, offices: plannedOffices) } catch {
            throw PlanningError.invalid(error.message)
        }
    }

    public func measuring(quantiles: [Double], waitTargetMinutes: Double?) throws -> CityRosterModel {
        var copy = scenario
        copy.model.waitQuantiles = WaitQuantile.merged(scenario.model.waitQuantiles + quantiles)
        if let waitTargetMinutes { copy.model.waitTargetMinutes = waitTargetMinutes }
        do { return try CityRosterModel(scenario: copy, days: days, offices: plannedOffices) } catch {
            throw PlanningError.invalid(error.message)
        }
    }

    /// The planned offices' rosters, in the model's office order.
    public var rosters: [(office: String, roster: [Weekday: [RosterBlock]])] {
        scenario.model.offices.filter { plannedOffices.contains($0.id) }.map { ($0.id, $0.roster) }
    }
}
