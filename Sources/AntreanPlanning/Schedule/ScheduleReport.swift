import AntreanAllocator
import AntreanCity
import Foundation

/// The pages of `antrean schedule --report`.
public enum ScheduleReport {
    /// The one-session form: the optimized, individual and Bailey–Welch schedules' shapes, their
    /// figures, and the frontier of (idle, wait) optima as the idle/wait weight ratio varies.
    public static func sessionPage(
        subtitle: String, intervalMinutes: Double, schedules: [(name: String, places: [Int])],
        figures: [[String]], frontier: [(label: String, idle: Double, wait: Double, places: [Int])]
    ) -> HTMLReport {
        var page = HTMLReport(title: "Appointment schedule of one session", subtitle: subtitle)
        let colors = ["#1f5f8b", "#c8a2c8", "#e08a2c"]
        let intervals = schedules.first?.places.count ?? 0
        let labels = (0..<intervals).map { clock(Double($0) * intervalMinutes) }
        let series = schedules.enumerated().map { index, schedule in
            SVGCharts.Series(
                name: schedule.name, color: colors[index % colors.count], values: schedule.places.map { Double($0) })
        }
        page.section(
            "The schedule's shape",
            note: "Citizens told to come at the start of each interval (minutes from the session's start).",
            chart: ScheduleCharts.columns(
                title: "citizens per interval", labels: labels, series: series, unit: "citizens"),
            table: ReportTable(
                name: "schedules",
                headers: [
                    "schedule", "wait (min)", "idle (min)", "overtime (min)", "makespan (min)", "objective",
                    "places",
                ],
                rows: figures))
        page.section(
            "The wait/idle trade-off",
            note: "The optimum re-computed as the idle weight varies against the wait weight (overtime weight as "
                + "given): each point is one weight ratio's optimal schedule. Heavier idle weight front-loads "
                + "the schedule and lowers idle time at the cost of waiting.",
            chart: ScheduleCharts.frontier(
                title: "wait against idle time of the optimal schedules",
                points: frontier.map { ($0.label, $0.idle, $0.wait) }),
            table: ReportTable(
                name: "frontier", headers: ["idle : wait weight", "idle (min)", "wait (min)", "places"],
                rows: frontier.map {
                    [
                        $0.label, Markup.number($0.idle, decimals: 2), Markup.number($0.wait, decimals: 2),
                        $0.places.map(String.init).joined(separator: " "),
                    ]
                }))
        return page
    }

    /// The scenario form: for each weekday, the scope's places per interval (all its offices and
    /// services) now and optimized, and the paired comparison.
    public static func scenarioPage(
        outcome: ScheduleScenarioOutcome, current: CityTemplates, optimized: CityTemplates,
        frontier: [TemplateFrontierPoint] = []
    ) -> HTMLReport {
        let scopeName = outcome.scope.offices.count == 1 ? "office \(outcome.scope.offices[0])" : "the city"
        var page = HTMLReport(
            title: "Appointment templates of \(outcome.scope.model.name)",
            subtitle: "Optimised by simulation through the allocator for \(scopeName); "
                + "objective = \(outcome.weights.wait) × wait + \(outcome.weights.idle) × idle + "
                + "\(outcome.weights.overtime) × overtime")
        let slotMinutes = outcome.scope.model.allocatorConfiguration().rules.slotMinutes
        for weekday in outcome.scope.weekdays {
            guard let hours = outcome.scope.model.calendar.hours[weekday] else { continue }
            let windows = (hours.upperBound - hours.lowerBound) / slotMinutes
            // Templates of different interval lengths are summed by the window their minutes fall in.
            func totals(_ templates: CityTemplates) -> [Double?] {
                var sums = [Double](repeating: 0, count: windows)
                for (key, template) in templates where key.weekday == weekday {
                    for (window, count) in template.placesPerWindow(of: slotMinutes, windows: windows).enumerated() {
                        sums[window] += Double(count)
                    }
                }
                return sums.map { $0 }
            }
            let now = totals(current)
            let after = totals(optimized)
            let labels = (0..<max(now.count, after.count)).map {
                clock(Double(hours.lowerBound + $0 * slotMinutes))
            }
            page.section(
                "\(weekday.rawValue.capitalized): places per interval",
                note: "Total places (reserves included) of every service of \(scopeName) whose appointment minute "
                    + "falls in each \(slotMinutes)-minute window from opening (templates of any interval length).",
                chart: ScheduleCharts.columns(
                    title: "\(weekday.rawValue) places per interval", labels: labels,
                    series: [
                        SVGCharts.Series(name: "current", color: "#c8a2c8", values: now),
                        SVGCharts.Series(name: "optimized", color: "#1f5f8b", values: after),
                    ], unit: "places"),
                table: ReportTable(
                    name: "templates-\(weekday.rawValue)", headers: ["interval", "current", "optimized"],
                    rows: labels.indices.map { index in
                        [
                            labels[index], index < now.count ? Markup.number(now[index], decimals: 0) : "",
                            index < after.count ? Markup.number(after[index], decimals: 0) : "",
                        ]
                    }))
        }
        if !frontier.isEmpty {
            page.section(
                "The wait/idle trade-off",
                note: "The template search re-run with the idle weight multiplied as labelled (wait and overtime "
                    + "weights as given); each point is the optimized templates' mean wait and idle counter-minutes "
                    + "per day of \(scopeName), simulated on common random numbers. A heavier idle weight lets the "
                    + "search keep the counters busier at the cost of waiting.",
                chart: ScheduleCharts.frontier(
                    title: "wait against idle time of the optimized templates",
                    points: frontier.map { ($0.label, $0.idleMinutes, $0.waitMinutes) }),
                table: ReportTable(
                    name: "frontier",
                    headers: [
                        "idle weight", "weights (wait, idle, overtime)", "idle (min/day)", "wait (min)",
                        "templates changed",
                    ],
                    rows: frontier.map {
                        [
                            $0.label, "\($0.weights.wait), \($0.weights.idle), \($0.weights.overtime)",
                            Markup.number($0.idleMinutes, decimals: 1), Markup.number($0.waitMinutes, decimals: 3),
                            String($0.changed),
                        ]
                    }))
        }
        let comparison = outcome.comparison
        page.section(
            "Current against optimized templates",
            note: "\(comparison.pairs) paired replications of \(outcome.days) days on common random numbers; "
                + "95% intervals of the difference (optimized − current).",
            table: ReportTable(
                name: "comparison",
                headers: ["metric", "current", "optimized", "difference", "95% interval", "verdict"],
                rows: comparison.rows.map { row in
                    [
                        row.metric, Markup.number(row.meanA, decimals: 3), Markup.number(row.meanB, decimals: 3),
                        Markup.number(row.difference.mean, decimals: 3),
                        "[\(Markup.number(row.difference.ci95.low, decimals: 3)), "
                            + "\(Markup.number(row.difference.ci95.high, decimals: 3))]",
                        row.verdict.rawValue,
                    ]
                }))
        return page
    }

    /// `08:15` for a minute of the day (or of a session).
    static func clock(_ minutes: Double) -> String {
        let whole = Int(minutes.rounded())
        let (hour, minute) = (whole / 60, whole % 60)
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
