import AntreanFit
import AntreanLocalization
import AntreanPlanning
import AntreanScenario
import ArgumentParser
import Foundation

struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a scenario fragment to a queue log: arrival rates, service times, no-shows, patience.",
        discussion: """
            Reads a CSV export of the queue machines (one row per ticket) — or a trace written by \
            `antrean simulate --trace` — and writes a scenario fragment (YAML) that a city or queue \
            scenario includes, plus the arrival rates by office × weekday × hour as CSV beside it. \
            Columns default to the trace's names (docs/fit.md); map others with --column or --mapping. \
            Timestamps are ISO 8601; those without a zone are read in --zone (WITA, +08:00). Lines \
            that cannot be read are listed with their numbers on standard error and skipped.

            Examples:
              antrean fit Simulations/data/sample-queue-log.csv --out /tmp/fitted.yaml
              antrean fit Simulations/data/sample-queue-log.csv --out /tmp/fitted.yaml \\
                --report /tmp/fit.html --column office=office
              antrean fit Simulations/data/sample-queue-log.csv --out /tmp/fitted.yaml \\
                --scenario Simulations/samarinda.yaml
            """
    )

    @Argument(help: "The log (CSV with a header line).")
    var log: String

    @Option(help: "Write the scenario fragment (YAML) here.")
    var out: String

    @Option(
        help: ArgumentHelp(
            "Start the fragment with an include of this scenario, so that --out runs as the fitted scenario.",
            valueName: "scenario.yaml"))
    var scenario: String?

    @Option(help: "Write the arrival rates by office × weekday × hour here (default: beside --out, .arrivals.csv).")
    var arrivals: String?

    @Option(help: "Also write an HTML page of observed against fitted distributions here.")
    var report: String?

    @Option(
        name: .customLong("column"),
        help: ArgumentHelp("Read FIELD from the column named COLUMN (repeatable).", valueName: "FIELD=COLUMN"))
    var columns: [String] = []

    @Option(help: "A mapping file: one 'field: column' per line, and optionally 'zone: +08:00'.")
    var mapping: String?

    @Option(help: "Zone of timestamps written without one: +08:00 (WITA), +07:00 (WIB), Z …")
    var zone: String?

    @OptionGroup var language: LanguageOptions

    func run() throws {
        try OutputPaths.ensureWritable(out, option: "--out")
        try OutputPaths.ensureWritable(arrivals ?? Self.arrivalsPath(besides: out), option: "--arrivals")
        try OutputPaths.ensureWritable(report, option: "--report")
        let language = try language.language()
        var logMapping = LogMapping()
        if let mapping {
            guard let data = FileManager.default.contents(atPath: mapping) else {
                printToStandardError("error: cannot read the mapping file \(mapping)")
                throw ExitStatus.missingInput
            }
            try fitValue { try logMapping.read(mappingFile: String(decoding: data, as: UTF8.self), name: mapping) }
        }
        for column in columns { try fitValue(status: ExitStatus.usage) { try logMapping.assign(column) } }
        if let zone {
            guard let offset = AntreanFit.Timestamp.offsetSeconds(zone) else {
                throw ValidationError("--zone must be like +08:00, Z or WITA, got \"\(zone)\"")
            }
            logMapping.defaultOffsetSeconds = offset
        }
        guard FileManager.default.isReadableFile(atPath: log) else {
            printToStandardError("error: cannot read the log \(log)")
            throw ExitStatus.missingInput
        }
        let fit = try fitValue { try LogFit.fit(path: log, mapping: logMapping) }
        for row in fit.badRows.prefix(50) { printToStandardError("\(log):\(row.line): skipped: \(row.reason)") }
        if fit.badRowCount > 50 {
            printToStandardError("… \(fit.badRowCount - 50) more skipped lines (all listed in --report when given)")
        }
        let arrivalsPath = arrivals ?? Self.arrivalsPath(besides: out)
        var fragment = ScenarioFragment.text(fit, arrivalsFile: arrivalsPath)
        if let scenario {
            // Relative to the fragment's folder, as includes are read; the fragment's fields win.
            let folder = URL(fileURLWithPath: out).deletingLastPathComponent().path
            fragment = "include: \(YAMLText.scalar(RosterFile.relativePath(of: scenario, from: folder)))\n" + fragment
        }
        try write(fragment, to: out)
        try write(ArrivalTable.text(fit), to: arrivalsPath)
        if let report { try write(FitReportPage.html(fit, language: language), to: report) }
        print(Self.summary(fit, files: [out, arrivalsPath] + (report.map { [$0] } ?? []), language: language))
    }

    /// The lines printed after a fit: the rows, the files written, and each service's chosen
    /// distribution (in scenario syntax, the same in every language).
    static func summary(_ fit: LogFit, files: [String], language: Language) -> String {
        let written = files.dropFirst().reduce(files.first ?? "") { first, second in
            language.text("fit.summary.and", ["first": first, "second": second])
        }
        var lines = [
            language.text(
                "fit.summary",
                [
                    "rows_read": language.integer(fit.rowsRead), "rows_used": language.integer(fit.rowsUsed),
                    "rows_skipped": language.integer(fit.badRowCount), "files": written,
                ])
        ]
        for (service, model) in fit.serviceTimes {
            let chosen =
                model.fits
                ? model.chosen.map(ScenarioFragment.written) ?? language.text("fit.model.empirical")
                : language.text("fit.model.no_family_fits")
            lines.append(
                language.text(
                    "fit.summary.service",
                    ["service": service, "served": language.integer(model.sample.count), "model": chosen]))
        }
        return lines.joined(separator: "\n")
    }

    /// `fitted.yaml` → `fitted.arrivals.csv`.
    static func arrivalsPath(besides path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.pathExtension.isEmpty ? path : String(path.dropLast(url.pathExtension.count + 1))
        return stem + ".arrivals.csv"
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            printToStandardError("error: cannot write \(path): \(error.localizedDescription)")
            throw ExitStatus.cannotCreateOutput
        }
    }

    /// `body`'s value; a ``FitError`` is printed and ends the command with `status`.
    private func fitValue<T>(status: ExitCode = ExitStatus.badInput, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as FitError {
            printToStandardError("error: \(error)")
            throw status
        }
    }
}
