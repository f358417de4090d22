import AntreanLocalization
import AntreanPlanning
import ArgumentParser
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Check and summarise the shard files of a sweep.",
        discussion: """
            Reads every shard-*.jsonl in the given directories (or the files given), refuses shards \
            of different sweeps, missing or duplicated cells, and summarises each grid point: mean, \
            95% interval and sd of every metric over its replications, the same numbers as an \
            unsharded run to the last bit.

            Examples:
              antrean merge sweep/
              antrean merge sweep/ --format csv --output sweep.csv
              antrean merge sweep/ \\
                --metrics queues.counters.wait_minutes,queues.counters.utilization
            """
    )

    @Argument(help: "Shard directories or files.")
    var paths: [String]

    @Option(help: "Metrics in the table (comma-separated; default: the overall KPIs simulate shows for the model).")
    var metrics: String?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var language: LanguageOptions

    @Flag(help: "CSV: add a row of column names in the --lang language above the row of column keys.")
    var csvHeaderNames = false

    func run() throws {
        let result = try cliValue { try SweepResult.merge(paths.map { URL(fileURLWithPath: $0) }) }
        let text: String
        switch format {
        case .table:
            let keys = metrics?.split(separator: ",").map(String.init) ?? result.defaultTableMetrics
            text = result.tableText(metrics: keys, language: try language.language())
        case .json: text = result.jsonText()
        case .csv:
            text =
                csvHeaderNames
                ? CSV.withHeaderNames(result.csvText(), language: try language.language()) : result.csvText()
        }
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
