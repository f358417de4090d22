import AntreanEngine
import AntreanPlanning
import ArgumentParser
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Paired comparison of policies or scenario variants on common random numbers.",
        discussion: """
            Runs every variant with the same seed and replication numbers, so replication r of A and \
            of B see the same customers; per KPI it reports the mean difference B − A with its 95% \
            t-interval over the pairs and a verdict: "A better", "B better" or "no significant \
            difference" (lower waits, abandonments and overtime are better; higher served and \
            within-target shares are better). The first variant is A; each other one is compared with it.

            Variants:
              --policy NAME  sets the field named by --policy-field (default: policy,
                             a city's allocation policy: home-earliest,
                             kecamatan-earliest, least-loaded or overbooking) to NAME
              --variant "LABEL:PATH=VALUE;PATH=VALUE"  any scenario overrides

            Examples:
              antrean compare Simulations/validation/mm5.yaml \\
                --variant "5 counters:queues.counters.counters=5" \\
                --variant "6 counters:queues.counters.counters=6"
              antrean compare Simulations/samarinda.yaml --policy home-earliest \\
                --policy least-loaded --report compare.html
              antrean compare Simulations/validation/mm5.yaml --quantiles 95 \\
                --variant "5:queues.counters.counters=5" \\
                --variant "6:queues.counters.counters=6"
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "A policy to compare (repeatable); sets --policy-field to it.")
    var policy: [String] = []

    @Option(help: "Scenario field that --policy sets.")
    var policyField: String = "policy"

    @Option(help: ArgumentHelp("A scenario variant (repeatable).", valueName: "LABEL:PATH=VALUE;…"))
    var variant: [String] = []

    @Option(help: "Show only metrics starting with these prefixes in the table (comma-separated).")
    var metrics: String?

    @Option(
        name: .customLong("report"),
        help:
            "Also write a self-contained HTML report (and CSV per table) here; a .pdf path prints it with headless Chromium."
    )
    var htmlReport: String?

    @Option(help: "Simulator: auto (fifo when the scenario fits), fifo or simulation (the engine, as simulate).")
    var evaluator: Evaluator = .auto

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if policy.count + variant.count < 2 {
            throw ValidationError("give at least two --policy or --variant to compare")
        }
    }

    /// (label, overrides) per variant, policies first.
    func variants() throws -> [(label: String, overrides: [String])] {
        var result = policy.map { ($0, ["\(policyField)=\($0)"]) }
        for text in variant {
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
                throw CLIError("--variant \"\(text)\": expected LABEL:PATH=VALUE[;PATH=VALUE…]")
            }
            let overrides = text[text.index(after: colon)...].split(separator: ";").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            result.append((String(text[..<colon]), overrides))
        }
        return result
    }

    func run() throws {
        try report.checkOutput()
        try OutputPaths.ensureWritable(htmlReport, option: "--report", createsFolders: true)
        let variants = try variants()
        var runs: [(label: String, title: String, samples: [MetricSample], prefix: String)] = []
        var seedUsed: UInt64 = 0
        var replicationsUsed = 0
        var offices: [OfficeInfo] = []
        var waitTargetMinutes: Double?
        for entry in variants {
            let loaded = try PlanningScenario.load(
                file, overrides: report.overrides + entry.overrides, evaluator: evaluator)
            replicationsUsed = report.replications ?? loaded.settings.replications
            seedUsed = report.seed ?? loaded.settings.seed
            let progress = ProgressReporter(total: replicationsUsed, label: entry.label)
            let extraQuantiles = try report.quantileLevels()
            let model = try cliValue { try loaded.model.measuring(quantiles: extraQuantiles, waitTargetMinutes: nil) }
            let samples = try cliValue {
                try ReplicationRunner.run(
                    model, replications: 0..<replicationsUsed, seed: seedUsed, threads: report.threadCount,
                    progress: { _ in progress.advance() })
            }
            progress.finish()
            runs.append((entry.label, loaded.title, samples, loaded.scopePrefix))
            offices = loaded.offices
            waitTargetMinutes = loaded.settings.waitTargetMinutes
        }
        // A city reports thousands of KPIs (per office, kecamatan, weekday and hour): by default the
        // table shows the city's headline ones; --metrics offices.mpp. (or any prefixes) shows others.
        let cityHeadlines = [
            "overall.arrivals", "overall.served", "overall.no_shows", "overall.balked", "overall.reneged",
            "overall.booking_refused", "overall.booking_lead_days", "overall.wait_minutes",
            "overall.wait_within_target", "overall.counter_utilization", "overall.slot_utilization",
            "overall.overtime_minutes",
        ]
        let isCity = runs.first?.prefix == "offices"
        let prefixes = metrics?.split(separator: ",").map(String.init) ?? (isCity ? cityHeadlines : [])
        var outputs: [String] = []
        var comparisons: [PairedComparison] = []
        for other in runs.dropFirst() {
            let comparison = try cliValue {
                try PairedComparison(labelA: runs[0].label, a: runs[0].samples, labelB: other.label, b: other.samples)
            }
            comparisons.append(comparison)
            switch report.format {
            case .table:
                outputs.append(
                    comparison.tableText(
                        title: runs[0].title, prefixes: prefixes, language: try report.language.language()))
            case .json: outputs.append(comparison.jsonText(title: runs[0].title))
            case .csv: outputs.append(comparison.csvText())
            }
        }
        try report.emit(outputs.joined(separator: report.format == .table ? "\n" : ""))
        if let htmlReport, let last = runs.last {
            if let comparison = comparisons.last {
                try writeReport(
                    .comparison(
                        comparison, title: runs[0].title, file: file, seed: seedUsed,
                        metricsOfB: MetricSample.summarize(last.samples), scopePrefix: last.prefix, offices: offices,
                        waitTargetMinutes: waitTargetMinutes,
                        vocabulary: ReportVocabulary(language: try report.language.language())),
                    to: htmlReport)
            }
        }
    }
}
