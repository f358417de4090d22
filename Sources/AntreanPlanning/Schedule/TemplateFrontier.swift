import AntreanCity
import AntreanEngine
public import AntreanSchedule

/// One point of a scope's wait/idle frontier: the templates the search finds for one idle weight, and
/// their figures on the search's replications.
public struct TemplateFrontierPoint: Sendable, Hashable {
    /// The idle weight as a multiple of the given one ("×4").
    public var label: String
    public var weights: ScheduleWeights
    /// Mean wait of every citizen who waited, minutes (the scope's, averaged over the replications).
    public var waitMinutes: Double
    /// Idle counter-minutes within opening hours per open day (the scope's).
    public var idleMinutes: Double
    /// Office × service × weekday templates the search changed.
    public var changed: Int
}

/// The wait/idle trade-off of a city's (or one office's) templates as the weights vary: the template
/// search re-run with the idle weight multiplied by each of `multipliers` (wait and overtime weights
/// as given), each optimum simulated for `settings.replications` replications of `settings.days`
/// days after `settings.warmUpDays` (the same seed and replications for every point: common random
/// numbers) and read as the scope's mean wait and idle counter-minutes per day.
///
/// Cost: `multipliers.count` template searches and as many runs of the scope.
public enum TemplateFrontier {
    public static let multipliers: [Double] = [0, 0.25, 1, 4, 16]

    /// The frontier's points in `multipliers` order; `progress(done, total)` after each office of each
    /// point's search (total = points × offices).
    /// A zero idle weight is replaced by 0.05 × the wait weight before multiplying (so that the points differ).
    public static func points(
        _ scope: TemplateScope, settings: TemplateSearchSettings, multipliers: [Double] = multipliers, threads: Int,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(PlanningError) -> [TemplateFrontierPoint] {
        let single = scope.offices.count == 1 ? scope.offices.first : nil
        let base = single.map { scope.model.officeSubModel($0) } ?? scope.model
        let prefix = single.map { "offices.\($0)" } ?? "overall"
        let counters = base.offices.filter { office in single.map { $0 == office.id } ?? true }
            .reduce(0) { $0 + $1.counters }
        let given = settings.weights
        let unit = given.idle > 0 ? given.idle : 0.05 * max(given.wait, 1e-9)
        let current = scope.currentTemplates()
        var points: [TemplateFrontierPoint] = []
        for (index, multiplier) in multipliers.enumerated() {
            var varied = settings
            do {
                varied.weights = try ScheduleWeights(
                    wait: given.wait, idle: unit * multiplier, overtime: given.overtime)
            } catch {
                throw PlanningError.invalid("frontier weights: \(error.message)")
            }
            let offset = index * scope.offices.count
            let total = multipliers.count * scope.offices.count
            var officeProgress: (@Sendable (Int, Int) -> Void)?
            if let progress {
                officeProgress = { done, _ in progress(offset + done, total) }
            }
            let results = try TemplateSearch.optimize(
                scope, settings: varied, threads: threads, progress: officeProgress)
            var optimized = current
            for result in results { optimized.merge(result.optimized) { _, new in new } }
            var model = base
            model.calendar.warmUpDays = settings.warmUpDays
            let samples = try TemplateComparison.samples(
                base: model, templates: optimized, current: current, prefix: prefix, counters: counters,
                weights: varied.weights, days: settings.days, replications: settings.replications,
                seed: settings.seed, threads: threads, progress: nil)
            let figures = samples.map {
                ($0.values["all.wait_minutes"] ?? 0, $0.values["idle_counter_minutes_per_day"] ?? 0)
            }
            let count = Double(max(1, figures.count))
            points.append(
                TemplateFrontierPoint(
                    label: "×" + String(format: "%g", multiplier), weights: varied.weights,
                    waitMinutes: figures.reduce(0) { $0 + $1.0 } / count,
                    idleMinutes: figures.reduce(0) { $0 + $1.1 } / count,
                    changed: optimized.keys.filter { optimized[$0] != current[$0] }.count))
        }
        return points
    }
}
