extension SummaryReport {
    /// One row per metric, sorted by key: `metric,mean,ci95_low,ci95_high,sd,replications,theory`;
    /// the interval fields are empty from one replication (there is none).
    public func csvText() -> String {
        var lines = ["metric,mean,ci95_low,ci95_high,sd,replications,theory"]
        for key in metrics.keys.sorted() {
            let summary = metrics[key]!
            let fields = [
                CSV.field(key), CSV.number(summary.mean),
                summary.hasInterval ? CSV.number(summary.ci95.low) : "",
                summary.hasInterval ? CSV.number(summary.ci95.high) : "",
                CSV.number(summary.standardDeviation), String(summary.replications), theory[key].map(CSV.number) ?? "",
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// RFC 4180 fields.
public enum CSV {
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Shortest text that reads back as the same Double; empty for NaN or infinity.
    public static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "" }
}
