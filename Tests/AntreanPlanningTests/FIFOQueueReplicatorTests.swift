import AntreanEngine
import AntreanQueueing
import AntreanScenario
import Testing

@testable import AntreanPlanning

@Suite struct FIFOQueueReplicatorTests {
    private func scenario(counters: Int, rate: Double = 4.5) -> QueueScenario {
        let queue = QueueSpec(
            name: "desk", counters: counters, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: rate))
        return QueueScenario(
            name: "M/M/c", spec: QueueNetworkSpec(queues: [queue], runLength: .minutes(5_000), warmUpMinutes: 200),
            run: RunSettings(replications: 10, seed: 5, waitTargetMinutes: 1))
    }

    private func model(_ scenario: QueueScenario) -> QueueScenarioModel {
        let replicator = FIFOQueueReplicator(waitTargetMinutes: scenario.run.waitTargetMinutes)
        return QueueScenarioModel(scenario: scenario) { spec, replication, seed in
            try replicator.replicate(spec, replication: replication, seed: seed)
        }
    }

    @Test func mm5WaitAgreesWithErlangC() throws {
        let samples = try ReplicationRunner.run(model(scenario(counters: 5)), replications: 0..<10, seed: 5, threads: 2)
        let summary = MetricSample.summarize(samples)
        let wait = try #require(summary["queues.desk.wait_minutes"])
        let theory = ErlangC.meanWait(servers: 5, arrivalRate: 4.5, meanService: 1)
        // Within 4 half-widths of theory (the run is short and starts warm-up-trimmed, not stationary).
        #expect(
            abs(wait.mean - theory) <= 4 * wait.halfWidth95,
            "simulated \(wait.mean) ± \(wait.halfWidth95), theory \(theory)")
        let utilization = try #require(summary["queues.desk.utilization"])
        #expect(abs(utilization.mean - 0.9) <= 4 * utilization.halfWidth95 + 1e-3)
        let within = try #require(summary["queues.desk.wait_within_target"])
        let expectedWithin = 1 - ErlangC.probabilityWaitExceeds(1, servers: 5, arrivalRate: 4.5, meanService: 1)
        #expect(abs(within.mean - expectedWithin) <= 4 * within.halfWidth95)
    }

    @Test func samplesDoNotDependOnThreads() throws {
        let queueModel = model(scenario(counters: 6))
        let one = try ReplicationRunner.run(queueModel, replications: 0..<4, seed: 9, threads: 1)
        let three = try ReplicationRunner.run(queueModel, replications: 0..<4, seed: 9, threads: 3)
        #expect(one == three)
    }

    @Test func planOnAQueueScenarioGivesTheErlangCCount() throws {
        let target = try ServiceTarget(parsing: "p90 wait <= 2m")
        let plan = try StaffingSearch(model: model(scenario(counters: 9)), target: target, replications: 8, seed: 3)
            .run()
        #expect(plan.counters["desk"] == ErlangC.fewestServers(for: target, arrivalRate: 4.5, meanService: 1))
        #expect(plan.counterHours < plan.currentCounterHours)
    }
}

@Suite struct FIFOHourlyProfileTests {
    /// Open 08–12 with a quiet and a busy hour: the busy hour's waits are longer, and no hour
    /// outside the profile reports anything.
    @Test func reportsWaitsByHourOfArrival() throws {
        var perHour = Array(repeating: 0.0, count: 24)
        perHour[8] = 60
        perHour[9] = 170
        perHour[10] = 100
        perHour[11] = 60
        let queue = QueueSpec(
            name: "desk", counters: 3, service: .exponential(mean: 1), arrivals: .hourlyProfile(ratesPerHour: perHour))
        let spec = QueueNetworkSpec(queues: [queue], runLength: .minutes(24 * 60 * 20))
        let sample = try FIFOQueueReplicator(waitTargetMinutes: 15).replicate(spec, replication: 0, seed: 1)
        let quiet = try #require(sample["queues.desk.hour.08.wait_minutes"])
        let busy = try #require(sample["queues.desk.hour.09.wait_minutes"])
        #expect(busy > quiet)
        #expect(sample["queues.desk.hour.13.served"] == nil)
        let hours = ["08", "09", "10", "11"].map { sample["queues.desk.hour.\($0).served"] ?? 0 }
        #expect(hours.reduce(0, +) == sample["queues.desk.served"])
    }
}
