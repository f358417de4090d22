/// A mistake in a schedule or its session's parameters, with a message that says which value is
/// wrong and why (never echoing anything but the numbers the caller gave).
public struct ScheduleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The weights of the objective every evaluator minimises:
///
///     objective = wait × (mean wait per arriving citizen, minutes)
///               + idle × (expected idle counter-minutes within the session)
///               + overtime × (expected minutes past the session's end until the last citizen is done)
///
/// the weighted sum of Kaandorp & Koole (2007, Health Care Management Science 10:217–229).
public struct ScheduleWeights: Sendable, Hashable {
    public let wait: Double
    public let idle: Double
    public let overtime: Double

    /// Throws when a weight is negative or not finite, or when all three are zero (nothing to optimise).
    public init(wait: Double, idle: Double, overtime: Double) throws(ScheduleError) {
        for (name, value) in [("wait", wait), ("idle", idle), ("overtime", overtime)] {
            guard value.isFinite, value >= 0 else {
                throw ScheduleError("the \(name) weight must be a finite number ≥ 0, got \(value)")
            }
        }
        guard wait + idle + overtime > 0 else {
            throw ScheduleError("the weights are all zero: at least one of wait, idle and overtime must be positive")
        }
        self.wait = wait
        self.idle = idle
        self.overtime = overtime
    }

    /// Equal weights, 1 each.
    public static let equal = ScheduleWeights(uncheckedWait: 1, idle: 1, overtime: 1)

    init(uncheckedWait wait: Double, idle: Double, overtime: Double) {
        self.wait = wait
        self.idle = idle
        self.overtime = overtime
    }

    func objective(wait waitMinutes: Double, idle idleMinutes: Double, overtime overtimeMinutes: Double) -> Double {
        wait * waitMinutes + idle * idleMinutes + overtime * overtimeMinutes
    }
}

/// What an evaluator says about one schedule. All figures in minutes; for a simulation they are the
/// means over the replications and `objectiveHalfWidth` is the 95% interval's half-width (0 if exact).
public struct ScheduleEvaluation: Sendable, Hashable {
    /// Expected total wait of the citizens who show, divided by the expected number who show.
    public var waitMinutes: Double
    /// Expected idle counter-minutes within the session [0, I·d].
    public var idleMinutes: Double
    /// Expected minutes past the session's end I·d until the last citizen is done (tardiness).
    public var overtimeMinutes: Double
    /// Expected time from the session's start until the last citizen is done (0 if nobody shows).
    public var makespanMinutes: Double
    public var objective: Double
    public var objectiveHalfWidth: Double = 0

    public init(
        waitMinutes: Double, idleMinutes: Double, overtimeMinutes: Double, makespanMinutes: Double, objective: Double,
        objectiveHalfWidth: Double = 0
    ) {
        self.waitMinutes = waitMinutes
        self.idleMinutes = idleMinutes
        self.overtimeMinutes = overtimeMinutes
        self.makespanMinutes = makespanMinutes
        self.objective = objective
        self.objectiveHalfWidth = objectiveHalfWidth
    }
}

/// Judges schedules of a fixed number of citizens over a fixed number of intervals. The local search
/// (`ScheduleSearch`) works through this protocol, so an exact recursion (`ExactSessionEvaluator`), a
/// direct simulation (`SimulatedSessionEvaluator`) and, later, a simulation through the city's
/// allocator can all be optimised by the same search.
///
/// A schedule is the places-per-interval vector x: `x[t]` citizens are told to come at the start of
/// interval t, x[t] ≥ 0, Σ x = `citizens`, `x.count == intervals`.
public protocol ScheduleEvaluator {
    var intervals: Int { get }
    var citizens: Int { get }

    /// The figures of one schedule.
    mutating func evaluate(_ places: [Int]) throws(ScheduleError) -> ScheduleEvaluation

    /// Whether `candidate` should replace `incumbent` in a local search: a strictly lower objective
    /// for an exact evaluator, a significant paired improvement for a simulation.
    mutating func prefers(_ candidate: [Int], over incumbent: [Int]) throws(ScheduleError) -> Bool
}

extension ScheduleEvaluator {
    /// Throws unless `places` is a schedule of `citizens` over `intervals` with no negative entry.
    public func check(_ places: [Int]) throws(ScheduleError) {
        guard places.count == intervals else {
            throw ScheduleError("a schedule needs \(intervals) intervals, got \(places.count)")
        }
        var total = 0
        for (index, count) in places.enumerated() {
            guard count >= 0 else {
                throw ScheduleError("interval \(index + 1) has a negative number of places (\(count))")
            }
            guard count <= citizens else {
                throw ScheduleError("interval \(index + 1) has \(count) places, more than the \(citizens) citizens")
            }
            total += count
        }
        guard total == citizens else {
            throw ScheduleError("the schedule places \(total) citizens, expected \(citizens)")
        }
    }
}
