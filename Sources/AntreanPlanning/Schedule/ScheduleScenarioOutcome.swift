import AntreanAllocator
import AntreanCity
public import AntreanSchedule
import Foundation

/// What `antrean schedule SCENARIO.yaml` found: each office's search and the paired comparison of the
/// current and the optimized templates. Its text depends only on the inputs (no timings), so the same
/// seed gives the same bytes on any number of threads.
public struct ScheduleScenarioOutcome: Sendable {
    public var results: [OfficeTemplateResult]
    public var comparison: PairedComparison
    public var weights: ScheduleWeights
    public var scope: TemplateScope
    public var days: Int

    public init(
        results: [OfficeTemplateResult], comparison: PairedComparison, weights: ScheduleWeights, scope: TemplateScope,
        days: Int
    ) {
        self.results = results
        self.comparison = comparison
        self.weights = weights
        self.scope = scope
        self.days = days
    }

    /// The (office, weekday) pairs searched, each with its services' current and optimized places.
    func templateRows(_ result: OfficeTemplateResult) -> [(
        service: String, weekday: Weekday, current: DayTemplate?, optimized: DayTemplate?
    )] {
        let services = scope.model.services.map(\.id)
        return result.current.keys.sorted { a, b in
            let (i, j) = (services.firstIndex(of: a.service) ?? 0, services.firstIndex(of: b.service) ?? 0)
            if i != j { return i < j }
            return Weekday.allCases.firstIndex(of: a.weekday)! < Weekday.allCases.firstIndex(of: b.weekday)!
        }.map { key in (key.service, key.weekday, result.current[key], result.optimized[key]) }
    }

    public func table() -> String {
        var search = TextTable(headers: ["office", "objective now", "optimized", "shape", "moves", "candidates"])
        for result in results {
            search.append([
                result.office, result.currentObjective.formatted(decimals: 3),
                result.optimizedObjective.formatted(decimals: 3), result.shape ?? "-", String(result.moves),
                String(result.evaluations),
            ])
        }
        let changed = results.reduce(0) { total, result in
            total + result.current.keys.filter { result.current[$0] != result.optimized[$0] }.count
        }
        let header =
            "Template search (objective = \(weights.wait) × wait + \(weights.idle) × idle + \(weights.overtime) × overtime, "
            + "minutes per open day, on the search's own replications): \(changed) office × service × weekday "
            + "templates changed\n\n"
        let scopeName = scope.offices.count == 1 ? "office \(scope.offices[0])" : "the city"
        return header + search.render() + "\n"
            + comparison.tableText(title: "Current against optimized templates, \(scopeName), \(days) days")
    }

    public func json() -> String {
        let offices: [[String: Any]] = results.map { result in
            [
                "office": result.office, "current_objective": JSONText.number(result.currentObjective),
                "optimized_objective": JSONText.number(result.optimizedObjective), "moves": result.moves,
                "candidates": result.evaluations, "shape": result.shape ?? NSNull(),
                "templates": templateRows(result).map { row -> [String: Any] in
                    [
                        "service": row.service, "weekday": row.weekday.rawValue,
                        "current": row.current?.places ?? [], "optimized": row.optimized?.places ?? [],
                        "current_interval_minutes": row.current?.intervalMinutes ?? 0,
                        "optimized_interval_minutes": row.optimized?.intervalMinutes ?? 0,
                    ]
                },
            ]
        }
        let metrics = Dictionary(
            uniqueKeysWithValues: comparison.rows.map { row -> (String, Any) in
                (
                    row.metric,
                    [
                        "current": JSONText.number(row.meanA), "optimized": JSONText.number(row.meanB),
                        "difference": JSONText.number(row.difference.mean),
                        "ci95": [JSONText.number(row.difference.ci95.low), JSONText.number(row.difference.ci95.high)],
                        "verdict": row.verdict.rawValue,
                    ] as [String: Any]
                )
            })
        return JSONText.render([
            "weights": ["wait": weights.wait, "idle": weights.idle, "overtime": weights.overtime],
            "offices": offices, "weekdays": scope.weekdays.map(\.rawValue),
            "comparison": ["pairs": comparison.pairs, "days": days, "metrics": metrics],
        ])
    }

    /// The comparison, one row per metric (the templates are in --out and --format json).
    public func csv() -> String { comparison.csvText() }
}
