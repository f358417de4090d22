import AntreanEngine
import AntreanQueueing
import Testing

/// Issue 16, item 7: a run whose line grows without bound stops with an error at a limit on the
/// customers in the system, instead of exhausting memory.
@Suite("Unstable runs stop at the customer limit")
struct UnstableRunTests {
    /// 10^7 arrivals an hour on one counter, nobody gives up (the example).
    static let flood = QueueNetworkSpec(
        queues: [
            QueueSpec(
                name: "main", counters: 1, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 1e7 / 60))
        ],
        runLength: .minutes(30 * 1440))

    @Test func theLimitIsDerivedFromTheScenarioAndCapped() throws {
        // The fluid peak is 7.2e9 customers: the limit is the cap.
        #expect(try QueueNetworkSimulation(Self.flood).customerLimit == QueueWorkload.customerLimit)
        // A stable M/M/1 gets the floor of a million, far beyond its fluctuations.
        let stable = QueueNetworkSpec(
            queues: [
                QueueSpec(
                    name: "q", counters: 1, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 0.5))
            ],
            runLength: .minutes(1_000))
        #expect(try QueueNetworkSimulation(stable).customerLimit == 1_000_000)
    }

    @Test func aFloodStopsWithAClearErrorAtTheLimit() throws {
        let simulation = try QueueNetworkSimulation(Self.flood, customerLimit: 20_000)
        #expect {
            try simulation.runReplications(2, seed: 1, threads: 1)
        } throws: { error in
            let message = (error as? QueueNetworkError)?.message ?? ""
            return message.contains("unstable: arrivals exceed capacity at main (ρ = 166666.667)")
                && message.contains("more than 20000 customers")
        }
    }

    @Test func aStableQueueNeverReachesAModestLimit() throws {
        // M/M/1 at ρ = 0.5: P(more than 200 in the system) = 0.5^201 ≈ 3e-61 at any moment.
        let stable = QueueNetworkSpec(
            queues: [
                QueueSpec(
                    name: "q", counters: 1, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 0.5))
            ],
            runLength: .arrivals(20_000))
        let samples = try QueueNetworkSimulation(stable, customerLimit: 200).runReplications(2, seed: 3, threads: 1)
        #expect(samples.allSatisfy { $0["overall.arrivals"] == 20_000 })
    }

    @Test func negativeServiceIsRefusedBeforeTheRun() {
        let spec = QueueNetworkSpec(
            queues: [
                QueueSpec(
                    name: "q", counters: 1, service: .normal(mean: 5, sd: 3), arrivals: .poisson(ratePerMinute: 0.1))
            ],
            runLength: .arrivals(100))
        #expect {
            try QueueNetworkSimulation(spec)
        } throws: { error in
            (error as? QueueNetworkError)?.message.contains(
                "queue \"q\".service: normal: a duration cannot be negative") ?? false
        }
    }
}
