public import AntreanLocalization
import Foundation

extension SweepResult {
    /// The KPIs `simulate` shows for the swept model, among those the shards recorded: a city's table
    /// columns for the whole city, or a queue model's overall row.
    public var defaultTableMetrics: [String] {
        let city = [
            "overall.arrivals_per_open_day", "overall.served", "overall.no_shows", "overall.balked", "overall.reneged",
            "overall.wait_minutes", "overall.wait_minutes.p90", "overall.wait_within_target",
            "overall.booking_lead_days", "overall.slot_utilization", "overall.counter_utilization",
            "overall.overtime_minutes",
        ]
        let queues = [
            "overall.arrivals", "overall.served", "overall.abandoned", "overall.wait_minutes",
            "overall.wait_minutes.p90", "overall.utilization", "overall.queue_length", "overall.in_system",
        ]
        let isCity = points.contains { $0.metrics["overall.counter_utilization"] != nil }
        return (isCity ? city : queues).filter { key in points.contains { $0.metrics[key] != nil } }
    }

    /// One row per grid point: the swept values and the chosen KPIs' means with interval half-widths,
    /// numbers in `language` (parameter paths and metric keys stay keys).
    public func tableText(metrics keys: [String], language: Language = .en) -> String {
        func number(_ value: Double) -> String { language.number(value, decimals: 3) }
        let parameters = header.grid.parameters.map(\.path)
        var table = TextTable(headers: parameters + keys)
        table.leftAligned = []
        for point in points {
            let values = point.assignments.map { String($0.split(separator: "=", maxSplits: 1).last ?? "") }
            let cells = keys.map { key in
                point.metrics[key].map { number($0.mean) + ($0.hasInterval ? " ±\(number($0.halfWidth95))" : "") }
                    ?? "–"
            }
            table.append(values + cells)
        }
        return language.text(
            "sweep.title",
            [
                "scenario": header.scenario, "points": language.integer(points.count),
                "replications": language.integer(header.grid.replications), "seed": String(header.grid.seed),
            ]) + "\n\n" + table.render()
    }

    /// `point,<param>…,metric,mean,ci95_low,ci95_high,sd,replications`, points then metrics sorted.
    public func csvText() -> String {
        let parameters = header.grid.parameters.map(\.path)
        var lines = [
            (["point"] + parameters + ["metric", "mean", "ci95_low", "ci95_high", "sd", "replications"])
                .map(CSV.field).joined(separator: ",")
        ]
        for point in points {
            let values = point.assignments.map { CSV.field(String($0.split(separator: "=", maxSplits: 1).last ?? "")) }
            for key in point.metrics.keys.sorted() {
                let summary = point.metrics[key]!
                lines.append(
                    ([String(point.index)] + values + [
                        CSV.field(key), CSV.number(summary.mean), CSV.number(summary.ci95.low),
                        CSV.number(summary.ci95.high),
                        CSV.number(summary.standardDeviation), String(summary.replications),
                    ]).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func jsonText() -> String {
        let pointObjects = points.map { point -> [String: Any] in
            let metrics = Dictionary(
                uniqueKeysWithValues: point.metrics.map { key, summary -> (String, Any) in
                    (
                        key,
                        [
                            "mean": JSONText.number(summary.mean), "sd": JSONText.number(summary.standardDeviation),
                            "ci95": [JSONText.number(summary.ci95.low), JSONText.number(summary.ci95.high)],
                        ] as [String: Any]
                    )
                })
            return ["point": point.index, "assignments": point.assignments, "metrics": metrics]
        }
        return JSONText.render([
            "scenario": header.scenario, "scenario_digest": header.scenarioDigest,
            "seed": header.grid.seed,
            "replications": header.grid.replications,
            "parameters": header.grid.parameters.map { ["path": $0.path, "values": $0.values] }, "points": pointObjects,
        ])
    }
}
