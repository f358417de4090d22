extension SummaryReport {
    /// The HTML report's content for a `simulate` run: its KPIs, with no plan or comparison.
    public func reportContent(scopePrefix: String, offices: [OfficeInfo], waitTargetMinutes: Double?)
        -> ReportContent
    {
        var details = ["\(file)", "\(replications) replications", "seed \(seed)"]
        if let days = settings["days"] { details.append("\(days) days each") }
        return ReportContent(
            title: title, subtitle: details.joined(separator: " · "), metrics: metrics, scopePrefix: scopePrefix,
            offices: offices, waitTargetMinutes: waitTargetMinutes)
    }
}
