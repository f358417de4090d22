public import AntreanEngine

extension SummaryReport {
    /// The HTML report's content for a `simulate` run: its KPIs, with no plan or comparison.
    public func reportContent(
        scopePrefix: String, offices: [OfficeInfo], waitTargetMinutes: Double?,
        vocabulary: ReportVocabulary = .english
    ) -> ReportContent {
        var details = [
            file, vocabulary.text(.subtitleReplications, ["count": String(replications)]),
            vocabulary.text(.subtitleSeed, ["seed": String(seed)]),
        ]
        if let days = settings["days"] { details.append(vocabulary.text(.subtitleDays, ["days": days])) }
        var content = ReportContent(
            title: title, subtitle: details.joined(separator: " · "), metrics: metrics, scopePrefix: scopePrefix,
            offices: offices, waitTargetMinutes: waitTargetMinutes)
        content.vocabulary = vocabulary
        return content
    }
}

extension ReportContent {
    /// The content of a `plan` report: the plan first, then the figures of the proposed counters.
    public static func plan(
        _ plan: StaffingPlan, title: String, file: String, scopePrefix: String, offices: [OfficeInfo],
        vocabulary: ReportVocabulary = .english
    ) -> ReportContent {
        let subtitle = [
            file, vocabulary.text(.subtitleTarget, ["target": plan.target.description]),
            vocabulary.text(.subtitleReplications, ["count": String(plan.replications)]),
            vocabulary.text(.subtitleSeed, ["seed": String(plan.seed)]),
        ]
        var content = ReportContent(
            title: vocabulary.text(.planTitle, ["title": title]), subtitle: subtitle.joined(separator: " · "),
            metrics: plan.metrics, scopePrefix: scopePrefix, offices: offices, staffing: plan,
            waitTargetMinutes: plan.target.minutes)
        content.vocabulary = vocabulary
        return content
    }

    /// The content of a `plan --by …,hour-block` report: the analytic roster alone.
    public static func roster(
        _ roster: HourlyStaffing, title: String, file: String, offices: [OfficeInfo],
        vocabulary: ReportVocabulary = .english
    ) -> ReportContent {
        var content = ReportContent(
            title: vocabulary.text(.rosterTitle, ["title": title]),
            subtitle: [file, vocabulary.text(.subtitleTarget, ["target": roster.target.description])]
                .joined(separator: " · "),
            metrics: [:], offices: offices, waitTargetMinutes: roster.target.minutes)
        content.roster = roster
        content.vocabulary = vocabulary
        return content
    }

    /// The content of a `compare` report: the figures of B with the paired comparison.
    public static func comparison(
        _ comparison: PairedComparison, title: String, file: String, seed: UInt64,
        metricsOfB: [String: MetricSummary], scopePrefix: String, offices: [OfficeInfo],
        waitTargetMinutes: Double?, vocabulary: ReportVocabulary = .english
    ) -> ReportContent {
        let subtitle = [
            file,
            vocabulary.text(
                .comparisonSubtitle,
                [
                    "a": comparison.labelA, "b": comparison.labelB, "pairs": String(comparison.pairs),
                    "seed": String(seed),
                ]),
        ]
        var content = ReportContent(
            title: vocabulary.text(.comparisonTitle, ["title": title]), subtitle: subtitle.joined(separator: " · "),
            metrics: metricsOfB, scopePrefix: scopePrefix, offices: offices, comparison: comparison,
            waitTargetMinutes: waitTargetMinutes)
        content.vocabulary = vocabulary
        return content
    }
}
