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
/// (the share of them who waited at most `spec.waitTargetMinutes`, when that is set), `.system_minutes` (mean time in system of customers served), `.queue_length` and
/// `.in_system` (time averages), `.utilization` (busy counters / counters, time average),
/// `.throughput_per_minute`, `.observed_minutes`; the same under `queues.<name>.`, and with classes
/// `queues.<name>.classes.<class>.wait_minutes` and `.served`.
///
/// Warm-up: customers who arrive before `warmUpMinutes` are not counted, and the time averages
/// start at the warm-up time. With `.minutes(T)` the run stops at T (customers still present are
/// neither served nor abandoned); with `.arrivals(N)` arrivals stop after N and the run goes on
/// until the system is empty.
public struct QueueNetworkSimulation: Sendable {
    public let spec: QueueNetworkSpec
    let plans: [QueuePlan]

    /// Prepares `spec` for simulation; throws if the spec is invalid (see `QueueNetworkSpec.validate`).
    public init(_ spec: QueueNetworkSpec) throws(QueueNetworkError) {
        try spec.validate()
        self.spec = spec
        do {
            plans = try spec.queues.map { queue throws(DistributionError) in
                try QueuePlan(queue, discipline: queue.discipline)
            }
        } catch {
            throw QueueNetworkError(error.message)
        }
    }

    /// One replication. Its random streams depend only on (seed, replication, queue name, purpose).
    public func run(seed: UInt64, replication: Int) -> MetricSample {
        var model = QueueModel(simulation: self, seed: seed, replication: replication)
        defer { model.deallocate() }
        model.run()
        return model.metrics()
    }

    /// Replications 0..<n on `threads` threads, in replication order (independent of `threads`).
    public func runReplications(
        _ n: Int, seed: UInt64, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [MetricSample] {
        Replications.run(n, threads: threads, progress: progress) { replication in
            run(seed: seed, replication: replication)
        }
    }
}

/// What a queue needs at run time, prepared once: samplers and class tables.
struct QueuePlan: Sendable {
    let name: String
    let counters: Int
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
        counters = queue.counters
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
