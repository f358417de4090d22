import AntreanEngine
import AntreanLocalization

/// Turns ``ReportContent`` into an ``HTMLReport`` a head of office reads in a minute: for a plan the
/// staffing table (and roster) first; then the headline figures against the target, the map, the
/// offices worst first with their losses, the average day (weekday × hour waits, queue length by hour),
/// waits, utilisation and the kecamatan, and last every city figure by name. Every text comes from
/// the content's ``ReportVocabulary``; sections whose metrics the model does not report say so.
public enum PlanningReportBuilder {
    static let colors = (p50: "#9ecae1", p90: "#3182bd", p99: "#08306b")

    public static func build(_ content: ReportContent) -> HTMLReport {
        var report = HTMLReport(title: content.title, subtitle: content.subtitle)
        report.footer = content.vocabulary.text(.footer)
        report.languageTag = content.vocabulary.languageTag
        if let plan = content.staffing { addStaffing(plan, content, to: &report) }
        if let roster = content.roster { ReportRoster.add(roster, content, to: &report) }
        // An analytic roster has no simulated figures to show beside it.
        guard !content.metrics.isEmpty else { return report }
        ReportHeadline.add(content, to: &report)
        if let comparison = content.comparison { addComparison(comparison, content, to: &report) }
        // The map before the long table: where the trouble is, at a glance.
        OfficeMapSVG.add(content, to: &report)
        ReportOfficeRanking.add(content, to: &report)
        ReportDayProfiles.add(content, to: &report)
        addWaits(content, to: &report)
        addUtilisation(content, to: &report)
        addKecamatanOverview(content, to: &report)
        addFigures(content, to: &report)
        return report
    }

    /// Every whole-city figure by its human name, shares as percentages, two decimals.
    private static func addFigures(_ content: ReportContent, to report: inout HTMLReport) {
        let words = content.vocabulary
        let names = content.names
        let keys = content.metrics.keys.filter {
            $0.hasPrefix("overall.") && !$0.contains(".hour.") && !$0.contains(".weekday.")
                && !$0.contains(".services.") && !$0.contains(".classes.")
        }
        .sorted()
        guard !keys.isEmpty else { return }
        var rows: [[String]] = []
        var csvRows: [[String]] = []
        for key in keys {
            guard let summary = content.metrics[key] else { continue }
            let scale = ReportMetricNames.isShare(key) ? 100.0 : 1
            rows.append([
                names.key(key), words.number(summary.mean * scale),
                summary.hasInterval ? words.number(summary.ci95.low * scale) : "–",
                summary.hasInterval ? words.number(summary.ci95.high * scale) : "–", String(summary.replications),
            ])
            csvRows.append([
                key, CSV.number(summary.mean), CSV.number(summary.ci95.low), CSV.number(summary.ci95.high),
                String(summary.replications),
            ])
        }
        report.section(
            words.text(.figuresTitle), note: words.text(.figuresNote),
            table: ReportTable(
                name: "overview",
                headers: [
                    words.text(.columnFigure), words.text(.columnMeanValue), words.text(.columnLow),
                    words.text(.columnHigh), words.text(.columnReplications),
                ], rows: rows, csvRows: csvRows,
                csvHeaders: ["metric", "mean", "ci95_low", "ci95_high", "replications"]),
            id: "figures")
    }

    private static func addWaits(_ content: ReportContent, to report: inout HTMLReport) {
        let words = content.vocabulary
        let offices = ReportOfficeRanking.worstFirst(content)
        guard !offices.isEmpty else { return }
        let quantiles = ["p50", "p90", "p99"]
        let charted = Array(offices.prefix(ReportDayProfiles.officesShown))
        let values = quantiles.map { q in charted.map { content.officeMean($0.id, "wait_minutes.\(q)") } }
        let unit = words.text(.unitMinutes)
        let chart = SVGCharts.horizontalBars(
            title: words.text(.waitsChart), categories: charted.map(\.name),
            series: [
                .init(name: words.text(.seriesMedian), color: colors.p50, values: values[0]),
                .init(name: words.text(.seriesP90), color: colors.p90, values: values[1]),
                .init(name: words.text(.seriesP99), color: colors.p99, values: values[2]),
            ], unit: unit, reference: content.waitTargetMinutes, vocabulary: words)
        let metricsShown = ["wait_minutes", "wait_minutes.p50", "wait_minutes.p90", "wait_minutes.p99", "served"]
        let rows = offices.map { office in
            [office.name] + metricsShown.map { words.number(content.officeMean(office.id, $0)) }
        }
        let csvRows = offices.map { office in
            [office.id] + metricsShown.map { content.officeMean(office.id, $0).map(CSV.number) ?? "" }
        }
        var notes = content.waitTargetMinutes.map { [words.text(.waitsNote, ["minutes": words.number($0)])] } ?? []
        if charted.count < offices.count {
            notes.append(words.text(.chartWorstShown, ["count": String(charted.count)]))
        }
        let note = notes.isEmpty ? nil : notes.joined(separator: " ")
        report.section(
            words.text(.waitsTitle), note: note, chart: chart,
            table: ReportTable(
                name: "waits",
                headers: [
                    words.text(.columnOffice), words.text(.columnMeanWait),
                    "\(words.text(.seriesMedian)) (\(unit))", "\(words.text(.seriesP90)) (\(unit))",
                    "\(words.text(.seriesP99)) (\(unit))", words.text(.columnServed),
                ], rows: rows, csvRows: csvRows,
                csvHeaders: [
                    "office", "wait_minutes", "wait_minutes_p50", "wait_minutes_p90", "wait_minutes_p99", "served",
                ]
            ), id: "waits")
    }

    private static func addUtilisation(_ content: ReportContent, to report: inout HTMLReport) {
        let words = content.vocabulary
        let offices = ReportOfficeRanking.worstFirst(content)
        let metric = ["counter_utilization", "utilization"].first { name in
            offices.contains { content.officeMean($0.id, name) != nil }
        }
        guard let metric else { return }
        let values = offices.map { content.officeMean($0.id, metric).map { $0 * 100 } }
        let charted = Array(offices.prefix(ReportDayProfiles.officesShown))
        let chart = SVGCharts.horizontalBars(
            title: words.text(.utilisationChart), categories: charted.map(\.name),
            series: [
                .init(
                    name: words.text(.utilisationSeries), color: "#31a354", values: Array(values.prefix(charted.count)))
            ],
            unit: words.text(.unitPercent), vocabulary: words)
        let rows = zip(offices, values).map { office, value in
            [office.name, words.number(value), words.number(content.officeMean(office.id, "counters"))]
        }
        let csvRows = offices.map { office in
            [
                office.id, content.officeMean(office.id, metric).map(CSV.number) ?? "",
                content.officeMean(office.id, "counters").map(CSV.number) ?? "",
            ]
        }
        report.section(
            words.text(.utilisationTitle),
            note: charted.count < offices.count
                ? words.text(.chartWorstShown, ["count": String(charted.count)]) : nil, chart: chart,
            table: ReportTable(
                name: "utilisation",
                headers: [words.text(.columnOffice), words.text(.columnUtilisation), words.text(.columnCounters)],
                rows: rows, csvRows: csvRows, csvHeaders: ["office", "utilization", "counters"]), id: "utilisation")
    }

    /// The staffing plan, first on a plan's page: proposed counters per unit, labelled as a proposal, with
    /// no counter-hours "saved" where the target is missed.
    private static func addStaffing(_ plan: StaffingPlan, _ content: ReportContent, to report: inout HTMLReport) {
        let words = content.vocabulary
        let names = Dictionary(content.officeList.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let labels = plan.rows.map { names[$0.unit.id] ?? $0.unit.id }
        let chart = SVGCharts.horizontalBars(
            title: words.text(.staffingChart), categories: labels,
            series: [
                .init(
                    name: words.text(.seriesCurrent), color: "#bdbdbd",
                    values: plan.rows.map { Double($0.unit.currentCounters) }),
                .init(
                    name: words.text(.seriesProposed), color: "#e6550d", values: plan.rows.map { Double($0.counters) }),
            ], unit: words.text(.unitCounters), vocabulary: words)
        let rows = zip(labels, plan.rows).map { label, row in
            [
                label, String(row.unit.currentCounters), row.analyticCounters.map(String.init) ?? "–",
                String(row.counters), words.number(row.targetMetric?.mean),
                words.number(row.targetMetric.map(plan.target.bound)),
                row.meetsTarget ? words.text(.yes) : words.text(.notMetWithin, ["limit": String(row.limit)]),
                row.meetsTarget
                    ? words.number(row.counterHours - row.currentCounterHours) : words.text(.notASaving),
            ]
        }
        let classes = plan.rows.map { row in
            Array(repeating: "", count: 6) + [row.meetsTarget ? "met" : "missed", ""]
        }
        let csvRows = plan.rows.map { row in
            [
                row.unit.id, String(row.unit.currentCounters), row.analyticCounters.map(String.init) ?? "",
                String(row.counters),
                row.targetMetric.map { CSV.number($0.mean) } ?? "",
                row.targetMetric.map { CSV.number(plan.target.bound($0)) } ?? "",
                String(row.meetsTarget),
                row.meetsTarget ? CSV.number(row.counterHours - row.currentCounterHours) : "",
            ]
        }
        let note = words.text(
            .staffingNote,
            [
                "target": plan.target.description, "replications": String(plan.replications),
                "seed": String(plan.seed), "evaluations": String(plan.evaluations),
                "current": words.number(plan.currentCounterHours), "proposed": words.number(plan.counterHours),
            ])
        let missed = plan.rows.filter { !$0.meetsTarget }.count
        let warning =
            missed == 0
            ? ""
            : Markup.text(
                "p", ["class": "warning"],
                words.text(.staffingMissedWarning, ["count": String(missed), "total": String(plan.rows.count)]))
        var table = ReportTable(
            name: "staffing",
            headers: [
                words.text(.columnOffice), words.text(.columnCurrentCounters), words.text(.columnErlang),
                words.text(.columnProposedCounters),
                words.text(
                    .columnTargetMean,
                    ["metric": plan.target.metricLabel(Language(rawValue: words.languageTag) ?? .en)]),
                words.text(.columnBound),
                words.text(.columnMeetsTarget), words.text(.columnCounterHours),
            ], rows: rows, csvRows: csvRows,
            csvHeaders: [
                "unit", "current", "erlang_c", "proposed", plan.target.metricName + "_mean", "bound95", "meets_target",
                "counter_hours_change",
            ])
        table.cellClasses = classes
        report.exportOnly(table)
        report.section(
            words.text(.staffingTitle), note: note,
            warning + Markup.element("div", ["class": "table-box"], table.xhtml())
                + Markup.element("div", ["class": "chart-box"], chart), id: "staffing")
    }

    private static func addKecamatanOverview(_ content: ReportContent, to report: inout HTMLReport) {
        let words = content.vocabulary
        let offices = content.officeList.filter { $0.kecamatanId != nil }
        guard !offices.isEmpty else {
            if content.scopePrefix == "offices" {
                report.section(words.text(.kecamatanTitle), note: words.text(.kecamatanMissing))
            }
            return
        }
        let groups = Dictionary(grouping: offices, by: { $0.kecamatanId ?? "" })
        let kecamatans = groups.keys.sorted()
        let names = content.names
        func value(_ kecamatan: String, _ metric: String) -> Double? {
            content.metrics["kecamatan.\(kecamatan).\(metric)"]?.mean
        }
        let chart = SVGCharts.horizontalBars(
            title: words.text(.kecamatanChart), categories: kecamatans.map(names.words),
            series: [
                .init(
                    name: words.text(.seriesMean), color: colors.p50,
                    values: kecamatans.map { value($0, "wait_minutes") }),
                .init(
                    name: words.text(.seriesP90), color: colors.p90,
                    values: kecamatans.map { value($0, "wait_minutes.p90") }),
            ], unit: words.text(.unitMinutes), reference: content.waitTargetMinutes, vocabulary: words)
        let rows = kecamatans.map { kecamatan -> [String] in
            let members = groups[kecamatan] ?? []
            return [
                names.words(kecamatan), String(members.count), words.number(value(kecamatan, "arrivals")),
                words.number(value(kecamatan, "served")), words.number(value(kecamatan, "wait_minutes")),
                words.number(value(kecamatan, "wait_minutes.p90")),
                words.number(value(kecamatan, "turned_away")),
            ]
        }
        let csvRows = kecamatans.map { kecamatan -> [String] in
            [kecamatan, String(groups[kecamatan]?.count ?? 0)]
                + ["arrivals", "served", "wait_minutes", "wait_minutes.p90", "turned_away"].map {
                    value(kecamatan, $0).map(CSV.number) ?? ""
                }
                + [(groups[kecamatan] ?? []).map(\.id).joined(separator: " ")]
        }
        let unit = words.text(.unitMinutes)
        report.section(
            words.text(.kecamatanTitle), chart: chart,
            table: ReportTable(
                name: "kecamatan",
                headers: [
                    words.text(.columnKecamatan), words.text(.columnOffices), words.text(.columnArrivals),
                    words.text(.columnServed), words.text(.columnMeanWait), "\(words.text(.seriesP90)) (\(unit))",
                    words.text(.headlineTurnedAway),
                ], rows: rows, csvRows: csvRows,
                csvHeaders: [
                    "kecamatan", "offices", "arrivals", "served", "wait_minutes", "wait_minutes_p90", "turned_away",
                    "office_ids",
                ]), id: "kecamatan")
    }

    static func verdictText(_ verdict: PairedComparison.Verdict, _ words: ReportVocabulary) -> String {
        switch verdict {
        case .aBetter: words.text(.verdictABetter)
        case .bBetter: words.text(.verdictBBetter)
        case .noSignificantDifference: words.text(.verdictNoDifference)
        case .different: words.text(.verdictDifferent)
        case .tooFewReplications: words.text(.verdictTooFew)
        }
    }

    private static func addComparison(
        _ comparison: PairedComparison, _ content: ReportContent, to report: inout HTMLReport
    ) {
        let words = content.vocabulary
        let names = content.names
        // The page shows whole-office and city KPIs; hour, weekday and service breakdowns stay in the CSV.
        // The city's figures first, then offices (or queues), then kecamatan, each in key order.
        func rank(_ metric: String) -> Int {
            metric.hasPrefix("overall.") ? 0 : metric.hasPrefix("kecamatan.") ? 2 : 1
        }
        let shown = comparison.rows.filter { row in
            !row.metric.contains(".hour.") && !row.metric.contains(".weekday.") && !row.metric.contains(".services.")
                && !row.metric.contains(".classes.") && !row.metric.hasPrefix("hour.")
                && !row.metric.hasPrefix("weekday.")
        }
        .enumerated().sorted { (rank($0.element.metric), $0.offset) < (rank($1.element.metric), $1.offset) }.map(
            \.element)
        let classes = shown.map { _ in ["", "", "", "", "", "verdict"] }
        let rows = shown.map { row in
            let scale = ReportMetricNames.isShare(row.metric) ? 100.0 : 1
            return [
                names.key(row.metric), words.number(row.meanA * scale), words.number(row.meanB * scale),
                words.number(row.difference.mean * scale),
                words.text(
                    .intervalRange,
                    [
                        "low": words.number(row.difference.ci95.low * scale),
                        "high": words.number(row.difference.ci95.high * scale),
                    ]),
                verdictText(row.verdict, words),
            ]
        }
        let csvRows = comparison.rows.map { row in
            [
                row.metric, CSV.number(row.meanA), CSV.number(row.meanB), CSV.number(row.difference.mean),
                CSV.number(row.difference.ci95.low), CSV.number(row.difference.ci95.high), row.verdict.rawValue,
            ]
        }
        var table = ReportTable(
            name: "comparison",
            headers: [
                words.text(.columnFigure), "A", "B", words.text(.columnDifference), words.text(.columnInterval),
                words.text(.columnVerdict),
            ], rows: rows,
            csvRows: csvRows, csvHeaders: ["metric", "a", "b", "difference", "ci95_low", "ci95_high", "verdict"])
        table.cellClasses = classes
        report.section(
            words.text(.comparisonSection, ["a": comparison.labelA, "b": comparison.labelB]),
            note: words.text(.comparisonNote, ["pairs": String(comparison.pairs)]), table: table, id: "comparison")
    }
}
