public import AntreanEngine
public import AntreanQueueing
public import AntreanScenario
import Foundation

/// A queue scenario as a ``StaffableModel``: each queue is a staffing unit (scope `queues.<name>`).
///
/// The simulation itself is injected (`replicate(spec, replication, seed)`), so planning depends
/// only on "run replication r of this spec with seed s" and not on how the simulator is built.
public struct QueueScenarioModel: StaffableModel {
    public typealias Replicator = @Sendable (QueueNetworkSpec, Int, UInt64) throws -> MetricSample

    public var scenario: QueueScenario
    private let replicator: Replicator

    public init(scenario: QueueScenario, replicator: @escaping Replicator) {
        self.scenario = scenario
        self.replicator = replicator
    }

    public func replicate(_ replication: Int, seed: UInt64) throws -> MetricSample {
        try replicator(scenario.spec, replication, seed)
    }

    public var staffingUnits: [StaffingUnit] {
        scenario.spec.queues.map { queue in
            StaffingUnit(
                id: queue.name, scope: "queues.\(queue.name)", currentCounters: queue.counters,
                staffedHours: runHours * Self.openShare(queue.arrivals), arrivalRate: Self.busiestRate(queue.arrivals),
                meanService: Self.mean(queue.service), hourlyArrivalRates: Self.hourlyRates(queue.arrivals))
        }
    }

    public func staffed(_ counters: [String: Int]) throws -> QueueScenarioModel {
        var copy = self
        for index in copy.scenario.spec.queues.indices {
            if let count = counters[copy.scenario.spec.queues[index].name] {
                guard count >= 1 else {
                    throw PlanningError.invalid("a queue needs at least one counter (got \(count))")
                }
                copy.scenario.spec.queues[index].counters = count
                // The plan's counters serve all day: they replace a roster.
                copy.scenario.spec.queues[index].roster = nil
            }
        }
        return copy
    }

    public func measuring(quantiles: [Double], waitTargetMinutes: Double?) throws -> QueueScenarioModel {
        var copy = self
        copy.scenario.spec.waitQuantiles = WaitQuantile.merged(scenario.spec.waitQuantiles + quantiles)
        if let waitTargetMinutes { copy.scenario.spec.waitTargetMinutes = waitTargetMinutes }
        return copy
    }

    /// Hours simulated per replication (for counter-hours); with a run length in arrivals, the
    /// expected time to generate them at the total mean rate.
    var runHours: Double {
        switch scenario.spec.runLength {
        case .minutes(let minutes): return (minutes - scenario.spec.warmUpMinutes) / 60
        case .arrivals(let count):
            let rate = scenario.spec.queues.reduce(0) { $0 + Self.meanRate($1.arrivals) }
            return rate > 0 ? Double(count) / rate / 60 : 0
        }
    }

    /// Arrivals per minute hour by hour for a profile, repeated to cover two days so the offered
    /// load carries over midnight; nil for a constant rate.
    static func hourlyRates(_ arrivals: ArrivalProcess) -> [Double]? {
        guard case .hourlyProfile(let perHour) = arrivals else { return nil }
        let perMinute = perHour.map { $0 / 60 }
        return perMinute + perMinute
    }

    /// Share of the day a queue is staffed: hours with arrivals in an hourly profile, else all.
    static func openShare(_ arrivals: ArrivalProcess) -> Double {
        switch arrivals {
        case .poisson: 1
        case .hourlyProfile(let perHour): Double(perHour.filter { $0 > 0 }.count) / Double(max(perHour.count, 1))
        }
    }

    /// Arrivals per minute in the busiest hour (what a stationary first guess must cover).
    static func busiestRate(_ arrivals: ArrivalProcess) -> Double {
        switch arrivals {
        case .poisson(let rate): rate
        case .hourlyProfile(let perHour): (perHour.max() ?? 0) / 60
        }
    }

    static func meanRate(_ arrivals: ArrivalProcess) -> Double {
        switch arrivals {
        case .poisson(let rate): rate
        case .hourlyProfile(let perHour): perHour.isEmpty ? 0 : perHour.reduce(0, +) / Double(perHour.count) / 60
        }
    }

    /// Mean of a service distribution, for the analytic first guess only (the search corrects it).
    static func mean(_ distribution: Distribution) -> Double {
        switch distribution {
        case .exponential(let mean), .lognormal(let mean, _), .erlang(_, let mean), .normal(let mean, _): mean
        case .truncatedNormal(let mean, _, let low, let high): min(max(mean, low), high)
        case .deterministic(let value): value
        case .uniform(let low, let high): (low + high) / 2
        case .gamma(let shape, let scale): shape * scale
        case .weibull(let shape, let scale): scale * tgamma(1 + 1 / shape)
        case .empirical(let empirical):
            switch empirical.form {
            case .samples(let values): values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
            case .histogram(let edges, let weights):
                zip(weights.indices, weights).reduce(0) { $0 + $1.1 * (edges[$1.0] + edges[$1.0 + 1]) / 2 }
                    / max(weights.reduce(0, +), .leastNonzeroMagnitude)
            }
        }
    }
}
