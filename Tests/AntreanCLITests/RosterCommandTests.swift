import Foundation
import Testing

/// Rosters from the command line: `simulate` with a roster that says what the all-day counters say,
/// and `plan --by office,weekday,hour-block --roster-out` writing a roster `simulate` runs.
@Suite("rosters (CLI)")
struct RosterCommandTests {
    static let fixtures = "Tests/AntreanCityTests/Fixtures"

    /// The JSON report of `simulate`, without the `file` it names (the one thing that differs).
    static func report(_ file: String) throws -> String {
        let result = try AntreanProcess.run([
            "simulate", file, "--days", "5", "--replications", "2", "--seed", "9", "--format", "json",
        ])
        try #require(result.status == 0, "\(result.standardError)")
        var json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        var run = try #require(json["run"] as? [String: Any])
        #expect(run["file"] as? String == file)
        run["file"] = nil
        json["run"] = run
        return String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func allDayRosterGivesTheSameJSONReport() throws {
        let plain = try Self.report("\(Self.fixtures)/small-city.yaml")
        let rostered = try Self.report("\(Self.fixtures)/roster-same.yaml")
        #expect(plain == rostered)
    }

    @Test func planWritesARosterThatSimulateRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-roster-cli-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("plans/roster.yaml").path
        let plan = try AntreanProcess.run([
            "plan", "\(Self.fixtures)/small-city.yaml", "--target", "p90 wait <= 15m", "--by",
            "office,weekday,hour-block", "--offices", "bukit", "--param", "run.days=5", "--replications", "2",
            "--roster-out", roster, "--format", "json",
        ])
        try #require(plan.status == 0, "\(plan.standardError)")
        #expect(plan.standardError.contains("wrote \(roster)"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(plan.standardOutput.utf8)) as? [String: Any])
        let counters = try #require(json["counters"] as? [String: Any])
        // One office × (4 weekdays of 8 hours + Friday's 6), one unit per hour block.
        #expect(counters.count == 4 * 8 + 6)
        #expect(counters["bukit.mon.08"] is Int)
        let text = try String(contentsOfFile: roster, encoding: .utf8)
        #expect(text.contains("include: "))
        #expect(text.contains("  bukit:\n    roster:\n      monday: { 08:00-"))
        let simulate = try AntreanProcess.run(["simulate", roster, "--days", "3", "--replications", "2"])
        #expect(simulate.status == 0, "\(simulate.standardError)")
    }

    /// A queue scenario's hour blocks: one per weekday × hour of a week, written as `queues:` rosters
    /// that `simulate` runs.
    @Test func planWritesAQueueRosterThatSimulateRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-roster-queue-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = folder.appendingPathComponent("desk.yaml").path
        try """
        model: queues
        name: desk
        run: { duration: 7d, warm_up: 60m, replications: 2, seed: 3 }
        queues:
          desk: { counters: 3, arrivals: 2/min, service: exponential(mean=1m) }
        """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let roster = folder.appendingPathComponent("plans/roster.yaml").path
        let plan = try AntreanProcess.run([
            "plan", scenario, "--target", "mean wait <= 0.5m", "--by", "office,weekday,hour-block",
            "--roster-out", roster, "--format", "json",
        ])
        try #require(plan.status == 0, "\(plan.standardError)")
        #expect(plan.standardError.contains("wrote \(roster)"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(plan.standardOutput.utf8)) as? [String: Any])
        let counters = try #require(json["counters"] as? [String: Any])
        #expect(counters.count == 7 * 24)
        #expect(counters["desk.sun.23"] is Int)
        let text = try String(contentsOfFile: roster, encoding: .utf8)
        #expect(text.contains("include: \"../desk.yaml\"\nqueues:\n  desk:\n    roster:\n      monday: { 00:00-"))
        let simulate = try AntreanProcess.run(["simulate", roster, "--replications", "2"])
        #expect(simulate.status == 0, "\(simulate.standardError)")
        let offices = try AntreanProcess.run([
            "plan", scenario, "--target", "mean wait <= 0.5m", "--by", "office,weekday,hour-block", "--offices", "a",
            "--roster-out", roster,
        ])
        #expect(offices.status == 64)
        #expect(offices.standardError.contains("is a queue scenario"))
    }

    @Test func rosterOutNeedsCityWeekdayBlocks() throws {
        let queue = try AntreanProcess.run([
            "plan", "Simulations/validation/mm5.yaml", "--target", "p90 wait <= 2m", "--by", "office,hour-block",
            "--roster-out", "/dev/null",
        ])
        #expect(queue.status == 64)
        #expect(queue.standardError.contains("--roster-out needs --by office,weekday,hour-block"))
        let unknown = try AntreanProcess.run([
            "plan", "\(Self.fixtures)/small-city.yaml", "--target", "p90 wait <= 15m", "--by",
            "office,weekday,hour-block", "--offices", "nowhere", "--roster-out", "/dev/null",
        ])
        #expect(unknown.status == 65)
        #expect(unknown.standardError.contains("unknown office \"nowhere\""))
        let alone = try AntreanProcess.run([
            "plan", "\(Self.fixtures)/small-city.yaml", "--target", "p90 wait <= 15m", "--offices", "bukit",
        ])
        #expect(alone.status == 64)
        #expect(alone.standardError.contains("--offices goes with --roster-out"))
    }
}
