import AntreanAllocator
import AntreanEngine
import AntreanPlanning
import Foundation

/// A small, exact FIFO M/M/c simulation (Kiefer–Wolfowitz workload recursion) for the planning
/// tests, so they do not depend on the engine's simulator. Reports the city metric names under
/// `offices.<id>.`. Customer n's interarrival and service times come from a stream seeded by
/// (seed, replication) in a fixed order, whatever c is: common random numbers across candidates.
struct MMcTestModel: StaffableModel {
    var id = "office"
    var arrivalRate: Double
    var meanService: Double
    var counters: Int
    var customers = 20_000
    var warmUpCustomers = 2_000
    var waitTarget: Double = 15
    /// Arrival rate told to the analytic first guess (lets a test start the search far off).
    var hintedArrivalRate: Double?

    var staffingUnits: [StaffingUnit] {
        [
            StaffingUnit(
                id: id, scope: "offices.\(id)", currentCounters: counters, staffedHours: 8,
                arrivalRate: hintedArrivalRate ?? arrivalRate, meanService: meanService)
        ]
    }

    func staffed(_ plan: [String: Int]) throws -> MMcTestModel {
        var copy = self
        copy.counters = plan[id] ?? counters
        return copy
    }

    /// Reports p50, p90 and p99 only; a wait target is honoured, as the planner needs.
    func measuring(quantiles: [Double], waitTargetMinutes: Double?) throws -> MMcTestModel {
        var copy = self
        if let waitTargetMinutes { copy.waitTarget = waitTargetMinutes }
        return copy
    }

    func replicate(_ replication: Int, seed: UInt64) throws -> MetricSample {
        var random = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(replication + 1))
        var workload = Array(repeating: 0.0, count: counters)
        var waits: [Double] = []
        waits.reserveCapacity(customers - warmUpCustomers)
        var busy = 0.0
        for n in 0..<customers {
            let interarrival = random.exponential(mean: 1 / arrivalRate)
            let service = random.exponential(mean: meanService)
            for k in workload.indices { workload[k] = max(0, workload[k] - interarrival) }
            let server = workload.indices.min { workload[$0] < workload[$1] }!
            let wait = workload[server]
            workload[server] += service
            if n >= warmUpCustomers {
                waits.append(wait)
                busy += service
            }
        }
        waits.sort()
        let count = Double(waits.count)
        func quantile(_ p: Double) -> Double { waits[min(waits.count - 1, Int((p * count).rounded(.up)) - 1)] }
        let prefix = "offices.\(id)."
        return MetricSample([
            prefix + "served": count,
            prefix + "wait_minutes": waits.reduce(0, +) / count,
            prefix + "wait_minutes.p50": quantile(0.5),
            prefix + "wait_minutes.p90": quantile(0.9),
            prefix + "wait_minutes.p99": quantile(0.99),
            prefix + "wait_within_target": Double(waits.filter { $0 <= waitTarget }.count) / count,
            prefix + "counters": Double(counters),
        ])
    }
}

extension SplitMix64 {
    /// Uniform in (0, 1].
    fileprivate mutating func unit() -> Double { (Double(next() >> 11) + 1) / 9_007_199_254_740_992 }

    fileprivate mutating func exponential(mean: Double) -> Double { -mean * log(unit()) }
}
