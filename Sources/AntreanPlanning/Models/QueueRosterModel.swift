public import AntreanEngine
public import AntreanQueueing
public import AntreanScenario

/// A queue scenario whose staffing units are hour blocks of the week: one per queue, weekday the run
/// measures and hour with arrivals (`desk.mon.08`, scope `queues.desk.block.mon.08`), measured by the
/// simulation's hour figures (``QueueNetworkSpec/measuresBlocks``). Staffing a unit sets that hour's
/// counters in the queue's roster, so ``StaffingSearch`` finds an hour-block roster by simulation on
/// common random numbers, as ``CityRosterModel`` does for a city.
///
/// The first guess of a block is its modified-offered-load count: Erlang C at the peak
/// infinite-server load of the hour over the week's profile, which carries the earlier hours' load
/// over (``TimeVaryingStaffing``); for a stationary queue it is the Erlang C count of every block.
public struct QueueRosterModel: StaffableModel {
    public private(set) var scenario: QueueScenario
    private let simulation: QueueNetworkSimulation

    public init(scenario: QueueScenario) throws(QueueNetworkError) {
        var scenario = scenario
        scenario.spec.measuresBlocks = true
        self.scenario = scenario
        self.simulation = try QueueNetworkSimulation(scenario.spec)
    }

    public func replicate(_ replication: Int, seed: UInt64) throws -> MetricSample {
        try simulation.run(seed: seed, replication: replication)
    }

    /// The unit id of a queue's block: `desk.mon.08`.
    public static func unitID(queue: String, weekday: Int, hour: Int) -> String {
        "\(queue).\(QueueRoster.weekdayKeys[weekday]).\(hour < 10 ? "0" : "")\(hour)"
    }

    /// Weekdays (0 = Monday) with a measured minute: after the warm-up and before the end of a run by
    /// time; every weekday for a run by arrivals.
    var measuredWeekdays: [Int] {
        guard case .minutes(let minutes) = scenario.spec.runLength else { return Array(0..<7) }
        let first = Int(scenario.spec.warmUpMinutes / 1440)
        let last = Int(((minutes - 1) / 1440).rounded(.down))
        return Array(Set((first...max(first, min(last, first + 6))).map { $0 % 7 })).sorted()
    }

    /// Arrivals per minute in hour `hour` of the week (the profile repeats from minute 0).
    static func rate(_ arrivals: ArrivalProcess, hour: Int) -> Double {
        switch arrivals {
        case .poisson(let rate): rate
        case .hourlyProfile(let perHour): perHour.isEmpty ? 0 : perHour[hour % perHour.count] / 60
        }
    }

    public var staffingUnits: [StaffingUnit] {
        let weekHours = QueueRoster.weekMinutes / 60
        let weekdays = measuredWeekdays
        var units: [StaffingUnit] = []
        for queue in scenario.spec.queues {
            let meanService = QueueScenarioModel.mean(queue.service)
            // Two weeks of the profile, so that the load carried over from Sunday night is in week two.
            let rates = (0..<(2 * weekHours)).map { Self.rate(queue.arrivals, hour: $0) }
            let loads = TimeVaryingStaffing.peakOfferedLoads(
                ratesPerPeriod: rates, periodMinutes: 60, meanService: meanService)
            let weeks = Double(measuredWeeks)
            for weekday in weekdays {
                for hour in 0..<24 where rates[weekday * 24 + hour] > 0 {
                    let id = Self.unitID(queue: queue.name, weekday: weekday, hour: hour)
                    let current =
                        queue.roster?.counters(atMinuteOfWeek: weekday * 1440 + hour * 60, default: queue.counters)
                        ?? queue.counters
                    units.append(
                        StaffingUnit(
                            id: id,
                            scope:
                                "queues.\(queue.name).block.\(id.split(separator: ".").suffix(2).joined(separator: "."))",
                            currentCounters: current, staffedHours: weeks,
                            // Erlang C at this rate is the modified-offered-load count of the hour.
                            arrivalRate: loads[weekHours + weekday * 24 + hour] / meanService, meanService: meanService)
                    )
                }
            }
        }
        return units
    }

    /// Weeks a replication measures (each hour block of the week recurs this often), at least one.
    var measuredWeeks: Double {
        guard case .minutes(let minutes) = scenario.spec.runLength else { return 1 }
        return max(1, (minutes - scenario.spec.warmUpMinutes) / Double(QueueRoster.weekMinutes))
    }

    /// The same model with `counters[unit id]` counters in those hour blocks; hours absent keep their
    /// counters. Each queue's roster is rewritten hour by hour on the weekdays with a block set, equal
    /// neighbours merged into one block. O(queues × 7 × 24).
    public func staffed(_ counters: [String: Int]) throws -> QueueRosterModel {
        var copy = scenario
        for index in copy.spec.queues.indices {
            let queue = copy.spec.queues[index]
            var blocks = queue.roster?.blocks ?? [:]
            for weekday in 0..<7 {
                let prefix = Self.unitID(queue: queue.name, weekday: weekday, hour: 0).dropLast(2)
                guard counters.keys.contains(where: { $0.hasPrefix(prefix) }) else { continue }
                var day: [QueueRosterBlock] = []
                for hour in 0..<24 {
                    let count =
                        counters[Self.unitID(queue: queue.name, weekday: weekday, hour: hour)]
                        ?? queue.roster?.counters(atMinuteOfWeek: weekday * 1440 + hour * 60, default: queue.counters)
                        ?? queue.counters
                    guard (0...QueueNetworkSpec.maximumCounters).contains(count) else {
                        throw PlanningError.invalid(
                            "a block needs 0…\(QueueNetworkSpec.maximumCounters) counters (got \(count))")
                    }
                    if let last = day.last, last.counters == count {
                        day[day.count - 1].end = hour * 60 + 60
                    } else {
                        day.append(QueueRosterBlock(start: hour * 60, end: hour * 60 + 60, counters: count))
                    }
                }
                blocks[weekday] = day
            }
            copy.spec.queues[index].roster = QueueRoster(blocks: blocks)
        }
        do { return try QueueRosterModel(scenario: copy) } catch { throw PlanningError.invalid(error.message) }
    }

    public func measuring(quantiles: [Double], waitTargetMinutes: Double?) throws -> QueueRosterModel {
        var copy = scenario
        copy.spec.waitQuantiles = WaitQuantile.merged(scenario.spec.waitQuantiles + quantiles)
        if let waitTargetMinutes { copy.spec.waitTargetMinutes = waitTargetMinutes }
        do { return try QueueRosterModel(scenario: copy) } catch { throw PlanningError.invalid(error.message) }
    }

    /// Each queue's roster, in the scenario's order.
    public var rosters: [(queue: String, roster: QueueRoster)] {
        scenario.spec.queues.compactMap { queue in queue.roster.map { (queue.name, $0) } }
    }
}
