public import AntreanEngine
import RealModule

/// A session the exact recursion cannot handle: any service distribution, several counters,
/// unpunctual citizens. Figures as in `ScheduleEvaluation`.
public struct SimulatedSession: Sendable, Hashable {
    public var intervals: Int
    public var intervalMinutes: Double
    public var citizens: Int
    public var counters: Int
    public var noShowProbability: Double
    public var service: Distribution
    /// Arrival minus appointment time, minutes (negative = early); nil for punctual citizens.
    public var lateness: Distribution?
    /// Citizens without an appointment, arriving as a Poisson process over the session [0, I·d) at this
    /// rate per hour, served first come first served with the booked ones; 0 for none.
    public var walkInsPerHour: Double = 0
    public var replications: Int
    public var seed: UInt64
    public var weights: ScheduleWeights

    public init(
        intervals: Int, intervalMinutes: Double, citizens: Int, counters: Int = 1, noShowProbability: Double,
        service: Distribution, lateness: Distribution? = nil, walkInsPerHour: Double = 0, replications: Int = 1_000,
        seed: UInt64 = 1, weights: ScheduleWeights
    ) {
        self.intervals = intervals
        self.intervalMinutes = intervalMinutes
        self.citizens = citizens
        self.counters = counters
        self.noShowProbability = noShowProbability
        self.service = service
        self.lateness = lateness
        self.walkInsPerHour = walkInsPerHour
        self.replications = replications
        self.seed = seed
        self.weights = weights
    }
}

/// Evaluates schedules by direct simulation on common random numbers, and accepts a move only on a
/// significant paired improvement.
///
/// Replication r draws, once, for the n-th citizen in appointment order: whether they show, their
/// service time and their lateness, from streams keyed by (seed, r, purpose). Every schedule is
/// judged on the same draws, so two schedules differ only through the schedule (common random
/// numbers; Law 2015, "Simulation Modeling and Analysis", §11.2). Within a replication the citizens
/// who show are served first come first served by the first free of `counters` counters, none
/// before the session opens (minute 0). A citizen's wait runs from the later of their arrival and
/// their appointment to their service start (arriving early is not the schedule's fault).
///
/// Walk-ins (`walkInsPerHour` > 0) arrive as a Poisson process over the session, drawn per replication
/// from their own streams (so the same for every schedule), with service times from the same
/// distribution; they join the booked citizens' first-come-first-served line and wait from arrival.
///
/// Per replication: wait = Σ waits / (N·p + λ·I·d), the total wait of everyone who came over the
/// expected number who come, so without walk-ins its mean estimates exactly what the exact evaluator
/// reports (the expected total wait over the expected number who show); idle = counter-minutes
/// within [0, I·d] not serving; overtime = max(0, last completion − I·d); makespan = last
/// completion (0 if nobody shows).
///
/// `prefers(candidate, over: incumbent)` runs both on the same replications and accepts when the
/// mean paired difference of the objective is negative and the two-sided 95% paired-t interval
/// excludes zero. Cost O(R·N·(log N + c)) per evaluation; draws take R·N·3 doubles, allocated once.
public final class SimulatedSessionEvaluator: ScheduleEvaluator {
    public let session: SimulatedSession
    public var intervals: Int { session.intervals }
    public var citizens: Int { session.citizens }

    private let shows: [Bool]
    private let serviceTimes: [Double]
    private let latenesses: [Double]
    /// Walk-ins' arrival minutes and service times, replication r's at walkInStart[r]..<walkInStart[r + 1].
    private let walkInArrivals: [Double]
    private let walkInServices: [Double]
    private let walkInStart: [Int]
    private var arrivals: [Double]
    private var appointments: [Double]
    private var services: [Double]
    private var order: [Int]
    private var counterFree: [Double]
    private var candidateObjectives: [Double]
    private var incumbentObjectives: [Double]
    private var incumbentPlaces: [Int] = []
    private let criticalT: Double

    /// Largest session accepted: at most this many counters, replications, and draws (replications ×
    /// citizens, held in memory as three arrays).
    public static let maximumCounters = 1_000
    public static let maximumReplications = 1_000_000
    public static let maximumDraws = 50_000_000

    public init(_ session: SimulatedSession) throws(ScheduleError) {
        guard (1...10_000).contains(session.intervals) else {
            throw ScheduleError("the number of intervals must be between 1 and 10000, got \(session.intervals)")
        }
        guard (1...10_000).contains(session.citizens) else {
            throw ScheduleError("the number of citizens must be between 1 and 10000, got \(session.citizens)")
        }
        guard (1...Self.maximumCounters).contains(session.counters) else {
            throw ScheduleError(
                "the number of counters must be between 1 and \(Self.maximumCounters), got \(session.counters)")
        }
        guard session.intervalMinutes.isFinite, session.intervalMinutes > 0 else {
            throw ScheduleError("the interval length must be positive, got \(session.intervalMinutes) minutes")
        }
        guard session.noShowProbability.isFinite, session.noShowProbability >= 0, session.noShowProbability < 1 else {
            throw ScheduleError("the no-show probability must lie in [0, 1), got \(session.noShowProbability)")
        }
        let drawCount = session.replications.multipliedReportingOverflow(by: session.citizens)
        guard (2...Self.maximumReplications).contains(session.replications), !drawCount.overflow,
            drawCount.partialValue <= Self.maximumDraws
        else {
            throw ScheduleError("replications must be at least 2 and replications × citizens at most 50 million")
        }
        guard session.walkInsPerHour.isFinite, (0...10_000).contains(session.walkInsPerHour) else {
            throw ScheduleError("walk-ins per hour must lie in 0…10000, got \(session.walkInsPerHour)")
        }
        let serviceSampler: DistributionSampler
        let latenessSampler: DistributionSampler?
        do {
            serviceSampler = try session.service.sampler()
            latenessSampler = try session.lateness?.sampler()
        } catch {
            throw ScheduleError(error.message)
        }
        self.session = session
        let draws = session.replications * session.citizens
        var shows = [Bool](repeating: false, count: draws)
        var serviceTimes = [Double](repeating: 0, count: draws)
        var latenesses = [Double](repeating: 0, count: draws)
        for r in 0..<session.replications {
            var showStream = RandomStream(seed: session.seed, replication: r, purpose: "schedule/show")
            var serviceStream = RandomStream(seed: session.seed, replication: r, purpose: "schedule/service")
            var latenessStream = RandomStream(seed: session.seed, replication: r, purpose: "schedule/lateness")
            for n in 0..<session.citizens {
                let index = r * session.citizens + n
                shows[index] = showStream.nextUniform() >= session.noShowProbability
                serviceTimes[index] = max(0, serviceSampler.sample(&serviceStream))
                latenesses[index] = latenessSampler?.sample(&latenessStream) ?? 0
            }
        }
        var walkInArrivals: [Double] = []
        var walkInServices: [Double] = []
        var walkInStart = [0]
        let sessionMinutes = Double(session.intervals) * session.intervalMinutes
        let perMinute = session.walkInsPerHour / 60
        for r in 0..<session.replications {
            if perMinute > 0 {
                var arrivalStream = RandomStream(seed: session.seed, replication: r, purpose: "schedule/walk-in")
                var serviceStream = RandomStream(
                    seed: session.seed, replication: r, purpose: "schedule/walk-in-service")
                // Exponential gaps: the arrivals come sorted. At most 50 million in all (memory).
                var minute = -Double.log(1 - arrivalStream.nextUniform()) / perMinute
                while minute < sessionMinutes && walkInArrivals.count < 50_000_000 {
                    walkInArrivals.append(minute)
                    walkInServices.append(max(0, serviceSampler.sample(&serviceStream)))
                    minute += -Double.log(1 - arrivalStream.nextUniform()) / perMinute
                }
            }
            walkInStart.append(walkInArrivals.count)
        }
        self.walkInArrivals = walkInArrivals
        self.walkInServices = walkInServices
        self.walkInStart = walkInStart
        let mostWalkIns = (0..<session.replications).map { walkInStart[$0 + 1] - walkInStart[$0] }.max() ?? 0
        self.shows = shows
        self.serviceTimes = serviceTimes
        self.latenesses = latenesses
        arrivals = [Double](repeating: 0, count: session.citizens + mostWalkIns)
        appointments = arrivals
        services = arrivals
        order = Array(0..<(session.citizens + mostWalkIns))
        counterFree = [Double](repeating: 0, count: session.counters)
        candidateObjectives = [Double](repeating: 0, count: session.replications)
        incumbentObjectives = candidateObjectives
        criticalT = StudentT.quantile(probability: 0.975, degreesOfFreedom: Double(session.replications - 1))
    }

    public func evaluate(_ places: [Int]) throws(ScheduleError) -> ScheduleEvaluation {
        try check(places)
        var wait = 0.0
        var idle = 0.0
        var overtime = 0.0
        var makespan = 0.0
        var objective = Welford()
        for r in 0..<session.replications {
            let figures = simulate(places, replication: r)
            wait += figures.wait
            idle += figures.idle
            overtime += figures.overtime
            makespan += figures.makespan
            objective.add(figures.objective)
        }
        let count = Double(session.replications)
        let halfWidth = criticalT * (objective.variance / count).squareRoot()
        return ScheduleEvaluation(
            waitMinutes: wait / count, idleMinutes: idle / count, overtimeMinutes: overtime / count,
            makespanMinutes: makespan / count, objective: objective.mean, objectiveHalfWidth: halfWidth)
    }

    public func prefers(_ candidate: [Int], over incumbent: [Int]) throws(ScheduleError) -> Bool {
        try check(candidate)
        if incumbent != incumbentPlaces {
            try check(incumbent)
            for r in 0..<session.replications { incumbentObjectives[r] = simulate(incumbent, replication: r).objective }
            incumbentPlaces = incumbent
        }
        var difference = Welford()
        for r in 0..<session.replications {
            candidateObjectives[r] = simulate(candidate, replication: r).objective
            difference.add(candidateObjectives[r] - incumbentObjectives[r])
        }
        let standardError = (difference.variance / Double(session.replications)).squareRoot()
        guard difference.mean + criticalT * standardError < 0 else { return false }
        // The candidate becomes the incumbent: keep its per-replication objectives.
        swap(&candidateObjectives, &incumbentObjectives)
        incumbentPlaces = candidate
        return true
    }

    /// The figures of one replication.
    func simulate(_ places: [Int], replication r: Int)
        -> (wait: Double, idle: Double, overtime: Double, makespan: Double, objective: Double)
    {
        let d = session.intervalMinutes
        let sessionEnd = Double(session.intervals) * d
        let base = r * session.citizens
        // Citizens in appointment order; those who show get an arrival time.
        var showing = 0
        var n = 0
        for (t, count) in places.enumerated() where count > 0 {
            let appointment = Double(t) * d
            for _ in 0..<count {
                if shows[base + n] {
                    appointments[showing] = appointment
                    arrivals[showing] = appointment + latenesses[base + n]
                    services[showing] = serviceTimes[base + n]
                    order[showing] = showing
                    showing += 1
                }
                n += 1
            }
        }
        let walkIns = walkInStart[r]..<walkInStart[r + 1]
        for index in walkIns {
            appointments[showing] = walkInArrivals[index]
            arrivals[showing] = walkInArrivals[index]
            services[showing] = walkInServices[index]
            order[showing] = showing
            showing += 1
        }
        // Arrival order: insertion sort (already sorted when punctual without walk-ins; two sorted runs
        // with them), stable.
        if (session.lateness != nil || !walkIns.isEmpty) && showing > 1 {
            for i in 1..<showing {
                let item = order[i]
                var j = i
                while j > 0 && arrivals[order[j - 1]] > arrivals[item] {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = item
            }
        }
        for c in 0..<counterFree.count { counterFree[c] = 0 }
        var totalWait = 0.0
        var busyInSession = 0.0
        var lastCompletion = 0.0
        for k in 0..<showing {
            let i = order[k]
            var chosen = 0
            for c in 1..<counterFree.count where counterFree[c] < counterFree[chosen] { chosen = c }
            let start = max(arrivals[i], counterFree[chosen], 0)
            let end = start + services[i]
            counterFree[chosen] = end
            totalWait += max(0, start - max(arrivals[i], appointments[i]))
            busyInSession += max(0, min(end, sessionEnd) - min(start, sessionEnd))
            lastCompletion = max(lastCompletion, end)
        }
        let expectedArrivals =
            Double(session.citizens) * (1 - session.noShowProbability) + session.walkInsPerHour / 60 * sessionEnd
        let wait = totalWait / expectedArrivals
        let idle = Double(session.counters) * sessionEnd - busyInSession
        let overtime = max(0, lastCompletion - sessionEnd)
        let objective = session.weights.objective(wait: wait, idle: idle, overtime: overtime)
        return (wait, idle, overtime, lastCompletion, objective)
    }
}
