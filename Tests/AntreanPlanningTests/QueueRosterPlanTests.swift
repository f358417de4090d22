import AntreanEngine
import AntreanPlanning
import AntreanQueueing
import AntreanScenario
import Foundation
import Testing

/// Hour-block rosters of a queue scenario planned by simulation (``QueueRosterModel`` under
/// ``StaffingSearch``).
@Suite struct QueueRosterPlanTests {
    /// A stationary queue: Poisson 2 a minute, exponential service of 1 minute (2 Erlang), four weeks.
    static let scenario = """
        model: queues
        name: stationary desk
        run: { duration: 28d, warm_up: 60m, replications: 10, seed: 20261206 }
        queues:
          desk:
            counters: 3
            arrivals: 2/min
            service: exponential(mean=1m)
        """

    static func decode(_ text: String) throws -> QueueScenario {
        guard case .queues(let scenario) = try Scenario.decode(ScenarioDocument.parse(yaml: text, file: "desk.yaml"))
        else { throw PlanningError.invalid("not a queue scenario") }
        return scenario
    }

    /// The roster the search settles on by simulation gives every one of the 7 × 24 hour blocks the
    /// Erlang C count for "mean wait ≤ 0.25 min" (4 counters wait 0.087 min by Erlang C, 3 wait 0.444:
    /// far on either side of the limit, and 10 replications of four weeks, so that no block of 168
    /// lands on the wrong side by chance: with 5, one block in 168 did at the upper bound);
    /// every block meets the target at the 95% bound, and the roster written as a file and loaded
    /// back through `include:` is the roster planned.
    @Test func stationaryQueueGetsTheErlangCCountInEveryBlock() throws {
        let scenario = try Self.decode(Self.scenario)
        let target = try ServiceTarget(parsing: "mean wait <= 0.25m")
        let model = try QueueRosterModel(scenario: scenario)
        #expect(model.staffingUnits.count == 7 * 24)
        let plan = try StaffingSearch(
            model: model, target: target, replications: scenario.run.replications, seed: scenario.run.seed,
            threads: 2
        ).run()
        let erlang = try #require(ErlangC.fewestServers(for: target, arrivalRate: 2, meanService: 1))
        #expect(erlang == 4)
        #expect(plan.rows.count == 7 * 24)
        for row in plan.rows {
            #expect(
                row.analyticCounters == erlang,
                "\(row.unit.id): first guess \(String(describing: row.analyticCounters))")
            #expect(row.counters == erlang, "\(row.unit.id): \(row.counters) counters")
            #expect(row.meetsTarget, "\(row.unit.id)")
        }
        // The search also tried one counter fewer and found it missing the target.
        #expect(plan.evaluations >= 2)

        let staffed = try model.staffed(plan.counters)
        let text = RosterFile.queueYAMLText(rosters: staffed.rosters, include: "desk.yaml", comment: ["test"])
        #expect(text.contains("queues:\n  desk:\n    roster:\n      monday: { 00:00-24:00: 4 }\n"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-queue-roster-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.scenario.write(
            toFile: folder.appendingPathComponent("desk.yaml").path, atomically: true, encoding: .utf8)
        let rosterPath = folder.appendingPathComponent("roster.yaml").path
        try text.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        guard case .queues(let loaded) = try Scenario.load(path: rosterPath) else {
            throw PlanningError.invalid("not a queue scenario")
        }
        #expect(loaded.spec.queues.map(\.roster) == staffed.rosters.map(\.roster))
    }
}
