import Foundation

extension PairedComparison {
    /// One row per KPI (optionally only keys under `prefixes`), then a one-line conclusion.
    public func tableText(title: String, prefixes: [String] = []) -> String {
        var table = TextTable(headers: ["metric", "A", "B", "B − A", "95% CI of B − A", "verdict"])
        table.leftAligned = [0, 5]
        let shown = rows.filter { row in prefixes.isEmpty || prefixes.contains { row.metric.hasPrefix($0) } }
        for row in shown {
            table.append([
                row.metric, row.meanA.formatted(decimals: 3), row.meanB.formatted(decimals: 3),
                row.difference.mean.formatted(decimals: 3),
                "[\(row.difference.ci95.low.formatted(decimals: 3)), \(row.difference.ci95.high.formatted(decimals: 3))]",
                row.verdict.rawValue,
            ])
        }
        let judged = shown.filter { $0.direction != .neutral }
        let aWins = judged.filter { $0.verdict == .aBetter }.count
        let bWins = judged.filter { $0.verdict == .bBetter }.count
        let summary =
            aWins + bWins == 0
            ? "No significant difference in any KPI at 95% (more replications narrow the intervals)."
            : "A (\(labelA)) better on \(aWins) KPIs, B (\(labelB)) better on \(bWins); the rest show no significant difference."
        return "\(title): A = \(labelA), B = \(labelB), \(pairs) paired replications (common random numbers)\n\n"
            + table.render() + "\n" + summary + "\n"
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
