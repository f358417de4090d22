import AntreanEngine

/// The first thing on the page: six city-wide figures, each with its 95% interval and, where there is
/// one, its target and whether it is met — said in words and a symbol, not by colour alone.
enum ReportHeadline {
    /// How a figure stands against its target.
    enum Standing: String {
        /// The whole 95% interval is on the right side of the target.
        case met
        /// The mean itself is on the wrong side.
        case missed
        /// The mean meets it but the interval crosses it (or there is no interval).
        case uncertain
        /// No target for this figure.
        case neutral

        func phrase() -> ReportPhrase {
            switch self {
            case .met: .statusMet
            case .missed: .statusMissed
            case .uncertain: .statusUncertain
            case .neutral: .statusNoTarget
            }
        }

        /// A wait that should be at most `limit`.
        static func atMost(_ summary: MetricSummary, _ limit: Double) -> Standing {
            if summary.mean > limit { return .missed }
            return summary.hasInterval && summary.ci95.high <= limit ? .met : .uncertain
        }

        /// A share that should be at least `limit`.
        static func atLeast(_ summary: MetricSummary, _ limit: Double) -> Standing {
            if summary.mean < limit { return .missed }
            return summary.hasInterval && summary.ci95.low >= limit ? .met : .uncertain
        }
    }

    /// One figure: the metric behind it (a key in the JSON summary), how to show it and its target.
    struct Figure {
        var key: String
        var title: String
        var detail: String
        var isShare: Bool
        var unit: String
        var standing: Standing
        var targetText: String?
    }

    static func figures(_ content: ReportContent) -> [Figure] {
        let words = content.vocabulary
        let minutes = content.waitTargetMinutes
        let minutesText = minutes.map { words.number($0, decimals: $0 == $0.rounded() ? 0 : 2) } ?? "–"
        let unit = words.text(.unitMinutes)
        func summary(_ metric: String) -> MetricSummary? { content.metrics["overall.\(metric)"] }
        var figures: [Figure] = []
        if let share = summary("wait_within_target") {
            figures.append(
                Figure(
                    key: "overall.wait_within_target", title: words.text(.headlineShare, ["minutes": minutesText]),
                    detail: words.text(.headlineShareDetail, ["minutes": minutesText]), isShare: true, unit: "",
                    standing: minutes == nil ? .neutral : .atLeast(share, content.shareTarget),
                    targetText: minutes == nil
                        ? nil : words.text(.targetAtLeast, ["value": words.percent(content.shareTarget)])))
        }
        for (metric, title, detail) in [
            ("wait_minutes", ReportPhrase.headlineMeanWait, ReportPhrase.headlineMeanWaitDetail),
            ("wait_minutes.p90", .headlineP90Wait, .headlineP90WaitDetail),
        ] {
            guard let wait = summary(metric) else { continue }
            figures.append(
                Figure(
                    key: "overall.\(metric)", title: words.text(title), detail: words.text(detail), isShare: false,
                    unit: unit, standing: minutes.map { .atMost(wait, $0) } ?? .neutral,
                    targetText: minutes == nil
                        ? nil : words.text(.targetAtMost, ["value": "\(words.number(minutes)) \(unit)"])))
        }
        let days = summary("days").map { words.number($0.mean, decimals: 0) } ?? "–"
        for (metric, title, detail, unitPhrase) in [
            (
                "turned_away", ReportPhrase.headlineTurnedAway, ReportPhrase.headlineTurnedAwayDetail,
                ReportPhrase.unitCitizens
            ),
            ("no_shows", .headlineNoShows, .headlineNoShowsDetail, .unitCitizens),
            ("overtime_minutes", .headlineOvertime, .headlineOvertimeDetail, .unitMinutes),
        ] where summary(metric) != nil {
            figures.append(
                Figure(
                    key: "overall.\(metric)", title: words.text(title), detail: words.text(detail, ["days": days]),
                    isShare: false, unit: words.text(unitPhrase), standing: .neutral, targetText: nil))
        }
        return figures
    }

    /// The headline's cards as markup; empty when the model reports none of the figures.
    static func cards(_ content: ReportContent) -> String {
        let words = content.vocabulary
        let cards = figures(content).map { figure -> String in
            guard let summary = content.metrics[figure.key] else { return "" }
            let value = figure.isShare ? words.number(summary.mean * 100) : words.number(summary.mean)
            let unit = figure.isShare ? words.text(.unitPercent) : figure.unit
            let interval =
                summary.hasInterval
                ? words.text(
                    .interval,
                    [
                        "low": figure.isShare ? words.percent(summary.ci95.low) : words.number(summary.ci95.low),
                        "high": figure.isShare ? words.percent(summary.ci95.high) : words.number(summary.ci95.high),
                    ])
                : words.text(.noInterval)
            var html = Markup.text("h3", [:], figure.title)
            html += Markup.element(
                "p", ["class": "value", "data-key": figure.key],
                Markup.escape(value + " ") + Markup.text("span", ["class": "unit"], unit))
            html += Markup.text("p", ["class": "interval"], interval)
            html += Markup.text("p", ["class": "status"], words.text(figure.standing.phrase()))
            if let target = figure.targetText { html += Markup.text("p", ["class": "target"], target) }
            html += Markup.text("p", ["class": "detail"], figure.detail)
            return Markup.element("div", ["class": "card \(figure.standing.rawValue)"], html)
        }
        return cards.joined().isEmpty ? "" : Markup.element("div", ["class": "cards"], cards.joined())
    }

    static func add(_ content: ReportContent, to report: inout HTMLReport) {
        let cards = cards(content)
        guard !cards.isEmpty else { return }
        let words = content.vocabulary
        let replications = content.metrics["overall.wait_minutes"]?.replications ?? 0
        var note =
            replications > 1
            ? words.text(.headlineNote, ["count": String(replications)]) : words.text(.headlineNoteOneReplication)
        if content.staffing != nil || content.roster != nil { note = words.text(.headlinePlanNote) + " " + note }
        report.section(words.text(.headlineTitle), note: note, cards, id: "headline")
    }
}
