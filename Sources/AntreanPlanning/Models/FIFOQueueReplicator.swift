public import AntreanEngine
public import AntreanQueueing
import Foundation

/// A fast, exact evaluator of FIFO multi-server queues without abandonment, for staffing searches
/// and sweeps: the Kiefer–Wolfowitz workload recursion (Kiefer & Wolfowitz, "On the theory of
/// queues with many servers", Trans. AMS 78, 1955) gives each customer's wait from the sorted
/// vector of the servers' remaining work, with no event list. O(customers × counters).
///
/// Arrivals: Poisson, or an hourly profile by thinning (Lewis & Shedler 1979). Random streams are
/// keyed by (seed, replication, queue, purpose), so the same customers with the same service times
/// arrive whatever the number of counters: common random numbers across staffing candidates.
/// A run given in arrivals splits them over queues in proportion to their mean rates. Customers
/// arriving before the warm-up are simulated but not recorded. Reports, under `queues.<name>.` and
/// `overall.`: arrivals, served, wait_minutes (+ .p50/.p90/.p99 and any `spec.waitQuantiles`, exact), wait_within_target,
/// utilization (over open hours), counters; with an hourly profile also `queues.<name>.hour.HH.` (hour of day of
/// arrival) with the wait metrics.
public struct FIFOQueueReplicator: Sendable {
    public var waitTargetMinutes: Double

    public init(waitTargetMinutes: Double) { self.waitTargetMinutes = waitTargetMinutes }

    /// Whether every queue is one this evaluator handles exactly (FIFO, no patience, one class, the same
    /// counters all the time: a roster changes them).
    public static func supports(_ spec: QueueNetworkSpec) -> Bool {
        spec.queues.allSatisfy {
            $0.patience == nil && ($0.discipline == .fifo || $0.classes.count <= 1) && $0.roster == nil
        }
    }

    public func replicate(_ spec: QueueNetworkSpec, replication: Int, seed: UInt64) throws -> MetricSample {
        guard Self.supports(spec) else {
            throw PlanningError.invalid("the FIFO evaluator cannot model patience, priority classes or rosters")
        }
        var sample = MetricSample()
        var allWaits: [Double] = []
        var totals = (arrivals: 0.0, busy: 0.0, capacity: 0.0)
        let totalRate = spec.queues.reduce(0) { $0 + QueueScenarioModel.meanRate($1.arrivals) }
        for queue in spec.queues {
            let service = try DistributionSampler(queue.service)
            var arrivalStream = RandomStream(
                seed: seed, replication: replication, purpose: "fifo/arrivals/\(queue.name)")
            var serviceStream = RandomStream(
                seed: seed, replication: replication, purpose: "fifo/service/\(queue.name)")
            let (peakRate, rateAt) = Self.rateFunction(queue.arrivals)
            guard peakRate > 0 else { continue }
            let limit: (time: Double, count: Int)
            switch spec.runLength {
            case .minutes(let minutes): limit = (minutes, .max)
            case .arrivals(let count):
                let share = QueueScenarioModel.meanRate(queue.arrivals) / totalRate
                limit = (.infinity, max(1, Int((Double(count) * share).rounded())))
            }
            var workload = Array(repeating: 0.0, count: queue.counters)
            var waits: [Double] = []
            var waitsByHour: [Int: [Double]] = [:]
            let tracksHours: Bool
            if case .hourlyProfile = queue.arrivals { tracksHours = true } else { tracksHours = false }
            var clock = 0.0
            var arrivals = 0
            var busy = 0.0
            var firstRecorded = Double.nan
            while arrivals < limit.count {
                // Next arrival by thinning a rate-`peakRate` Poisson process.
                var gap = 0.0
                repeat {
                    gap += arrivalStream.nextExponential() / peakRate
                } while arrivalStream.nextUniform() * peakRate > rateAt(clock + gap)
                if clock + gap >= limit.time { break }
                clock += gap
                arrivals += 1
                for k in workload.indices { workload[k] = max(0, workload[k] - gap) }
                var server = 0
                for k in workload.indices where workload[k] < workload[server] { server = k }
                let work = service.sample(&serviceStream)
                let wait = workload[server]
                workload[server] += work
                if clock >= spec.warmUpMinutes {
                    if firstRecorded.isNaN { firstRecorded = clock }
                    waits.append(wait)
                    if tracksHours { waitsByHour[Int(clock / 60) % 24, default: []].append(wait) }
                    busy += work
                }
            }
            let end = limit.time.isFinite ? limit.time : clock
            // Staffed time: the observed span, counting only open hours under an hourly profile.
            let observed =
                max(end - (firstRecorded.isNaN ? end : spec.warmUpMinutes), 0)
                * QueueScenarioModel.openShare(queue.arrivals)
            let prefix = "queues.\(queue.name)."
            record(waits, prefix: prefix, spec: spec, into: &sample)
            for (hour, hourWaits) in waitsByHour {
                record(hourWaits, prefix: prefix + "hour.\(hour < 10 ? "0" : "")\(hour).", spec: spec, into: &sample)
            }
            sample[prefix + "arrivals"] = Double(waits.count)
            sample[prefix + "counters"] = Double(queue.counters)
            sample[prefix + "utilization"] = observed > 0 ? busy / (Double(queue.counters) * observed) : 0
            totals.arrivals += Double(waits.count)
            totals.busy += busy
            totals.capacity += Double(queue.counters) * observed
            allWaits += waits
        }
        record(allWaits, prefix: "overall.", spec: spec, into: &sample)
        sample["overall.arrivals"] = totals.arrivals
        sample["overall.utilization"] = totals.capacity > 0 ? totals.busy / totals.capacity : 0
        return sample
    }

    /// Mean, exact quantiles (nearest rank) at the spec's levels and the share within the target
    /// (the spec's, else this replicator's) of recorded waits.
    private func record(_ waits: [Double], prefix: String, spec: QueueNetworkSpec, into sample: inout MetricSample) {
        sample[prefix + "served"] = Double(waits.count)
        guard !waits.isEmpty else { return }
        let sorted = waits.sorted()
        func quantile(_ p: Double) -> Double { sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)] }
        sample[prefix + "wait_minutes"] = waits.reduce(0, +) / Double(waits.count)
        for level in spec.waitQuantiles { sample[prefix + "wait_minutes." + WaitQuantile.key(level)] = quantile(level) }
        let target = spec.waitTargetMinutes ?? waitTargetMinutes
        sample[prefix + "wait_within_target"] = Double(waits.filter { $0 <= target }.count) / Double(waits.count)
    }

    /// The peak rate (per minute) and λ(t) for thinning.
    static func rateFunction(_ arrivals: ArrivalProcess) -> (Double, @Sendable (Double) -> Double) {
        switch arrivals {
        case .poisson(let rate): return (rate, { _ in rate })
        case .hourlyProfile(let perHour):
            let perMinute = perHour.map { $0 / 60 }
            let count = perMinute.count
            return (perMinute.max() ?? 0, { time in perMinute[Int(time / 60) % count] })
        }
    }
}
