public import AntreanEngine
import Foundation

/// Simulates a `QueueNetworkSpec`: independent multi-server queues with Poisson or hourly-profile
/// arrivals, any service distribution, optional patience and priority classes.
///
///     let simulation = try QueueNetworkSimulation(spec)
///     let one = simulation.run(seed: 1, replication: 0)           // MetricSample
///     let all = simulation.runReplications(30, seed: 1, threads: 4, progress: nil)
///
/// Metric keys (per replication; time in minutes): `overall.arrivals`, `.served`, `.abandoned`,
/// `.wait_minutes` (mean wait in queue of customers who reached a counter) with `.p50`, `.p90`,
/// `.p99` and any other level in `spec.waitQuantiles` (`WaitQuantile.key`), `.wait_within_target`
/// (the share of them who waited at most `spec.waitTargetMinutes`, when that is set),
/// `.system_minutes` (mean time in system of customers served), `.abandon_minutes` (mean
/// time to abandon of those who abandoned), `.wait_all_minutes` and `.system_all_minutes` (the same
/// over every customer who left the line, served or abandoned: the W that Little's law pairs with
/// `.queue_length` and `.in_system`), `.queue_length` and `.in_system` (time averages),
/// `.utilization` (busy counters / counters, time average), `.arrival_rate_per_minute` (arrivals ÷
/// `.observed_minutes`, the span of the time averages), `.throughput_per_minute`, `.observed_minutes`;
/// the same under `queues.<name>.`, and with classes `queues.<name>.classes.<class>.wait_minutes` and
/// `.served`.
///
/// A queue with a `roster` (counters by weekday and block; minute 0 is a Monday's 00:00) has a desk of
/// its largest count; at each change a counter over the new count finishes its customer and goes off
/// duty, and one coming on duty serves the line at once. Its `.utilization` divides by the rostered
/// counters (time average), `.counters` is their mean, and per weekday × hour of the week
/// `queues.<name>.block.<mon>.<08>.` gives `served` (customers whose wait began in that hour),
/// `wait_minutes`, `wait_within_target` (with a target) and `counters` (rostered, mean over the hour).
///
/// Warm-up: customers who arrive before `warmUpMinutes` are not counted, and the time averages
/// start at the warm-up time. With `.minutes(T)` the run stops at T (customers still present are
/// neither served nor abandoned); with `.arrivals(N)` arrivals stop after N and the run goes on
/// until the system is empty: the time averages cover the drain, but throughput does not (it is the
/// customers served among those who arrived after the warm-up and before the last arrival, over that
/// window: unbiased for Poisson arrivals, where served ÷ the whole span was biased low by the drain).
public struct QueueNetworkSimulation: Sendable {
    public let spec: QueueNetworkSpec
    let plans: [QueuePlan]
    /// Customers in the system at which a replication stops as unstable: twice the fluid estimate
    /// of the peak (at least a million, so a stable queue's fluctuations never reach it), and never
    /// above `QueueWorkload.customerLimit`.
    public let customerLimit: Int

    /// Prepares `spec` for simulation; throws if the spec is invalid (see `QueueNetworkSpec.validate`).
    /// `customerLimit` replaces the derived limit (tests, or a caller with its own memory budget).
    public init(_ spec: QueueNetworkSpec, customerLimit: Int? = nil) throws(QueueNetworkError) {
        try spec.validate()
        self.spec = spec
        let derived = max(1e6, 2 * spec.workload.peakCustomers)
        self.customerLimit = customerLimit ?? Int(min(Double(QueueWorkload.customerLimit), derived))
        do {
            plans = try spec.queues.map { queue throws(DistributionError) in
                try QueuePlan(queue, discipline: queue.discipline)
            }
        } catch {
            throw QueueNetworkError(error.message)
        }
    }

    /// One replication. Its random streams depend only on (seed, replication, queue name, purpose).
    /// Throws "unstable: arrivals exceed capacity" when the customers in the system pass
    /// `customerLimit` (memory stays bounded by it).
    public func run(seed: UInt64, replication: Int) throws(QueueNetworkError) -> MetricSample {
        var model = QueueModel(simulation: self, seed: seed, replication: replication)
        defer { model.deallocate() }
        model.run()
        if let time = model.overflowedAt {
            throw QueueNetworkError(unstableAfter: time, limit: customerLimit, workload: spec.workload)
        }
        return model.metrics()
    }

    /// Replications 0..<n on `threads` threads, in replication order (independent of `threads`);
    /// throws the error of the first replication that failed.
    public func runReplications(
        _ n: Int, seed: UInt64, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(QueueNetworkError) -> [MetricSample] {
        let results = Replications.run(n, threads: threads, progress: progress) { replication in
            Result { () throws(QueueNetworkError) in try run(seed: seed, replication: replication) }
        }
        return try results.map { result throws(QueueNetworkError) in try result.get() }
    }
}

/// What a queue needs at run time, prepared once: samplers and class tables.
struct QueuePlan: Sendable {
    let name: String
    /// The desk: the most counters ever on duty (`counters` without a roster).
    let counters: Int
    /// The roster's week as steps (minute of the week, counters from then on), or empty when the
    /// counters never change (no roster, or one that says what `counters` says).
    let rosterSteps: [(minute: Int, counters: Int)]
    let service: DistributionSampler
    let patience: DistributionSampler?
    let hasPatience: Bool
    /// The service mean when service is exponential, else NaN (checked per customer without
    /// touching the sampler, whose copy would cost reference counting).
    let exponentialServiceMean: Double
    let arrivals: ArrivalProcess
    let isPoisson: Bool
    /// Peak arrival rate per minute (the thinning envelope for a profile).
    let peakRatePerMinute: Double
    let classNames: [String]
    /// Cumulative shares (normalised to 1) for drawing a class.
    let cumulativeShares: [Double]
    /// Line (priority level) of each class: dense ranks of the priorities; all 0 for FIFO.
    let lineOfClass: [Int]
    let lines: Int

    init(_ queue: QueueSpec, discipline: QueueDiscipline) throws(DistributionError) {
        name = queue.name
        let steps = queue.roster?.weeklySteps(default: queue.counters) ?? []
        if steps.count == 1 && steps[0].counters == queue.counters {
            rosterSteps = []
        } else {
            rosterSteps = steps
        }
        counters = max(1, queue.maximumCounters)
        service = try queue.service.sampler()
        if case .exponential(let mean) = queue.service {
            exponentialServiceMean = mean
        } else {
            exponentialServiceMean = .nan
        }
        patience = try queue.patience?.sampler()
        hasPatience = queue.patience != nil
        arrivals = queue.arrivals
        if case .poisson = queue.arrivals { isPoisson = true } else { isPoisson = false }
        switch queue.arrivals {
        case .poisson(let rate): peakRatePerMinute = rate
        case .hourlyProfile(let rates): peakRatePerMinute = rates.max()! / 60
        }
        classNames = queue.classes.map(\.name)
        let total = queue.classes.reduce(0) { $0 + $1.share }
        var running = 0.0
        cumulativeShares = queue.classes.map { customerClass in
            running += customerClass.share / total
            return running
        }
        if discipline == .priority {
            let levels = Array(Set(queue.classes.map(\.priority))).sorted()
            lineOfClass = queue.classes.map { levels.firstIndex(of: $0.priority)! }
            lines = max(1, levels.count)
        } else {
            lineOfClass = queue.classes.map { _ in 0 }
            lines = 1
        }
    }

    /// The arrival rate per minute at `time` (minutes from the start of the run).
    @inline(__always)
    func rate(at time: Double) -> Double {
        switch arrivals {
        case .poisson(let rate): return rate
        case .hourlyProfile(let rates):
            let hour = Int((time / 60).rounded(.down)) % rates.count
            return rates[hour] / 60
        }
    }
}

extension QueueNetworkError {
    init(unstableAfter minutes: Double, limit: Int, workload: QueueWorkload) {
        let queues = workload.unstableQueues.map { "\($0.name) (ρ = \(($0.utilization * 1000).rounded() / 1000))" }
        let which = queues.isEmpty ? "" : " at \(queues.joined(separator: ", "))"
        self.init(
            "unstable: arrivals exceed capacity\(which): more than \(limit) customers were in the system "
                + "after \((minutes * 10).rounded() / 10) simulated minutes, so the run was stopped before "
                + "exhausting memory; add counters, shorten service, or give customers a patience")
    }
}
