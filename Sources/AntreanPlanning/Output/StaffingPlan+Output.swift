import Foundation

extension StaffingPlan {
    /// The staffing table for a terminal: one row per unit, then the counter-hours against the plan.
    public func tableText(title: String) -> String {
        var table = TextTable(headers: [
            "unit", "current", "Erlang C", "proposed", target.metricLabel, "95% bound", "meets", "Δ counter-h",
        ])
        table.leftAligned = [0, 6]
        for row in rows {
            let bound = row.targetMetric.map(target.bound)
            table.append([
                row.unit.id, String(row.unit.currentCounters), row.analyticCounters.map(String.init) ?? "–",
                String(row.counters), (row.targetMetric?.mean ?? .nan).formatted(decimals: 2),
                (bound ?? .nan).formatted(decimals: 2), row.meetsTarget ? "yes" : "NO (within \(row.limit))",
                // A unit that misses the target has no plan, so nothing to save or spend there.
                row.meetsTarget ? (row.counterHours - row.currentCounterHours).formatted(decimals: 1) : "–",
            ])
        }
        let header =
            "\(title): staffing for \"\(target)\" with 95% confidence\n"
            + "\(replications) replications per candidate on common random numbers (seed \(seed)), "
            + "\(evaluations) candidates simulated\n\n" + table.render()
        guard meetsTarget else {
            let missed = rows.filter { !$0.meetsTarget }.map { "\($0.unit.id) (not met within \($0.limit) counters)" }
            return header + "\nNO PLAN: the target is not met at \(missed.joined(separator: ", ")). "
                + "The counter-hours (\(currentCounterHours.formatted(decimals: 1)) in the current plan) are not "
                + "compared: a plan that misses the target is no saving. Raise --max-counters, or relax the target.\n"
        }
        let change = counterHours - currentCounterHours
        return header
            + "\nCounter-hours: \(currentCounterHours.formatted(decimals: 1)) in the current plan, "
            + "\(counterHours.formatted(decimals: 1)) proposed (\(change >= 0 ? "+" : "")\(change.formatted(decimals: 1)))\n"
    }

    /// JSON with `counters` per unit (office, or office.block), the target check and the cost.
    public func jsonText(title: String, file: String) -> String {
        var units: [[String: Any]] = []
        for row in rows {
            units.append([
                "id": row.unit.id, "scope": row.unit.scope, "current": row.unit.currentCounters,
                "erlang_c": row.analyticCounters.map { $0 as Any } ?? NSNull(), "counters": row.counters,
                "meets_target": row.meetsTarget, "limit": row.limit,
                "staffed_hours": JSONText.number(row.unit.staffedHours),
                "metric": [
                    "name": target.metricName, "target": target.description,
                    "mean": JSONText.number(row.targetMetric?.mean),
                    "ci95": [
                        JSONText.number(row.targetMetric?.ci95.low), JSONText.number(row.targetMetric?.ci95.high),
                    ],
                ],
            ])
        }
        let root: [String: Any] = [
            "scenario": title, "file": file, "target": target.description, "seed": seed,
            "replications": replications, "evaluations": evaluations,
            "counters": Dictionary(uniqueKeysWithValues: rows.map { ($0.unit.id, $0.counters) }),
            "meets_target": meetsTarget,
            // A plan that misses the target is not a proposal: its counter-hours are not compared.
            "counter_hours": [
                "current": JSONText.number(currentCounterHours),
                "proposed": meetsTarget ? JSONText.number(counterHours) : NSNull(),
            ],
            "units": units,
        ]
        return JSONText.render(root)
    }

    /// `unit,current,erlang_c,counters,metric_mean,metric_ci95_low,metric_ci95_high,meets_target,counter_hours_change`.
    public func csvText() -> String {
        var lines = [
            "unit,current,erlang_c,counters,metric_mean,metric_ci95_low,metric_ci95_high,meets_target,counter_hours_change"
        ]
        for row in rows {
            lines.append(
                [
                    CSV.field(row.unit.id), String(row.unit.currentCounters),
                    row.analyticCounters.map(String.init) ?? "",
                    String(row.counters), row.targetMetric.map { CSV.number($0.mean) } ?? "",
                    row.targetMetric.map { CSV.number($0.ci95.low) } ?? "",
                    row.targetMetric.map { CSV.number($0.ci95.high) } ?? "",
                    String(row.meetsTarget),
                    row.meetsTarget ? CSV.number(row.counterHours - row.currentCounterHours) : "",
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
