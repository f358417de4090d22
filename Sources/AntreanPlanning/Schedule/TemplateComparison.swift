import AntreanCity
import AntreanEngine
public import AntreanSchedule

/// The paired comparison of the current and the optimized templates (Law 2015, §10.2.1).
public enum TemplateComparison {
    /// Runs `replications` replications of `days` measured days (after the model's warm-up) with the
    /// current templates (A) and with the optimized ones (B) on common random numbers, and compares
    /// booked and walk-in citizens' mean and p90 wait, idle counter-minutes, overtime, citizens turned
    /// away and the objective. The scope: one office alone when the scope is one office and offices
    /// are independent, else the whole city (figures of the one office, or "overall").
    public static func compare(
        _ scope: TemplateScope, current: CityTemplates, optimized: CityTemplates, weights: ScheduleWeights,
        days: Int, replications: Int, seed: UInt64, threads: Int,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(PlanningError) -> PairedComparison {
        let single = scope.offices.count == 1 ? scope.offices.first : nil
        let base = single.map { scope.model.officeSubModel($0) } ?? scope.model
        let prefix = single.map { "offices.\($0)" } ?? "overall"
        let counters = base.offices.filter { office in single.map { $0 == office.id } ?? true }
            .reduce(0) { $0 + $1.counters }
        func shifted(_ offset: Int) -> (@Sendable (Int, Int) -> Void)? {
            guard let progress else { return nil }
            return { done, total in progress(offset + done, 2 * total) }
        }
        let a = try samples(
            base: base, templates: current, current: current, prefix: prefix, counters: counters, weights: weights,
            days: days,
            replications: replications, seed: seed, threads: threads, progress: shifted(0))
        let b = try samples(
            base: base, templates: optimized, current: current, prefix: prefix, counters: counters, weights: weights,
            days: days,
            replications: replications, seed: seed, threads: threads, progress: shifted(replications))
        do {
            return try PairedComparison(labelA: "current templates", a: a, labelB: "optimized templates", b: b)
        } catch let error as PlanningError {
            throw error
        } catch {
            throw PlanningError.invalid("\(error)")
        }
    }

    /// The comparison's metrics of each replication of `base` with `templates`.
    static func samples(
        base: CityModel, templates: CityTemplates, current: CityTemplates, prefix: String, counters: Int,
        weights: ScheduleWeights, days: Int,
        replications: Int, seed: UInt64, threads: Int, progress: (@Sendable (Int, Int) -> Void)?
    ) throws(PlanningError) -> [MetricSample] {
        let (finished, simulation) = try base.simulated(with: templates, current: current)
        return simulation.runReplications(replications, days: days, seed: seed, threads: threads, progress: progress)
            .map { sample in
                let figures = TemplateFigures(sample, prefix: prefix, model: finished, counters: counters, days: days)
                return figures.metricSample(objective: figures.objective(weights))
            }
    }
}
