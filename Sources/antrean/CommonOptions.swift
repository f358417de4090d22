import AntreanScenario
import ArgumentParser
import Foundation

/// Output choices shared by the commands that produce a report.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct ReportOptions: ParsableArguments {
    @Option(help: "Replications to run (default: the scenario's run.replications).")
    var replications: Int?

    @Option(help: "Master seed; every random stream derives from it (default: the scenario's run.seed).")
    var seed: UInt64?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Worker threads (default: all cores). Never changes the numbers.")
    var threads: Int?

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp(
            "Override a scenario field, e.g. --param queues.main.counters=6 (repeatable).", valueName: "PATH=VALUE"))
    var overrides: [String] = []

    var threadCount: Int { max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount) }

    func validate() throws {
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// Writes `text` to --output or standard output.
    func emit(_ text: String) throws {
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// Scenario errors end the command with the file:line: field: message text and exit 65 (a bad
/// scenario) or 66 (a file that is missing or cannot be read).
func loadScenario(_ path: String, overrides: [String]) throws -> Scenario {
    try scenarioValue { try Scenario.load(path: path, overrides: overrides) }
}
