import Foundation
import Testing

/// `antrean fit` and `simulate --trace` through the command line: outputs, skipped lines, exit statuses.
@Suite("antrean fit and simulate --trace")
struct FitCommandTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-fit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aTraceFittedGivesAFragmentTheLoaderReads() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("trace.csv").path
        let scenario = AntreanProcess.repositoryRoot.appendingPathComponent("Simulations/samarinda.yaml").path
        let simulate = try AntreanProcess.run([
            "simulate", scenario, "--days", "2", "--replications", "1", "--param", "run.warm_up_days=1",
            "--trace", trace,
        ])
        #expect(simulate.status == 0, "\(simulate.standardError)")
        let fragment = folder.appendingPathComponent("fitted.yaml").path
        let fit = try AntreanProcess.run([
            "fit", trace, "--out", fragment, "--report", folder.appendingPathComponent("fit.html").path,
        ])
        #expect(fit.status == 0, "\(fit.standardError)")
        #expect(fit.standardOutput.contains("0 skipped"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("fitted.arrivals.csv").path))
        let html = try String(contentsOfFile: folder.appendingPathComponent("fit.html").path, encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Kaplan"))
        // The fragment laid over the city validates.
        let whatIf = folder.appendingPathComponent("what-if.yaml").path
        try Data("include: [\(scenario), fitted.yaml]\n".utf8).write(to: URL(fileURLWithPath: whatIf))
        let validate = try AntreanProcess.run(["validate", whatIf])
        #expect(validate.status == 0, "\(validate.standardError)")
        // With --scenario the fragment is that what-if itself: it includes the city and runs.
        let fitted = folder.appendingPathComponent("out/fitted-city.yaml").path
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        let whole = try AntreanProcess.run(["fit", trace, "--scenario", scenario, "--out", fitted])
        #expect(whole.status == 0, "\(whole.standardError)")
        let text = try String(contentsOfFile: fitted, encoding: .utf8)
        #expect(text.hasPrefix("include: \"../../"), "\(text.prefix(80))")
        let run = try AntreanProcess.run([
            "simulate", fitted, "--days", "2", "--replications", "1", "--param", "run.warm_up_days=1",
        ])
        #expect(run.status == 0, "\(run.standardError)")
    }

    @Test func skippedLinesAreNamedAndAMissingColumnIsBadInput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log.csv")
        try Data(
            """
            Kantor,service,arrival_time,outcome
            a,letter,2026-11-23T08:00:00+08:00,balked
            a,letter,not a time,balked
            a,letter,2026-11-23T08:00:00+08:00,balked

            """.utf8
        ).write(to: log)
        let out = folder.appendingPathComponent("fitted.yaml").path
        let missing = try AntreanProcess.run(["fit", log.path, "--out", out])
        #expect(missing.status == 65)
        #expect(missing.standardError.contains("no column \"office\""))
        let mapped = try AntreanProcess.run(["fit", log.path, "--out", out, "--column", "office=Kantor"])
        #expect(mapped.status == 0, "\(mapped.standardError)")
        #expect(mapped.standardError.contains("log.csv:3: skipped: arrival_time is not an ISO 8601 timestamp"))
        #expect(!mapped.standardError.contains("not a time"))
        #expect(mapped.standardOutput.contains("3 rows read, 2 used, 1 skipped"))
        #expect(
            try AntreanProcess.run(["fit", folder.appendingPathComponent("none.csv").path, "--out", out]).status == 66)
        #expect(try AntreanProcess.run(["fit", log.path, "--out", out, "--column", "offise=Kantor"]).status == 64)
        #expect(
            try AntreanProcess.run([
                "fit", log.path, "--out", folder.path + "/no/such/dir/f.yaml", "--column", "office=Kantor",
            ]).status == 73)
    }

    @Test func aTraceNeedsAKnownExtensionAndACityScenario() throws {
        let scenario = AntreanProcess.repositoryRoot.appendingPathComponent("Simulations/samarinda.yaml").path
        let wrong = try AntreanProcess.run(["simulate", scenario, "--trace", "/tmp/trace.txt"])
        #expect(wrong.status == 64)
        let queues = AntreanProcess.repositoryRoot.appendingPathComponent("Simulations/validation/mm1.yaml").path
        let queue = try AntreanProcess.run(["simulate", queues, "--trace", "/tmp/trace.csv", "--arrivals", "100"])
        #expect(queue.status == 64)
        let unwritable = try AntreanProcess.run([
            "simulate", scenario, "--days", "1", "--replications", "1", "--trace", "/nonexistent-dir/trace.csv",
        ])
        #expect(unwritable.status == 73)
    }
}
