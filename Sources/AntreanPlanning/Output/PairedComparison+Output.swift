public import AntreanLocalization
import Foundation

extension PairedComparison {
    /// One row per KPI (optionally only keys under `prefixes`), then a one-line conclusion, in
    /// `language` (metric keys stay keys).
    public func tableText(title: String, prefixes: [String] = [], language: Language = .en) -> String {
        func number(_ value: Double) -> String { language.number(value, decimals: 3) }
        var table = TextTable(headers: [
            language.text("compare.header.metric"), "A", "B", "B − A",
            language.text("compare.header.difference_interval"), language.text("compare.header.verdict"),
        ])
        table.leftAligned = [0, 5]
        let shown = rows.filter { row in prefixes.isEmpty || prefixes.contains { row.metric.hasPrefix($0) } }
        for row in shown {
            table.append([
                row.metric, number(row.meanA), number(row.meanB), number(row.difference.mean),
                language.text(
                    "common.interval",
                    ["low": number(row.difference.ci95.low), "high": number(row.difference.ci95.high)]),
                language.text("compare.verdict." + row.verdict.key),
            ])
        }
        let judged = shown.filter { $0.direction != .neutral }
        let aWins = judged.filter { $0.verdict == .aBetter }.count
        let bWins = judged.filter { $0.verdict == .bBetter }.count
        let summary =
            aWins + bWins == 0
            ? language.text("compare.summary.none")
            : language.text(
                "compare.summary.wins",
                ["a": labelA, "b": labelB, "a_wins": language.integer(aWins), "b_wins": language.integer(bWins)])
        return language.text(
            "compare.title", ["title": title, "a": labelA, "b": labelB, "pairs": language.integer(pairs)])
            + "\n\n" + table.render() + "\n" + summary + "\n"
    }

    public func jsonText(title: String) -> String {
        let metrics = Dictionary(
            uniqueKeysWithValues: rows.map { row -> (String, Any) in
                (
                    row.metric,
                    [
                        "a": JSONText.number(row.meanA), "b": JSONText.number(row.meanB),
                        "difference": JSONText.number(row.difference.mean),
                        "ci95": [JSONText.number(row.difference.ci95.low), JSONText.number(row.difference.ci95.high)],
                        "direction": row.direction.rawValue, "verdict": row.verdict.rawValue,
                    ] as [String: Any]
                )
            })
        return JSONText.render(["scenario": title, "a": labelA, "b": labelB, "pairs": pairs, "metrics": metrics])
    }

    public func csvText() -> String {
        var lines = ["metric,a,b,difference,ci95_low,ci95_high,direction,verdict"]
        for row in rows {
            lines.append(
                [
                    CSV.field(row.metric), CSV.number(row.meanA), CSV.number(row.meanB),
                    CSV.number(row.difference.mean),
                    CSV.number(row.difference.ci95.low), CSV.number(row.difference.ci95.high), row.direction.rawValue,
                    row.verdict.rawValue,
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension PairedComparison.Verdict {
    /// The key of the verdict's text (`compare.verdict.<key>`); the raw value stays the JSON and CSV value.
    var key: String {
        switch self {
        case .aBetter: "a_better"
        case .bBetter: "b_better"
        case .noSignificantDifference: "no_significant_difference"
        case .different: "different"
        case .tooFewReplications: "too_few_replications"
        }
    }
}
