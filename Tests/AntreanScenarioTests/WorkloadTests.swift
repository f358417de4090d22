import AntreanQueueing
import AntreanScenario
import Foundation
import Testing

/// Issue 16, item 7: the work and memory a run needs are estimated before it starts, and absurd
/// scenarios are refused with the estimate.
@Suite("Workload estimates and limits")
struct WorkloadTests {
    /// 10^7 arrivals an hour on one counter serving in a minute on average, nobody gives up.
    static let flood = queueScenario(arrivals: "10000000/h", run: "duration: 30d\n  replications: 10")

    @Test func anOverloadedQueueWithoutPatienceIsRefusedWithTheEstimate() throws {
        let scenario = try loadScenario(Self.flood)
        let workload = scenario.workload(replications: 10)
        // λ = 10^7/60 per minute over 30 days: 7.2e9 arrivals a replication, 7.2e10 for ten.
        #expect(workload.summary.contains("≈ 7.2e9 arrivals per replication × 10 replications = 7.2e10 arrivals"))
        #expect(workload.problems.count == 2)
        #expect(workload.problems.contains { $0.contains("this run would simulate ≈ 7.2e10 arrivals") })
        // The line grows at λ − μ = 166,666.67 − 1 per minute for 43,200 minutes: 7.2e9 customers.
        #expect(
            workload.problems.contains { $0.contains("unstable: arrivals exceed capacity at main (ρ = 166667)") })
        #expect(throws: ScenarioError.self) { try workload.check(file: "flood.yaml") }
    }

    @Test func theFluidPeakMatchesTheDrift() throws {
        // ρ = 2 on one counter for 1,000 minutes: the line grows by one a minute.
        let spec = QueueNetworkSpec(
            queues: [
                QueueSpec(name: "q", counters: 1, service: .deterministic(1), arrivals: .poisson(ratePerMinute: 2))
            ],
            runLength: .minutes(1_000))
        #expect(spec.workload.peakCustomers == 1_000 + 1)
        #expect(spec.workload.unstableQueues == [.init(name: "q", utilization: 2)])
        // With patience the line is bounded by λ·E[patience] = 2 × 5.
        var patient = spec
        patient.queues[0].patience = .exponential(mean: 5)
        #expect(patient.workload.peakCustomers == 10 + 1)
        #expect(patient.workload.unstableQueues.isEmpty)
    }

    @Test func aStableScenarioPasses() throws {
        let workload = try loadScenario(queueScenario()).workload(replications: 10)
        #expect(workload.problems.isEmpty)
        #expect(workload.summary.hasPrefix("≈ 1000 arrivals per replication × 10 replications = 10000 arrivals"))
    }

    @Test func aBillionReplicationsIsRefusedWithTheBound() throws {
        let text = queueScenario(run: "arrivals: 1000\n  replications: 1000000000")
        let error = try #require(scenarioError { try loadScenario(text) })
        #expect(error.field == "run.replications" && error.message.contains("at most 100000"), "\(error)")
        let written = try #require(
            scenarioError { try loadScenario(queueScenario(run: "arrivals: 1000\n  replications: 1e9")) })
        #expect(written.message.contains("write whole numbers with digits"), "\(written)")
        // On the command line --replications has no such bound, so the estimate refuses it.
        let workload = try loadScenario(queueScenario()).workload(replications: 1_000_000_000)
        #expect(workload.problems.contains { $0.contains("≈ 1.0e12 arrivals") }, "\(workload.problems)")
    }

    @Test func aPopulationOfABillionIsRefused() throws {
        let error = try #require(
            scenarioError {
                try Scenario.load(
                    path: DurationDistributionTests.smallCity, overrides: ["offices.sungai.population=1000000000"])
            })
        #expect(error.field == "offices.sungai.population" && error.message.contains("at most 100000000"), "\(error)")
    }

    @Test func visitRatesThatNeedTerabytesAreRefusedWithTheEstimate() throws {
        let scenario = try Scenario.load(
            path: DurationDistributionTests.smallCity,
            overrides: ["offices.sungai.population=100000000", "services.letter.visits_per_1000_per_day=1000"])
        let workload = scenario.workload(replications: 5)
        #expect(workload.problems.count == 2, "\(workload.problems)")
        #expect(workload.problems.contains { $0.contains("visits a day would hold") })
    }
}
