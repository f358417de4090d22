import AntreanEngine
import AntreanLocalization
import AntreanPlanning
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

    @OptionGroup var language: LanguageOptions

    @Flag(help: "CSV: add a row of column names in the --lang language above the row of column keys.")
    var csvHeaderNames = false

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

    /// --output checked before the work (`OutputPaths`); commands call it first in `run()`, since an error
    /// thrown by `validate()` would reach the user as a usage error.
    func checkOutput() throws { try OutputPaths.ensureWritable(output, option: "--output") }

    /// Writes `text` to --output or standard output (CSV with the names row if asked).
    func emit(_ text: String) throws {
        let text =
            format == .csv && csvHeaderNames ? CSV.withHeaderNames(text, language: try language.language()) : text
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

/// `--lang`: the language of the text for people (tables, notes, refusal messages). Machine keys —
/// JSON fields, CSV columns, metric keys, refusal codes — never change with it.
struct LanguageOptions: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "Language of the text for people: en or id (Bahasa Indonesia); default $ANTREAN_LANG, else en.",
            valueName: "en|id"))
    var code: String?

    func validate() throws { _ = try language() }

    /// The language from --lang, else ANTREAN_LANG, else English; a bad code is a usage error (exit 64).
    func language() throws -> Language {
        do { return try Language.resolve(option: code, environment: ProcessInfo.processInfo.environment) } catch {
            throw ValidationError(error.description)
        }
    }
}

/// Scenario errors end the command with the file:line: field: message text and exit 65 (a bad
/// scenario) or 66 (a file that is missing or cannot be read).
func loadScenario(_ path: String, overrides: [String]) throws -> Scenario {
    try scenarioValue { try Scenario.load(path: path, overrides: overrides) }
}
