public import AntreanLocalization
import Foundation

extension StaffingPlan {
    /// The staffing table for a terminal: one row per unit, then the counter-hours against the plan,
    /// in `language` (unit ids stay ids).
    public func tableText(title: String, language: Language = .en) -> String {
        func number(_ value: Double, _ decimals: Int) -> String { language.number(value, decimals: decimals) }
        func header(_ name: String) -> String { language.text("plan.header." + name) }
        let judged = judgedTarget
        var table = TextTable(headers: [
            header("unit"), header("current"), "Erlang C", header("proposed"), judged.metricLabel(language),
            header("bound"), header("meets"), header("counter_hours_change"),
        ])
        table.leftAligned = [0, 6]
        for row in rows {
            let bound = row.targetMetric.map(judged.bound)
            table.append([
                row.unit.id, language.integer(row.unit.currentCounters),
                row.analyticCounters.map { language.integer($0) } ?? "–",
                language.integer(row.counters), number(row.targetMetric?.mean ?? .nan, 2), number(bound ?? .nan, 2),
                row.meetsTarget
                    ? (row.check?.fewCitizens == true
                        ? language.text(
                            "plan.met_every_citizen",
                            ["citizens": language.integer(Int((row.check?.citizens ?? 0).rounded()))])
                        : language.text("common.yes"))
                    : row.check.map { check in notMetByCheck(row, check, language) }
                        ?? language.text("plan.not_met_within", ["limit": language.integer(row.limit)]),
                // A unit that misses the target has no plan, so nothing to save or spend there.
                row.meetsTarget ? number(row.counterHours - row.currentCounterHours, 1) : "–",
            ])
        }
        let header =
            language.text(
                "plan.title",
                [
                    "title": title, "target": target.description, "replications": language.integer(replications),
                    "seed": String(seed), "evaluations": language.integer(evaluations),
                ]) + checkLines(language).map { "\n" + $0 }.joined() + "\n\n" + table.render()
        guard meetsTarget else {
            let missed = rows.filter { !$0.meetsTarget }.map {
                language.text("plan.missed_unit", ["unit": $0.unit.id, "limit": language.integer($0.limit)])
            }
            return header + "\n"
                + language.text(
                    "plan.no_plan",
                    ["units": missed.joined(separator: ", "), "current": number(currentCounterHours, 1)]) + "\n"
        }
        let change = counterHours - currentCounterHours
        return header + "\n"
            + language.text(
                "plan.counter_hours",
                [
                    "current": number(currentCounterHours, 1), "proposed": number(counterHours, 1),
                    "change": (change >= 0 ? "+" : "") + number(change, 1),
                ]) + "\n"
    }

    /// Why a checked unit is not met: its counter limit, or the check's caps.
    func notMetByCheck(_ row: Row, _ check: UnitCheck, _ language: Language) -> String {
        if row.counters >= row.limit {
            return language.text("plan.not_met_within", ["limit": language.integer(row.limit)])
        }
        return language.text("plan.not_met_checked", ["replications": language.integer(check.replications)])
    }

    /// The lines under the title that say how the blocks were judged and what the check did.
    public func checkLines(_ language: Language = .en) -> [String] {
        var lines: [String] = []
        if estimate == .pooledOverCitizens {
            lines.append(
                language.text("plan.pooled", ["target": target.description, "judged": judgedTarget.description]))
        }
        if let check {
            let raised = rows.filter { ($0.check?.addedCounters ?? 0) > 0 }
            lines.append(
                language.text(
                    "plan.check",
                    [
                        "first": String(check.firstReplication),
                        "initial": language.integer(check.initialReplications),
                        "maximum": language.integer(check.maximumReplications),
                        "checks": language.integer(check.checks), "run": language.integer(check.replicationsRun),
                        "raised": language.integer(raised.count),
                        "added": language.integer(raised.reduce(0) { $0 + ($1.check?.addedCounters ?? 0) }),
                        "before": language.number(searchCounterHours, decimals: 1),
                        "missing": language.integer(rows.count { !$0.meetsTarget }),
                        "few": language.integer(rows.count { $0.check?.fewCitizens == true }),
                    ]))
            if check.stoppedAtCheckLimit {
                lines.append(language.text("plan.check_stopped", ["checks": language.integer(check.checks)]))
            }
        }
        return lines
    }

    /// JSON with `counters` per unit (office, or office.block), the target check and the cost.
    public func jsonText(title: String, file: String) -> String {
        var units: [[String: Any]] = []
        for row in rows {
            var unit: [String: Any] = [
                "id": row.unit.id, "scope": row.unit.scope, "current": row.unit.currentCounters,
                "erlang_c": row.analyticCounters.map { $0 as Any } ?? NSNull(), "counters": row.counters,
                "meets_target": row.meetsTarget, "limit": row.limit,
                "staffed_hours": JSONText.number(row.unit.staffedHours),
                "metric": [
                    "name": judgedTarget.metricName, "target": judgedTarget.description,
                    "mean": JSONText.number(row.targetMetric?.mean),
                    "ci95": [
                        JSONText.number(row.targetMetric?.ci95.low), JSONText.number(row.targetMetric?.ci95.high),
                    ],
                ],
            ]
            if let check = row.check {
                unit["check"] = [
                    "verdict": check.verdict.rawValue, "replications": check.replications,
                    "added_counters": check.addedCounters, "citizens": JSONText.number(check.citizens),
                    "too_few_citizens": check.fewCitizens,
                ]
            }
            units.append(unit)
        }
        var root: [String: Any] = [
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
        if let check {
            root["check"] = [
                "first_replication": check.firstReplication, "initial_replications": check.initialReplications,
                "maximum_replications": check.maximumReplications, "checks": check.checks,
                "replications_run": check.replicationsRun, "stopped_at_check_limit": check.stoppedAtCheckLimit,
                "counter_hours_before": JSONText.number(searchCounterHours),
            ]
        }
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
