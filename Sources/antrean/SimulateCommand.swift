import AntreanCity
import AntreanEngine
import AntreanPlanning
import AntreanQueueing
import AntreanScenario
import ArgumentParser
import Foundation

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a scenario's replications and report each KPI with its 95% confidence interval.",
        discussion: """
            Every random choice flows from --seed: the same seed gives the same report, whatever \
            --threads is. A city scenario (one with offices:) runs whole calendar days: --days sets \
            how many are measured after the scenario's warm-up days; --arrivals and --duration apply \
            to queue scenarios. A progress bar shows on a terminal (standard error).

            Examples:
              antrean simulate Simulations/validation/mm5.yaml
              antrean simulate Simulations/validation/mm5.yaml --arrivals 1000000 \\
                --format json
              antrean simulate Simulations/validation/mm1.yaml --duration 30d \\
                --replications 20
              antrean simulate Simulations/validation/mm5.yaml --quantiles 80,95
              antrean simulate Simulations/samarinda.yaml --days 20 --top 15
              antrean simulate Simulations/samarinda.yaml --days 5 --replications 1 \\
                --trace trace.csv
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @OptionGroup var report: ReportOptions

    @Option(help: "Stop after this many arrivals per replication (overrides run.arrivals / run.duration).")
    var arrivals: Int?

    @Option(help: "Simulated time per replication, e.g. 8h or 30d (overrides run.arrivals / run.duration).")
    var duration: String?

    @Option(
        name: .customLong("report"),
        help:
            "Also write a self-contained HTML report (and CSV per table) here; a .pdf path prints it with headless Chromium."
    )
    var htmlReport: String?

    @Option(help: "City scenarios: measured calendar days per replication (overrides run.days).")
    var days: Int?

    @Option(help: "City scenarios: show only the N worst offices in the table (JSON/CSV keep all).")
    var top: Int?

    @Option(
        help: ArgumentHelp(
            "City scenarios: write one row per citizen and replication to this file (.csv or .jsonl).",
            discussion: "The columns antrean fit reads; see docs/fit.md."))
    var trace: String?

    func validate() throws {
        if let trace, TraceFormat(path: trace) == nil {
            throw ValidationError("--trace needs a file ending in .csv or .jsonl (got \"\(trace)\")")
        }
        if let days, !(1...36_500).contains(days) { throw ValidationError("--days must lie in 1…36500") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if arrivals != nil && duration != nil { throw ValidationError("give --arrivals or --duration, not both") }
        if let arrivals, arrivals < 1 { throw ValidationError("--arrivals must be at least 1") }
        if let duration, (Quantities.minutes(duration) ?? 0) <= 0 {
            throw ValidationError(
                "--duration needs a positive duration with a unit, e.g. 8h or 30d (got \"\(duration)\")")
        }
    }

    func run() async throws {
        try report.checkOutput()
        try OutputPaths.ensureWritable(trace, option: "--trace")
        try OutputPaths.ensureWritable(htmlReport, option: "--report", createsFolders: true)
        switch try loadScenario(file, overrides: report.overrides) {
        case .queues(var scenario):
            if trace != nil { throw ValidationError("--trace is written for city scenarios (with offices:) only") }
            if let arrivals { scenario.spec.runLength = .arrivals(arrivals) }
            if let duration, let minutes = Quantities.minutes(duration) { scenario.spec.runLength = .minutes(minutes) }
            let extraQuantiles = try report.quantileLevels()
            scenario.spec.waitQuantiles = WaitQuantile.merged(extraQuantiles)
            let replications = report.replications ?? scenario.run.replications
            try checkWorkload(.queues(scenario), file: file, replications: replications)
            let progress = ProgressReporter(total: replications, label: "simulate")
            let summary = try scenarioValue {
                try QueueScenarioRun.run(
                    scenario, file: file, replications: replications, seed: report.seed ?? scenario.run.seed,
                    threads: report.threadCount, progress: { _, _ in progress.advance() })
            }
            progress.finish()
            switch report.format {
            case .table:
                try report.emit(
                    summary.queueTable(
                        queueNames: scenario.spec.queues.map(\.name), extraQuantiles: extraQuantiles,
                        language: try report.language.language()))
            case .json: try report.emit(summary.jsonText())
            case .csv: try report.emit(summary.csvText())
            }
            if let htmlReport {
                try writeReport(
                    summary.reportContent(
                        scopePrefix: "queues", offices: [], waitTargetMinutes: scenario.run.waitTargetMinutes,
                        vocabulary: ReportVocabulary(language: try report.language.language())),
                    to: htmlReport)
            }
        case .city(var scenario):
            let extraQuantiles = try report.quantileLevels()
            scenario.model.waitQuantiles = WaitQuantile.merged(extraQuantiles)
            if arrivals != nil || duration != nil {
                throw ValidationError("a city scenario runs whole days: use --days instead of --arrivals/--duration")
            }
            let replications = report.replications ?? scenario.run.replications
            try checkWorkload(.city(scenario), file: file, replications: replications, days: days)
            let progress = ProgressReporter(total: replications, label: "simulate")
            let traceRequest = trace.flatMap { path in
                TraceFormat(path: path).map { TraceRequest(path: path, format: $0) }
            }
            let summary = try traceValue {
                try scenarioValue {
                    try CityScenarioRun.run(
                        scenario, file: file, days: days ?? scenario.days, replications: replications,
                        seed: report.seed ?? scenario.run.seed, threads: report.threadCount, trace: traceRequest,
                        progress: { _, _ in progress.advance() })
                }
            }
            progress.finish()
            switch report.format {
            case .table:
                try report.emit(
                    summary.cityTable(
                        model: scenario.model, limit: top, extraQuantiles: extraQuantiles,
                        language: try report.language.language()))
            case .json: try report.emit(summary.jsonText())
            case .csv: try report.emit(summary.csvText())
            }
            if let htmlReport {
                try writeReport(
                    summary.reportContent(
                        scopePrefix: "offices", offices: OfficeInfo.offices(of: scenario.model),
                        waitTargetMinutes: scenario.model.waitTargetMinutes,
                        vocabulary: ReportVocabulary(language: try report.language.language())),
                    to: htmlReport)
            }
        }
    }
}

/// `body`'s value; a trace that cannot be written ends the command (73: cannot create output).
private func traceValue<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as TraceError {
        printToStandardError("error: \(error)")
        throw ExitStatus.cannotCreateOutput
    }
}
