import AntreanEngine
import AntreanLocalization
import AntreanSchedule
import Foundation

/// What `antrean schedule` was asked, in numbers.
struct ScheduleSettings {
    var citizens: Int
    var intervals: Int
    var intervalMinutes: Double
    var noShowProbability: Double
    var service: Distribution
    var lateness: Distribution?
    var counters: Int
    var walkInsPerHour: Double = 0
    var replications: Int
    var seed: UInt64
    var weights: ScheduleWeights

    /// The exact recursion applies to one counter, exponential service and punctual citizens.
    var isExact: Bool {
        if case .exponential = service, counters == 1, lateness == nil, walkInsPerHour == 0 { return true }
        return false
    }
}

/// The optimised schedule beside the two reference schedules, all judged by the same evaluator.
struct ScheduleOutcome {
    struct Row {
        var name: String
        var places: [Int]
        var evaluation: ScheduleEvaluation
    }

    var rows: [Row]
    var exact: Bool

    static func compute(
        _ settings: ScheduleSettings, neighbourhood: Neighbourhood, progress: @escaping (SearchProgress) -> Void
    ) throws(ScheduleError) -> ScheduleOutcome {
        let uniform = ReferenceSchedules.uniform(citizens: settings.citizens, intervals: settings.intervals)
        let baileyWelch = ReferenceSchedules.baileyWelch(citizens: settings.citizens, intervals: settings.intervals)
        if settings.isExact, case .exponential(let mean) = settings.service {
            let evaluator = try ExactSessionEvaluator(
                intervals: settings.intervals, intervalMinutes: settings.intervalMinutes, citizens: settings.citizens,
                noShowProbability: settings.noShowProbability, meanServiceMinutes: mean, weights: settings.weights)
            // Start from the better reference: the search's result does not depend on it for `large`.
            let start =
                try evaluator.evaluate(baileyWelch).objective < evaluator.evaluate(uniform).objective
                ? baileyWelch : uniform
            let found = try ScheduleSearch.optimize(
                exact: evaluator, from: start, neighbourhood: neighbourhood, progress: progress)
            return ScheduleOutcome(
                rows: [
                    Row(name: "optimized", places: found.places, evaluation: found.evaluation),
                    Row(name: "uniform", places: uniform, evaluation: try evaluator.evaluate(uniform)),
                    Row(name: "bailey_welch", places: baileyWelch, evaluation: try evaluator.evaluate(baileyWelch)),
                ], exact: true)
        }
        var evaluator = try SimulatedSessionEvaluator(
            SimulatedSession(
                intervals: settings.intervals, intervalMinutes: settings.intervalMinutes, citizens: settings.citizens,
                counters: settings.counters, noShowProbability: settings.noShowProbability, service: settings.service,
                lateness: settings.lateness, walkInsPerHour: settings.walkInsPerHour,
                replications: settings.replications, seed: settings.seed,
                weights: settings.weights))
        let start = try evaluator.prefers(baileyWelch, over: uniform) ? baileyWelch : uniform
        let found = try ScheduleSearch.optimize(
            &evaluator, from: start, neighbourhood: neighbourhood, progress: progress)
        return ScheduleOutcome(
            rows: [
                Row(name: "optimized", places: found.places, evaluation: found.evaluation),
                Row(name: "uniform", places: uniform, evaluation: try evaluator.evaluate(uniform)),
                Row(name: "bailey_welch", places: baileyWelch, evaluation: try evaluator.evaluate(baileyWelch)),
            ], exact: false)
    }

    /// The three schedules side by side, in `language` (English by default, as it always was).
    func table(_ settings: ScheduleSettings, language: Language = .en) -> String {
        func number(_ value: Double) -> String { language.number(value, decimals: 3) }
        var lines: [String] = []
        let weights = settings.weights
        let noShow = String(format: "%g", settings.noShowProbability * 100)
        lines.append(
            language.text(
                "schedule.session",
                [
                    "citizens": language.integer(settings.citizens), "intervals": language.integer(settings.intervals),
                    "interval": number(settings.intervalMinutes), "counters": language.integer(settings.counters),
                    "no_show": language == .id ? noShow.replacingOccurrences(of: ".", with: ",") : noShow,
                    "service": number(settings.service.mean),
                ]))
        let method =
            exact
            ? language.text("schedule.method.exact")
            : language.text(
                "schedule.method.simulated",
                ["replications": language.integer(settings.replications), "seed": String(settings.seed)])
        lines.append(
            language.text(
                "schedule.objective",
                [
                    "wait": number(weights.wait), "idle": number(weights.idle), "overtime": number(weights.overtime),
                    "method": method,
                ]))
        lines.append("")
        let header = ["schedule", "wait", "idle", "overtime", "makespan", "objective", "places"].map {
            language.text("schedule.header." + $0)
        }
        var cells: [[String]] = [header]
        for row in rows {
            let objective =
                exact
                ? number(row.evaluation.objective)
                : "\(number(row.evaluation.objective)) ± \(number(row.evaluation.objectiveHalfWidth))"
            cells.append([
                language.text("schedule.name." + row.name), number(row.evaluation.waitMinutes),
                number(row.evaluation.idleMinutes), number(row.evaluation.overtimeMinutes),
                number(row.evaluation.makespanMinutes), objective, row.places.map(String.init).joined(separator: " "),
            ])
        }
        let widths = (0..<header.count).map { column in cells.map { $0[column].count }.max() ?? 0 }
        for row in cells {
            let padded = row.enumerated().map { column, text in
                column == 0 || column == header.count - 1
                    ? text.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - text.count) + text
            }
            lines.append(padded.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
        lines.append(language.text("schedule.note"))
        return lines.joined(separator: "\n") + "\n"
    }

    func json() -> String {
        let entries = rows.map { row in
            let figures = [
                ("wait_minutes", row.evaluation.waitMinutes), ("idle_minutes", row.evaluation.idleMinutes),
                ("overtime_minutes", row.evaluation.overtimeMinutes),
                ("makespan_minutes", row.evaluation.makespanMinutes), ("objective", row.evaluation.objective),
            ].map { "\"\($0.0)\": \(Self.jsonNumber($0.1))" }
            let places = "\"places\": [" + row.places.map(String.init).joined(separator: ", ") + "]"
            return "  \"\(row.name)\": {" + ([places] + figures).joined(separator: ", ") + "}"
        }
        return "{\n" + entries.joined(separator: ",\n") + "\n}\n"
    }

    /// Finite numbers with up to 6 decimals (JSON has no NaN or infinity; the figures never are).
    static func jsonNumber(_ value: Double) -> String {
        value.isFinite ? String(format: "%.6f", value) : "null"
    }

    func csv() -> String {
        var lines = ["schedule,places,wait_minutes,idle_minutes,overtime_minutes,makespan_minutes,objective"]
        for row in rows {
            let figures = [
                row.evaluation.waitMinutes, row.evaluation.idleMinutes, row.evaluation.overtimeMinutes,
                row.evaluation.makespanMinutes, row.evaluation.objective,
            ].map { String(format: "%.6f", $0) }
            lines.append(
                ([row.name, row.places.map(String.init).joined(separator: " ")] + figures).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
