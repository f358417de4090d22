import AntreanEngine

/// Turns ``ReportContent`` into an ``HTMLReport``: overview, wait distribution per office, p90 heat
/// map by office × hour, utilisation, staffing plan, city overview by kecamatan and the comparison.
/// Sections whose metrics the model does not report say so instead of drawing empty charts.
public enum PlanningReportBuilder {
    static let hours = (0..<24).map { $0 < 10 ? "0\($0)" : "\($0)" }
    static let colors = (p50: "#9ecae1", p90: "#3182bd", p99: "#08306b")

    public static func build(_ content: ReportContent) -> HTMLReport {
        var report = HTMLReport(title: content.title, subtitle: content.subtitle)
        addOverview(content, to: &report)
        if let comparison = content.comparison { addComparison(comparison, to: &report) }
        addWaits(content, to: &report)
        addHeatMap(content, to: &report)
        addUtilisation(content, to: &report)
        if let plan = content.staffing { addStaffing(plan, content, to: &report) }
        addKecamatanOverview(content, to: &report)
        return report
    }

    private static func addOverview(_ content: ReportContent, to report: inout HTMLReport) {
        let keys = content.metrics.keys.filter {
            $0.hasPrefix("overall.") && !$0.contains(".hour.") && !$0.contains(".weekday.")
        }
        .sorted()
        let rows = keys.map { key -> [String] in
            let summary = content.metrics[key]!
            return [
                key, Markup.number(summary.mean, decimals: 3), Markup.number(summary.ci95.low, decimals: 3),
                Markup.number(summary.ci95.high, decimals: 3), String(summary.replications),
            ]
        }
        let csvRows = keys.map { key -> [String] in
            let summary = content.metrics[key]!
            return [
                key, CSV.number(summary.mean), CSV.number(summary.ci95.low), CSV.number(summary.ci95.high),
                String(summary.replications),
            ]
        }
        report.section(
            "Overview", note: "Means over replications with 95% confidence intervals.",
            table: ReportTable(
                name: "overview", headers: ["metric", "mean", "95% low", "95% high", "replications"],
                rows: rows, csvRows: csvRows))
    }

    private static func addWaits(_ content: ReportContent, to report: inout HTMLReport) {
        let offices = content.officeList
        guard !offices.isEmpty else { return }
        let quantiles = ["p50", "p90", "p99"]
        let values = quantiles.map { q in offices.map { content.officeMean($0.id, "wait_minutes.\(q)") } }
        let chart = SVGCharts.horizontalBars(
            title: "Wait per office (minutes): p50, p90, p99", categories: offices.map(\.name),
            series: [
                .init(name: "p50", color: colors.p50, values: values[0]),
                .init(name: "p90", color: colors.p90, values: values[1]),
                .init(name: "p99", color: colors.p99, values: values[2]),
            ], unit: "minutes", reference: content.waitTargetMinutes)
        let metricsShown = ["wait_minutes", "wait_minutes.p50", "wait_minutes.p90", "wait_minutes.p99", "served"]
        let rows = offices.map { office in
            [office.name]
                + metricsShown.map {
                    Markup.number(content.officeMean(office.id, $0), decimals: $0 == "served" ? 0 : 2)
                }
        }
        let csvRows = offices.map { office in
            [office.id] + metricsShown.map { content.officeMean(office.id, $0).map(CSV.number) ?? "" }
        }
        let note = content.waitTargetMinutes.map {
            "The dashed line marks the wait target of \(Markup.number($0, decimals: 0)) min."
        }
        report.section(
            "Wait distribution per office", note: note, chart: chart,
            table: ReportTable(
                name: "waits", headers: ["office", "mean wait", "p50", "p90", "p99", "served"], rows: rows,
                csvRows: csvRows))
    }

    private static func addHeatMap(_ content: ReportContent, to report: inout HTMLReport) {
        let offices = content.officeList
        let hours = hours.filter { hour in
            offices.contains { content.officeMean($0.id, "hour.\(hour).wait_minutes.p90") != nil }
        }
        guard !offices.isEmpty, !hours.isEmpty else {
            report.section(
                "p90 wait by office and hour", note: "This model reports no hourly metrics (<scope>.hour.HH.*).")
            return
        }
        let values = offices.map { office in hours.map { content.officeMean(office.id, "hour.\($0).wait_minutes.p90") }
        }
        let chart = SVGCharts.heatMap(
            title: "p90 wait (minutes) by office and hour of arrival", rows: offices.map(\.name),
            columns: hours.map { "\($0):00" }, values: values, unit: "min")
        let rows = zip(offices, values).map { office, row in [office.name] + row.map { Markup.number($0, decimals: 1) }
        }
        let csvRows = zip(offices, values).map { office, row in [office.id] + row.map { $0.map(CSV.number) ?? "" } }
        report.section(
            "p90 wait by office and hour", chart: chart,
            table: ReportTable(
                name: "p90-by-hour", headers: ["office"] + hours.map { "\($0):00" }, rows: rows, csvRows: csvRows))
    }

    private static func addUtilisation(_ content: ReportContent, to report: inout HTMLReport) {
        let offices = content.officeList
        let metric = ["counter_utilization", "utilization"].first { name in
            offices.contains { content.officeMean($0.id, name) != nil }
        }
        guard let metric else { return }
        let values = offices.map { content.officeMean($0.id, metric).map { $0 * 100 } }
        let chart = SVGCharts.horizontalBars(
            title: "Counter utilisation per office (%)", categories: offices.map(\.name),
            series: [.init(name: "busy share of staffed counter time", color: "#31a354", values: values)], unit: "%")
        let rows = zip(offices, values).map { office, value in
            [
                office.name, Markup.number(value, decimals: 1),
                Markup.number(content.officeMean(office.id, "counters"), decimals: 1),
            ]
        }
        let csvRows = offices.map { office in
            [
                office.id, content.officeMean(office.id, metric).map(CSV.number) ?? "",
                content.officeMean(office.id, "counters").map(CSV.number) ?? "",
            ]
        }
        report.section(
            "Utilisation per office", chart: chart,
            table: ReportTable(
                name: "utilisation", headers: ["office", "utilisation %", "counters"], rows: rows, csvRows: csvRows))
    }

    private static func addStaffing(_ plan: StaffingPlan, _ content: ReportContent, to report: inout HTMLReport) {
        let names = Dictionary(content.officeList.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let labels = plan.rows.map { names[$0.unit.id] ?? $0.unit.id }
        let chart = SVGCharts.horizontalBars(
            title: "Counters: current plan and proposed", categories: labels,
            series: [
                .init(name: "current", color: "#bdbdbd", values: plan.rows.map { Double($0.unit.currentCounters) }),
                .init(name: "proposed", color: "#e6550d", values: plan.rows.map { Double($0.counters) }),
            ], unit: "counters")
        let rows = zip(labels, plan.rows).map { label, row in
            [
                label, String(row.unit.currentCounters), row.analyticCounters.map(String.init) ?? "–",
                String(row.counters),
                Markup.number(row.targetMetric?.mean), Markup.number(row.targetMetric.map(plan.target.bound)),
                row.meetsTarget ? "yes" : "NO (within \(row.limit))",
                row.meetsTarget ? Markup.number(row.counterHours - row.currentCounterHours, decimals: 1) : "–",
            ]
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
        let note =
            "Target \(plan.target) with 95% confidence, \(plan.replications) replications on common random "
            + "numbers (seed \(plan.seed)), \(plan.evaluations) candidate plans simulated. Counter-hours: "
            + (plan.meetsTarget
                ? "\(Markup.number(plan.currentCounterHours, decimals: 1)) now, "
                    + "\(Markup.number(plan.counterHours, decimals: 1)) proposed."
                : "\(Markup.number(plan.currentCounterHours, decimals: 1)) now; no plan to compare: the target is "
                    + "not met at every unit within its counter limit.")
        report.section(
            "Staffing plan", note: note, chart: chart,
            table: ReportTable(
                name: "staffing",
                headers: [
                    "unit", "current", "Erlang C", "proposed", plan.target.metricLabel, "95% bound", "meets target",
                    "Δ counter-hours",
                ], rows: rows, csvRows: csvRows))
    }

    private static func addKecamatanOverview(_ content: ReportContent, to report: inout HTMLReport) {
        let offices = content.officeList.filter { $0.kecamatanId != nil }
        guard !offices.isEmpty else {
            report.section("City overview by kecamatan", note: "This model has no kecamatan (district) information.")
            return
        }
        let groups = Dictionary(grouping: offices, by: { $0.kecamatanId! })
        let kecamatans = groups.keys.sorted()
        func value(_ kecamatan: String, _ metric: String) -> Double? {
            content.metrics["kecamatan.\(kecamatan).\(metric)"]?.mean
        }
        let chart = SVGCharts.horizontalBars(
            title: "Wait by kecamatan (minutes): mean and p90", categories: kecamatans.map(displayName),
            series: [
                .init(name: "mean", color: colors.p50, values: kecamatans.map { value($0, "wait_minutes") }),
                .init(name: "p90", color: colors.p90, values: kecamatans.map { value($0, "wait_minutes.p90") }),
            ], unit: "minutes", reference: content.waitTargetMinutes)
        let rows = kecamatans.map { kecamatan -> [String] in
            let members = groups[kecamatan]!
            return [
                displayName(kecamatan), String(members.count), Markup.number(value(kecamatan, "arrivals"), decimals: 0),
                Markup.number(value(kecamatan, "served"), decimals: 0), Markup.number(value(kecamatan, "wait_minutes")),
                Markup.number(value(kecamatan, "wait_minutes.p90")), members.map(\.name).joined(separator: ", "),
            ]
        }
        let csvRows = kecamatans.map { kecamatan -> [String] in
            [kecamatan, String(groups[kecamatan]!.count)]
                + ["arrivals", "served", "wait_minutes", "wait_minutes.p90"].map {
                    value(kecamatan, $0).map(CSV.number) ?? ""
                }
                + [groups[kecamatan]!.map(\.id).joined(separator: " ")]
        }
        report.section(
            "City overview by kecamatan", chart: chart,
            table: ReportTable(
                name: "kecamatan",
                headers: ["kecamatan", "offices", "arrivals", "served", "mean wait", "p90 wait", "offices"], rows: rows,
                csvRows: csvRows))
    }

    private static func addComparison(_ comparison: PairedComparison, to report: inout HTMLReport) {
        // The page shows whole-office and city KPIs; hour, weekday and service breakdowns stay in the CSV.
        let shown = comparison.rows.filter { row in
            !row.metric.contains(".hour.") && !row.metric.contains(".weekday.") && !row.metric.contains(".services.")
                && !row.metric.contains(".classes.")
        }
        let rows = shown.map { row in
            [
                row.metric, Markup.number(row.meanA, decimals: 3), Markup.number(row.meanB, decimals: 3),
                Markup.number(row.difference.mean, decimals: 3),
                "[\(Markup.number(row.difference.ci95.low, decimals: 3)), \(Markup.number(row.difference.ci95.high, decimals: 3))]",
                row.verdict.rawValue,
            ]
        }
        let csvRows = comparison.rows.map { row in
            [
                row.metric, CSV.number(row.meanA), CSV.number(row.meanB), CSV.number(row.difference.mean),
                CSV.number(row.difference.ci95.low), CSV.number(row.difference.ci95.high), row.verdict.rawValue,
            ]
        }
        report.section(
            "Comparison: A = \(comparison.labelA), B = \(comparison.labelB)",
            note:
                "Paired over \(comparison.pairs) replications sharing seeds; difference = B − A with its 95% t-interval. "
                + "Hour, weekday and service breakdowns are in the CSV.",
            table: ReportTable(
                name: "comparison", headers: ["metric", "A", "B", "B − A", "95% CI", "verdict"], rows: rows,
                csvRows: csvRows, csvHeaders: ["metric", "a", "b", "difference", "ci95_low", "ci95_high", "verdict"]))
    }

    /// `samarinda_ulu` → "Samarinda Ulu".
    static func displayName(_ id: String) -> String {
        id.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
