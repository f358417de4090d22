import Foundation
import Testing

/// An output file that cannot be written ends the command with status 73 before the work whose results
/// it would hold (a schedule's or a roster's search can take minutes), naming the option and the path;
/// nothing is created on the way.
@Suite("Output paths are checked before the work")
struct OutputPathTests {
    static let city = AntreanProcess.repositoryRoot.appendingPathComponent("Simulations/samarinda.yaml").path
    static let queues = AntreanProcess.repositoryRoot.appendingPathComponent("Simulations/validation/mm5.yaml").path

    @Test func unwritableOutputsEndTheCommandBeforeItsWork() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-outputs-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file.txt")
        try Data("x".utf8).write(to: file)
        let missing = folder.appendingPathComponent("missing/out.yaml").path
        let underAFile = file.appendingPathComponent("out.html").path
        let cases: [(arguments: [String], option: String, path: String, reason: String, workSign: String)] = [
            // The whole city's schedule search: minutes of work when the check is missing.
            (["schedule", Self.city, "--out", missing], "--out", missing, "does not exist", "searched in"),
            (["schedule", Self.city, "--output", folder.path], "--output", folder.path, "is a folder", "searched in"),
            (
                ["schedule", Self.city, "--office", "mpp", "--report", underAFile], "--report", underAFile,
                "is not a folder", "searched in"
            ),
            (
                ["plan", Self.queues, "--target", "p90 wait <= 15m", "--output", missing], "--output", missing,
                "does not exist", "counters"
            ),
            (
                [
                    "plan", Self.city, "--target", "p90 wait <= 15m", "--by", "office,weekday,hour-block",
                    "--roster-out", underAFile,
                ], "--roster-out",
                underAFile, "is not a folder", "wrote"
            ),
            (
                ["simulate", Self.city, "--days", "1", "--replications", "1", "--trace", missing + ".csv"], "--trace",
                missing + ".csv", "does not exist", "wrote"
            ),
            (
                [
                    "compare", Self.queues, "--variant", "4:queues.counters.counters=4", "--variant",
                    "5:queues.counters.counters=5",
                    "--report", underAFile,
                ], "--report", underAFile, "is not a folder", "wrote"
            ),
        ]
        for (arguments, option, path, reason, workSign) in cases {
            let result = try AntreanProcess.run(arguments)
            #expect(result.status == 73, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains("\(option) \(path): cannot write: "), "\(result.standardError)")
            #expect(result.standardError.contains(reason), "\(result.standardError)")
            #expect(!result.standardError.contains(workSign) && result.standardOutput.isEmpty, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing").path))
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }

    /// Folders the command creates itself (the HTML reports, the roster) may be missing; an existing file
    /// is written over.
    @Test func foldersAReportCreatesAndExistingFilesPass() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-outputs-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("kept.txt")
        try Data("old".utf8).write(to: output)
        let report = folder.appendingPathComponent("new/deeper/report.html")
        let result = try AntreanProcess.run([
            "simulate", Self.queues, "--arrivals", "200", "--replications", "2", "--output", output.path,
            "--report", report.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: report.path))
        #expect(try String(contentsOf: output, encoding: .utf8) != "old")
    }
}
