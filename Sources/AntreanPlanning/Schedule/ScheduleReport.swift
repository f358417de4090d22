import AntreanAllocator
import AntreanCity
public import AntreanLocalization
import Foundation

/// The pages of `antrean schedule --report`, in the language chosen: every text from the language's
/// table (`schedule.*` keys), every number through ``ReportVocabulary/number(_:decimals:)``.
public enum ScheduleReport {
    /// The figures of one schedule in the one-session page.
    public struct SessionFigures: Sendable {
        public var name: String
        public var places: [Int]
        public var wait: Double
        public var idle: Double
        public var overtime: Double
        public var makespan: Double
        public var objective: Double

        public init(
            name: String, places: [Int], wait: Double, idle: Double, overtime: Double, makespan: Double,
            objective: Double
        ) {
            self.name = name
            self.places = places
            self.wait = wait
            self.idle = idle
            self.overtime = overtime
            self.makespan = makespan
            self.objective = objective
        }
    }

    /// The one-session form: the optimized, individual and Bailey–Welch schedules' shapes, their
    /// figures, and the frontier of (idle, wait) optima as the idle/wait weight ratio varies. A schedule's
    /// name is its key (`optimized`, `uniform`, `bailey_welch`), shown as `schedule.name.<key>`.
    public static func sessionPage(
        subtitle: String, intervalMinutes: Double, schedules: [SessionFigures],
        frontier: [(label: String, idle: Double, wait: Double, places: [Int])], language: Language = .en
    ) -> HTMLReport {
        let vocabulary = ReportVocabulary(language: language)
        func text(_ key: String, _ values: [String: String] = [:]) -> String { language.text(key, values) }
        var page = HTMLReport(title: text("schedule.page.session_title"), subtitle: subtitle)
        page.languageTag = vocabulary.languageTag
        page.footer = vocabulary.text(.footer)
        let colors = ["#1f5f8b", "#c8a2c8", "#e08a2c"]
        let intervals = schedules.first?.places.count ?? 0
        let labels = (0..<intervals).map { clock(Double($0) * intervalMinutes) }
        let series = schedules.enumerated().map { index, schedule in
            SVGCharts.Series(
                name: text("schedule.name." + schedule.name), color: colors[index % colors.count],
                values: schedule.places.map { Double($0) })
        }
        func places(_ places: [Int]) -> String { places.map(String.init).joined(separator: " ") }
        page.section(
            text("schedule.shape.title"), note: text("schedule.shape.note"),
            chart: ScheduleCharts.columns(
                title: text("schedule.shape.chart"), labels: labels, series: series,
                unit: text("schedule.unit.citizens"), vocabulary: vocabulary),
            table: ReportTable(
                name: "schedules",
                headers: ["schedule", "wait", "idle", "overtime", "makespan", "objective", "places"].map {
                    text("schedule.column." + $0)
                },
                rows: schedules.map { row in
                    [text("schedule.name." + row.name)]
                        + [row.wait, row.idle, row.overtime, row.makespan, row.objective].map {
                            vocabulary.number($0, decimals: 3)
                        } + [places(row.places)]
                }))
        let words = ScheduleCharts.FrontierWords(
            xAxis: text("schedule.frontier.x_axis"), yAxis: text("schedule.frontier.y_axis"), vocabulary: vocabulary,
            point: { ratio, idle, wait in
                language.text("schedule.frontier.point", ["ratio": ratio, "idle": idle, "wait": wait])
            })
        page.section(
            text("schedule.frontier.title"), note: text("schedule.frontier.note"),
            chart: ScheduleCharts.frontier(
                title: text("schedule.frontier.chart"), points: frontier.map { ($0.label, $0.idle, $0.wait) },
                words: words),
            table: ReportTable(
                name: "frontier",
                headers: [
                    text("schedule.frontier.column.ratio"), text("schedule.column.idle"), text("schedule.column.wait"),
                    text("schedule.column.places"),
                ],
                rows: frontier.map {
                    [
                        $0.label, vocabulary.number($0.idle, decimals: 2), vocabulary.number($0.wait, decimals: 2),
                        places($0.places),
                    ]
                }))
        return page
    }

    /// The scenario form: for each weekday, the scope's places per interval (all its offices and
    /// services) now and optimized, and the paired comparison.
    public static func scenarioPage(
        outcome: ScheduleScenarioOutcome, current: CityTemplates, optimized: CityTemplates,
        frontier: [TemplateFrontierPoint] = [], language: Language = .en
    ) -> HTMLReport {
        let vocabulary = ReportVocabulary(language: language)
        func text(_ key: String, _ values: [String: String] = [:]) -> String { language.text(key, values) }
        let scopeName = outcome.scopeName(language)
        var page = HTMLReport(
            title: text("schedule.page.templates_title", ["scenario": outcome.scope.model.name]),
            subtitle: text(
                "schedule.page.templates_subtitle",
                [
                    "scope": scopeName, "wait": language.shortest(outcome.weights.wait),
                    "idle": language.shortest(outcome.weights.idle),
                    "overtime": language.shortest(outcome.weights.overtime),
                ]))
        page.languageTag = vocabulary.languageTag
        page.footer = vocabulary.text(.footer)
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
            let day = text("schedule.weekday." + weekday.rawValue)
            page.section(
                text("schedule.templates.title", ["weekday": day]),
                note: text(
                    "schedule.templates.note", ["scope": scopeName, "minutes": language.integer(slotMinutes)]),
                chart: ScheduleCharts.columns(
                    title: text("schedule.templates.chart", ["weekday": day]), labels: labels,
                    series: [
                        SVGCharts.Series(name: text("schedule.column.current"), color: "#c8a2c8", values: now),
                        SVGCharts.Series(name: text("schedule.column.optimized"), color: "#1f5f8b", values: after),
                    ], unit: text("schedule.unit.places"), vocabulary: vocabulary),
                table: ReportTable(
                    name: "templates-\(weekday.rawValue)",
                    headers: ["interval", "current", "optimized"].map { text("schedule.column." + $0) },
                    rows: labels.indices.map { index in
                        [
                            labels[index], index < now.count ? vocabulary.number(now[index], decimals: 0) : "",
                            index < after.count ? vocabulary.number(after[index], decimals: 0) : "",
                        ]
                    }))
        }
        if !frontier.isEmpty {
            let words = ScheduleCharts.FrontierWords(
                xAxis: text("schedule.city_frontier.x_axis"), yAxis: text("schedule.city_frontier.y_axis"),
                vocabulary: vocabulary,
                point: { ratio, idle, wait in
                    language.text("schedule.frontier.point", ["ratio": ratio, "idle": idle, "wait": wait])
                })
            page.section(
                text("schedule.frontier.title"), note: text("schedule.city_frontier.note", ["scope": scopeName]),
                chart: ScheduleCharts.frontier(
                    title: text("schedule.city_frontier.chart"),
                    points: frontier.map { ($0.label, $0.idleMinutes, $0.waitMinutes) }, words: words),
                table: ReportTable(
                    name: "frontier",
                    headers: ["idle_weight", "weights", "idle", "wait", "changed"].map {
                        text("schedule.city_frontier.column." + $0)
                    },
                    rows: frontier.map {
                        [
                            $0.label,
                            [$0.weights.wait, $0.weights.idle, $0.weights.overtime].map(language.shortest)
                                .joined(separator: "; "),
                            vocabulary.number($0.idleMinutes, decimals: 1),
                            vocabulary.number($0.waitMinutes, decimals: 3), language.integer($0.changed),
                        ]
                    }))
        }
        let comparison = outcome.comparison
        page.section(
            text("schedule.comparison.section"),
            note: text(
                "schedule.comparison.note",
                ["pairs": language.integer(comparison.pairs), "days": language.integer(outcome.days)]),
            table: ReportTable(
                name: "comparison",
                headers: ["metric", "current", "optimized", "difference", "interval95", "verdict"].map {
                    text("schedule.column." + $0)
                },
                rows: comparison.rows.map { row in
                    [
                        text("schedule.metric." + row.metric), vocabulary.number(row.meanA, decimals: 3),
                        vocabulary.number(row.meanB, decimals: 3), vocabulary.number(row.difference.mean, decimals: 3),
                        language.text(
                            "common.interval",
                            [
                                "low": vocabulary.number(row.difference.ci95.low, decimals: 3),
                                "high": vocabulary.number(row.difference.ci95.high, decimals: 3),
                            ]),
                        verdict(row.verdict, language),
                    ]
                }))
        return page
    }

    /// A verdict of the current (A) against the optimized (B) templates, named for what it compares.
    static func verdict(_ verdict: PairedComparison.Verdict, _ language: Language) -> String {
        switch verdict {
        case .aBetter: language.text("schedule.verdict.a_better")
        case .bBetter: language.text("schedule.verdict.b_better")
        default: language.text("compare.verdict." + verdict.key)
        }
    }

    /// `08:15` for a minute of the day (or of a session).
    static func clock(_ minutes: Double) -> String {
        let whole = Int(minutes.rounded())
        let (hour, minute) = (whole / 60, whole % 60)
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
