import AntreanEngine
import AntreanQueueing
import AntreanScenario
import Testing

@testable import AntreanPlanning

/// `plan` on one M/M/c office simulated by the engine's QueueNetworkSimulation (the simulator
/// `antrean simulate` uses) returns the Erlang C staffing count.
@Suite struct QueueingPlanTests {
    private func model(counters: Int) throws -> QueueScenarioModel {
        let queue = QueueSpec(
            name: "desk", counters: counters, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 4.5))
        let spec = QueueNetworkSpec(queues: [queue], runLength: .minutes(4_200), warmUpMinutes: 200)
        _ = try QueueNetworkSimulation(spec)
        return QueueScenarioModel(scenario: QueueScenario(name: "M/M/c", spec: spec)) { spec, replication, seed in
            try QueueNetworkSimulation(spec).run(seed: seed, replication: replication)
        }
    }

    /// Targets where c − 1 misses by far more than the interval (Wq: 1.52 → 0.28 min; p90: 4.06 → 0.96).
    @Test(arguments: ["mean wait <= 0.5m", "p90 wait <= 2m"])
    func engineSimulatedMMcGetsTheErlangCCount(targetText: String) throws {
        let target = try ServiceTarget(parsing: targetText)
        let erlang = try #require(ErlangC.fewestServers(for: target, arrivalRate: 4.5, meanService: 1))
        let plan = try StaffingSearch(
            model: try model(counters: 3), target: target, replications: 8, seed: 21, threads: 2
        ).run()
        #expect(plan.counters["desk"] == erlang)
        #expect(plan.rows[0].meetsTarget)
    }

    /// A candidate one counter short of Erlang C is rejected by the search: start there explicitly.
    @Test func oneCounterShortFailsWithConfidence() throws {
        let target = try ServiceTarget(parsing: "mean wait <= 0.5m")
        let samples = try ReplicationRunner.run(try model(counters: 5), replications: 0..<8, seed: 21, threads: 2)
        let wait = try #require(MetricSample.summarize(samples)["queues.desk.wait_minutes"])
        #expect(!target.isMetWithConfidence(wait))
    }
}
