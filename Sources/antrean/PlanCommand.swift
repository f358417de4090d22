import AntreanPlanning
import AntreanQueueing
import AntreanScenario
import ArgumentParser
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Find the fewest counters per office that meet a waiting-time target with 95% confidence.",
        discussion: """
            Starts each office (queue) at its Erlang C count for the busiest hour, then simulates \
            candidate plans on common random numbers (every candidate sees the same customers), \
            adding a counter where the target's 95% bound misses and removing one where it still \
            holds. Prints the staffing table and the counter-hours against the current plan.

            Targets:  "p90 wait <= 15m"   "mean wait <= 10m"   "within 15s >= 80%"
            Any percentile from p1 to p99.9 works (p80, p95, p99.9). A time limit needs its unit (s, m \
            or h). A "within" target measures the share waiting at most its own limit.

            With --by office,weekday,hour-block and --roster-out FILE, a city's hour blocks are \
            searched by simulation (each block starts at its modified-offered-load count) until every \
            block meets the target at the 95% bound, and the roster is written to FILE, which \
            `antrean simulate FILE` runs (it includes the scenario). Without --roster-out the hour \
            blocks are analytic only.

            A block is judged over the citizens of all replications together ("p90 wait <= 15m" \
            reads as "at least 90% of the block's citizens within 15m"; ratio estimator, the \
            interval from the spread between replications), so an hour with a handful of citizens \
            is not judged on the largest of three waits. The searched roster is then re-checked on \
            independent replications of the same seed (numbers from 2^32 on): first as many as \
            --replications, doubled up to 8 times as many while a block's interval still holds the \
            limit; a block that misses, or is still undecided at the cap, gets a counter and the \
            roster is checked again (at most 10 checks). The table and the file say what the check \
            did; a block it could not settle is marked NO, never passed silently.

            The search never caps a unit below its current counters or its Erlang C count \
            (--max-counters only limits how far beyond them it may go); a target that is still missed \
            is reported as "not met within N counters", never as a saving.

            Examples:
              antrean plan Simulations/validation/mm5.yaml --target "p90 wait <= 2m" \\
                --replications 10
              antrean plan Simulations/validation/mm5.yaml \\
                --target "mean wait <= 30s" --format json
              antrean plan Simulations/validation/mm5.yaml \\
                --target "within 15s >= 80%" --replications 5
              antrean plan Simulations/validation/mm5.yaml --target "p90 wait <= 2m" \\
                --report plan.html
              antrean plan Simulations/samarinda.yaml --target "p90 wait <= 15m" \\
                --by office,weekday,hour-block
              antrean plan Simulations/samarinda.yaml --target "p90 wait <= 15m" \\
                --by office,weekday,hour-block --offices kec_sambutan --param run.days=7 \\
                --replications 3 --roster-out /tmp/antrean-roster.yaml
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: ArgumentHelp("Service target, e.g. \"p90 wait <= 15m\".", valueName: "TARGET"))
    var target: String

    @Option(
        help:
            "Staffing units: office; office,hour-block (analytic per hour for queue profiles); office,weekday,hour-block (city)."
    )
    var by: String = "office"

    @Option(
        help:
            "Search at most this many counters at a unit, raised to its current counters and to its Erlang C count + 2."
    )
    var maxCounters: Int = 50

    @Option(
        name: .customLong("report"),
        help:
            "Also write a self-contained HTML report (and CSV per table) here; a .pdf path prints it with headless Chromium."
    )
    var htmlReport: String?

    @Option(
        help: ArgumentHelp(
            "With --by office,weekday,hour-block: search the hour-block roster by simulation and write it here.",
            valueName: "FILE"))
    var rosterOut: String?

    @Option(help: "With --roster-out: plan only these offices (comma-separated ids); the others keep theirs.")
    var offices: String?

    @Option(help: "Simulator: auto (fifo when the scenario fits), fifo (exact FIFO evaluator) or simulation (engine).")
    var evaluator: Evaluator = .auto

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if maxCounters < 1 { throw ValidationError("--max-counters must be at least 1") }
        if offices != nil && rosterOut == nil { throw ValidationError("--offices goes with --roster-out") }
        let units = by.split(separator: ",").map(String.init)
        if let unknown = units.first(where: { !["office", "weekday", "hour-block"].contains($0) }) {
            throw ValidationError("--by: unknown unit \"\(unknown)\"; use office or office,weekday,hour-block")
        }
    }

    func run() throws {
        try report.checkOutput()
        try OutputPaths.ensureWritable(htmlReport, option: "--report", createsFolders: true)
        try OutputPaths.ensureWritable(rosterOut, option: "--roster-out", createsFolders: true)
        let serviceTarget = try cliValue(status: ExitStatus.usage) { try ServiceTarget(parsing: target) }
        let loaded = try PlanningScenario.load(file, overrides: report.overrides, evaluator: evaluator)
        if let rosterOut {
            return try planRoster(loaded, target: serviceTarget, rosterOut: rosterOut)
        }
        if by != "office" {
            // Without --roster-out, time blocks are staffed analytically.
            guard by.contains("hour-block") else {
                throw CLIError("--by \(by): add hour-block (office,hour-block or office,weekday,hour-block)")
            }
            let units: [StaffingUnit]
            if let city = loaded.model as? CityScenarioModel {
                units = city.blockUnits(byWeekday: by.contains("weekday"))
            } else {
                guard !by.contains("weekday") else {
                    throw CLIError("--by \(by): weekday blocks need a city scenario; \(file) is a queue scenario")
                }
                units = loaded.model.staffingUnits
            }
            let hourly = HourlyStaffing(units: units, target: serviceTarget)
            guard !hourly.rows.isEmpty else {
                throw CLIError(
                    "--by \(by): no queue in \(file) has an hourly arrival profile (arrivals: { per_hour: [...] })")
            }
            switch report.format {
            case .table:
                try report.emit(hourly.tableText(title: loaded.title, language: try report.language.language()))
            case .json: try report.emit(hourly.jsonText(title: loaded.title))
            case .csv: try report.emit(hourly.csvText())
            }
            if let htmlReport {
                try writeReport(
                    .roster(
                        hourly, title: loaded.title, file: file, offices: loaded.offices,
                        vocabulary: ReportVocabulary(language: try report.language.language())),
                    to: htmlReport)
            }
            return
        }
        let replications = report.replications ?? loaded.settings.replications
        let seed = report.seed ?? loaded.settings.seed
        let verbose = ProgressReporter.shouldDraw(environment: ProcessInfo.processInfo.environment)
        var announce: (@Sendable (String) -> Void)?
        if verbose { announce = { line in printToStandardError("  " + line) } }
        let plan: StaffingPlan = try cliValue { () throws -> StaffingPlan in
            try Self.search(
                loaded.model, target: serviceTarget, replications: replications, seed: seed,
                maxCounters: maxCounters, threads: report.threadCount, progress: announce)
        }
        switch report.format {
        case .table: try report.emit(plan.tableText(title: loaded.title, language: try report.language.language()))
        case .json: try report.emit(plan.jsonText(title: loaded.title, file: file))
        case .csv: try report.emit(plan.csvText())
        }
        if let htmlReport {
            try writeReport(
                .plan(
                    plan, title: loaded.title, file: file, scopePrefix: loaded.scopePrefix, offices: loaded.offices,
                    vocabulary: ReportVocabulary(language: try report.language.language())),
                to: htmlReport)
        }
    }
}

extension PlanCommand {
    /// Opens the model's type for the generic search.
    static func search<Model: StaffableModel>(
        _ model: Model, target: ServiceTarget, replications: Int, seed: UInt64, maxCounters: Int, threads: Int,
        estimate: UnitEstimate = .replicationMean, check: IndependentCheck? = nil,
        progress: (@Sendable (String) -> Void)?
    ) throws -> StaffingPlan {
        try StaffingSearch(
            model: model, target: target, replications: replications, seed: seed, maxCounters: maxCounters,
            threads: threads, estimate: estimate, check: check
        ).run(progress: progress)
    }
}

/// Which simulator evaluates queue scenarios for planning.
enum Evaluator: String, ExpressibleByArgument, CaseIterable {
    /// `fifo` when the scenario fits it, else `simulation`.
    case auto
    /// The exact Kiefer–Wolfowitz FIFO evaluator: FIFO queues without patience; also reports
    /// wait_within_target and hour-of-day waits.
    case fifo
    /// The engine's discrete-event QueueNetworkSimulation (patience, priority classes), as `simulate`.
    case simulation
}

/// A scenario loaded for planning: the model behind the planning protocols and its run settings.
struct PlanningScenario {
    var title: String
    var model: any StaffableModel
    var settings: RunSettings
    var scopePrefix: String
    var evaluator: Evaluator
    /// Offices with names and kecamatan, for reports (empty for queue scenarios).
    var offices: [OfficeInfo] = []

    static func load(_ file: String, overrides: [String], evaluator: Evaluator = .auto) throws -> PlanningScenario {
        let loaded = try loadScenario(file, overrides: overrides)
        // Plan, compare and sweep refuse what simulate refuses: a run beyond the work and memory limits
        // or a queue that grows without bound (exit 65, with the estimate).
        switch loaded {
        case .queues(let scenario): try checkWorkload(loaded, file: file, replications: scenario.run.replications)
        case .city(let city): try checkWorkload(loaded, file: file, replications: city.run.replications)
        }
        switch loaded {
        case .queues(let scenario):
            let fits = FIFOQueueReplicator.supports(scenario.spec)
            let chosen: Evaluator = evaluator == .auto ? (fits ? .fifo : .simulation) : evaluator
            let model: QueueScenarioModel
            switch chosen {
            case .fifo:
                guard fits else {
                    throw CLIError(
                        "\(file): the fifo evaluator cannot model patience, priority classes or rosters; use --evaluator simulation"
                    )
                }
                let replicator = FIFOQueueReplicator(waitTargetMinutes: scenario.run.waitTargetMinutes)
                model = QueueScenarioModel(scenario: scenario) { spec, replication, seed in
                    try replicator.replicate(spec, replication: replication, seed: seed)
                }
            case .simulation, .auto:
                _ = try cliValue { try QueueNetworkSimulation(scenario.spec) }
                model = QueueScenarioModel(scenario: scenario) { spec, replication, seed in
                    try QueueNetworkSimulation(spec).run(seed: seed, replication: replication)
                }
            }
            return PlanningScenario(
                title: scenario.name, model: model, settings: scenario.run, scopePrefix: "queues", evaluator: chosen)
        case .city(let scenario):
            let model = try cliValue { try CityScenarioModel(scenario: scenario) }
            return PlanningScenario(
                title: scenario.model.name, model: model, settings: scenario.run, scopePrefix: "offices",
                evaluator: .simulation, offices: OfficeInfo.offices(of: scenario.model))
        }
    }
}

/// An error that ends the command with its message and an ``ExitStatus`` (usage unless said).
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var status: ExitCode
    init(_ description: String, status: ExitCode = ExitStatus.usage) {
        self.description = description
        self.status = status
    }
}

/// Runs `body`, turning a library error into a printed message and `status` (bad input data unless
/// said: the libraries refuse what a scenario, a trace or a shard file says).
func cliValue<T>(status: ExitCode = ExitStatus.badInput, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ExitCode { throw error } catch let error as CLIError {
        throw error
    } catch {
        throw CLIError("\(error)", status: status)
    }
}

func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Writes the HTML report and its CSV tables, naming them on standard error.
func writeReport(_ content: ReportContent, to path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    let csvFiles: [String]
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        csvFiles = try PlanningReportBuilder.build(content).write(to: path, printer: ChromiumPrinter.find())
    } catch {
        throw CLIError("\(path): cannot write the report: \(error)", status: ExitStatus.cannotCreateOutput)
    }
    FileHandle.standardError.write(Data("wrote \(path) and \(csvFiles.count) CSV tables beside it\n".utf8))
}
