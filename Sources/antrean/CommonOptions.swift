import AntreanEngine
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

    @Option(
        help: ArgumentHelp(
            "Also report these wait percentiles (comma-separated, from p1 to p99.9), e.g. 80,95 or p99.9.",
            valueName: "P,P,…"))
    var quantiles: String?

    /// The levels of --quantiles (0.8 for 80 or p80); throws a usage error naming a bad entry.
    func quantileLevels() throws -> [Double] {
        guard let quantiles else { return [] }
        return try quantiles.split(separator: ",").map { entry in
            let word = entry.trimmingCharacters(in: .whitespaces)
            guard let level = WaitQuantile.level(parsing: word.hasPrefix("p") ? word : "p" + word) else {
                throw ValidationError(
                    "--quantiles: \"\(word)\" is not a percentile between 0 and 100 (e.g. 80, 95 or p99.9)")
            }
            return level
        }
    }

    var threadCount: Int { max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount) }

    func validate() throws {
        if let replications, replications < 1 {
            throw ValidationError("--replications must be at least 1, got \(replications)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        _ = try quantileLevels()
    }

    /// Writes `text` to --output or standard output.
    func emit(_ text: String) throws {
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw CLIError(
                    "\(output): cannot write: \(error.localizedDescription)", status: ExitStatus.cannotCreateOutput)
            }
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
