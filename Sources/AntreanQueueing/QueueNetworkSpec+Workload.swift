/// What one replication of a queue network will cost, estimated from the spec before running it,
/// so that a scenario needing absurd time or memory is refused with the numbers instead of
/// aborting with "failed to allocate" hours later.
public struct QueueWorkload: Sendable, Hashable {
    /// Expected arrivals of one replication (all queues).
    public var arrivalsPerReplication: Double
    /// The largest number of customers in the system the fluid approximation predicts (all queues):
    /// arrivals beyond capacity pile up at rate λ − c/E[S] when nobody gives up.
    public var peakCustomers: Double
    /// Queues whose arrivals exceed capacity (ρ = λ·E[S]/c ≥ 1 on average) and whose customers never
    /// give up, with their ρ: their line grows for as long as the run lasts.
    public var unstableQueues: [UnstableQueue]

    public struct UnstableQueue: Sendable, Hashable {
        public var name: String
        /// ρ = λ·E[S]/c, the long-run arrivals over capacity.
        public var utilization: Double

        public init(name: String, utilization: Double) {
            self.name = name
            self.utilization = utilization
        }
    }

    /// Memory one customer in the system holds: its record in the slab (32 bytes), its place in a
    /// line (4), its departure or patience event (about 32), with room for the arrays' doubling.
    public static let bytesPerCustomer = 128.0
    /// Customers in the system at which a replication stops as unstable: 4 million, about 0.5 GB
    /// per replication (one per thread).
    public static let customerLimit = 4_000_000

    /// Estimated memory of one replication's customers, in bytes.
    public var peakBytes: Double { peakCustomers * Self.bytesPerCustomer }
}

extension QueueNetworkSpec {
    /// The cost of one replication (see `QueueWorkload`). O(queues × hours of a profile); a long
    /// run of a periodic profile is extrapolated from two cycles.
    public var workload: QueueWorkload {
        let totalMeanRate = queues.reduce(0) { $0 + $1.arrivals.meanRatePerMinute }
        // How long arrivals keep coming, in minutes.
        let arrivalMinutes: Double
        let arrivals: Double
        switch runLength {
        case .minutes(let minutes):
            arrivalMinutes = minutes
            arrivals = totalMeanRate * minutes
        case .arrivals(let count):
            arrivals = Double(count)
            arrivalMinutes = totalMeanRate > 0 ? Double(count) / totalMeanRate : 0
        }
        var peak = 0.0
        var unstable: [QueueWorkload.UnstableQueue] = []
        for queue in queues {
            let capacity = queue.meanCounters / queue.service.mean
            let utilization = queue.arrivals.meanRatePerMinute / capacity
            var queuePeak = queue.arrivals.fluidPeak(capacityPerMinute: capacity, minutes: arrivalMinutes)
            if let patience = queue.patience {
                // Those who would wait longer than their patience leave: at most λ·E[patience] wait.
                queuePeak = min(queuePeak, queue.arrivals.peakRatePerMinute * patience.mean)
            } else if utilization >= 1 {
                unstable.append(.init(name: queue.name, utilization: utilization))
            }
            // Plus those at the counters.
            peak +=
                queuePeak + min(Double(queue.maximumCounters), queue.arrivals.peakRatePerMinute * queue.service.mean)
        }
        return QueueWorkload(arrivalsPerReplication: arrivals, peakCustomers: peak, unstableQueues: unstable)
    }
}

extension ArrivalProcess {
    /// Long-run arrivals per minute.
    public var meanRatePerMinute: Double {
        switch self {
        case .poisson(let rate): return rate
        case .hourlyProfile(let rates): return rates.isEmpty ? 0 : rates.reduce(0, +) / Double(rates.count) / 60
        }
    }

    /// Arrivals per minute in the busiest hour.
    public var peakRatePerMinute: Double {
        switch self {
        case .poisson(let rate): return rate
        case .hourlyProfile(let rates): return (rates.max() ?? 0) / 60
        }
    }

    /// The largest queue of the fluid model dq/dt = λ(t) − capacity (q ≥ 0) over `minutes`, from empty.
    func fluidPeak(capacityPerMinute capacity: Double, minutes: Double) -> Double {
        switch self {
        case .poisson(let rate):
            return max(0, (rate - capacity) * minutes)
        case .hourlyProfile(let rates):
            guard !rates.isEmpty, minutes > 0 else { return 0 }
            let cycleMinutes = Double(rates.count) * 60
            // Two cycles reach the periodic regime of a stable profile; an unstable one gains
            // the drift of a cycle on every further cycle.
            let hours = Int(min(minutes / 60, Double(2 * rates.count)).rounded(.up))
            var queue = 0.0
            var peak = 0.0
            for hour in 0..<hours {
                queue = max(0, queue + (rates[hour % rates.count] / 60 - capacity) * 60)
                peak = max(peak, queue)
            }
            let drift = (meanRatePerMinute - capacity) * cycleMinutes
            let remainingCycles = max(0, minutes - Double(hours) * 60) / cycleMinutes
            return drift > 0 ? peak + drift * remainingCycles : peak
        }
    }
}
