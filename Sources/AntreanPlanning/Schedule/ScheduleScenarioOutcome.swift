import AntreanAllocator
import AntreanCity
public import AntreanLocalization
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

    /// The search's result per office and the paired comparison, in `language` (metric keys stay keys).
    public func table(language: Language = .en) -> String {
        func number(_ value: Double) -> String { language.number(value, decimals: 3) }
        var search = TextTable(
            headers: ["office", "objective_now", "optimized", "shape", "moves", "candidates"].map {
                language.text("schedule.search.header." + $0)
            })
        for result in results {
            search.append([
                result.office, number(result.currentObjective), number(result.optimizedObjective),
                result.shape ?? "-", language.integer(result.moves), language.integer(result.evaluations),
            ])
        }
        let changed = results.reduce(0) { total, result in
            total + result.current.keys.filter { result.current[$0] != result.optimized[$0] }.count
        }
        let header =
            language.text(
                "schedule.search.title",
                [
                    "wait": language.shortest(weights.wait), "idle": language.shortest(weights.idle),
                    "overtime": language.shortest(weights.overtime), "changed": language.integer(changed),
                ]) + "\n\n"
        var labelled = comparison
        labelled.labelA = language.text("schedule.label.current")
        labelled.labelB = language.text("schedule.label.optimized")
        let title = language.text(
            "schedule.comparison.title", ["scope": scopeName(language), "days": language.integer(days)])
        return header + search.render() + "\n" + labelled.tableText(title: title, language: language)
    }

    /// "office mpp" or "the city", in `language`.
    func scopeName(_ language: Language) -> String {
        scope.offices.count == 1
            ? language.text("schedule.scope.office", ["office": scope.offices[0]])
            : language.text("schedule.scope.city")
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
