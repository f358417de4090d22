import AntreanAllocator
import AntreanCity
import AntreanEngine
import Foundation

/// The outcome of one office's template search.
public struct OfficeTemplateResult: Sendable {
    public var office: String
    public var current: CityTemplates
    public var optimized: CityTemplates
    /// The objective summed over the scope's weekdays (``TemplateFigures/weekdayObjective``) in each
    /// search replication, current and optimized templates (the same draws).
    public var currentObjectives: [Double]
    public var optimizedObjectives: [Double]
    /// Moves accepted (a shape counts as one).
    public var moves: Int
    public var evaluations: Int
    /// The interval length and rule accepted as the office's new shape ("10m bailey_welch"), if any.
    public var shape: String?

    public var currentObjective: Double { currentObjectives.reduce(0, +) / Double(max(1, currentObjectives.count)) }
    public var optimizedObjective: Double {
        optimizedObjectives.reduce(0, +) / Double(max(1, optimizedObjectives.count))
    }
}

/// Optimises a city's appointment templates by simulation through the real allocator (the city model:
/// reserves, walk-ins, priority citizens, no-shows rising with lead time, breaks).
///
/// Each office is searched on its own (``CityModel/officeSubModel(_:)``: exact under `home-earliest`,
/// where a citizen books only at home; under other policies every candidate runs the whole city).
/// Candidates are judged on common random numbers — the same replications, drawn from streams
/// keyed by (seed, replication, purpose) with replication numbers from `searchReplicationBase` on,
/// so independent of the replications a later comparison runs — and a move (``TemplateMove``) is
/// accepted only when the mean paired difference of the moved weekday's objective
/// (``TemplateFigures/weekdayObjective``) is negative and its two-sided 95% paired-t interval excludes
/// zero (as `SimulatedSessionEvaluator.prefers` does), and the objective summed over the scope's
/// weekdays is lower on these draws too. Every accepted move lowers that sum's sample mean, so the
/// result is never worse than the current templates on these draws. The shapes first (every interval
/// length of ``TemplateShape/lengths`` dividing the day × uniform, Bailey–Welch and dome places; the best
/// significant improvement of the summed objective is taken), then the moves by first improvement,
/// cycling through them until a full cycle finds none or `maximumEvaluations` candidates have been
/// simulated.
///
/// Cost: at most `maximumEvaluations × replications` runs of one office over `warmUpDays + days`.
public enum TemplateSearch {
    public static let searchReplicationBase = 1_000_000

    /// Searches every office of `scope` in parallel on `threads` threads (one office per task, each
    /// search sequential), results in the scope's office order: identical for any thread count.
    /// `progress(done, total)` after each office; `candidateSimulated()` after each candidate of any
    /// office (progress within a long one-office search).
    public static func optimize(
        _ scope: TemplateScope, settings: TemplateSearchSettings, threads: Int,
        progress: (@Sendable (Int, Int) -> Void)? = nil, candidateSimulated: (@Sendable () -> Void)? = nil
    ) throws(PlanningError) -> [OfficeTemplateResult] {
        let outcomes = Replications.run(scope.offices.count, threads: threads, progress: progress) {
            index -> Result<OfficeTemplateResult, PlanningError> in
            do throws(PlanningError) {
                return .success(
                    try optimize(
                        office: scope.offices[index], scope: scope, settings: settings,
                        candidateSimulated: candidateSimulated))
            } catch {
                return .failure(error)
            }
        }
        var results: [OfficeTemplateResult] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let result): results.append(result)
            case .failure(let error): throw error
            }
        }
        return results
    }

    /// Searches one office's templates on the scope's weekdays: first the shapes (``TemplateShape``:
    /// every interval length and rule, for all the office's services and the scope's weekdays at once;
    /// the best of those whose summed objective improves significantly is taken), then the moves.
    public static func optimize(
        office: String, scope: TemplateScope, settings: TemplateSearchSettings,
        candidateSimulated: (@Sendable () -> Void)? = nil
    ) throws(PlanningError) -> OfficeTemplateResult {
        let current = scope.currentTemplates().filter { $0.key.office == office }
        let evaluator = try OfficeEvaluator(office: office, model: scope.model, current: current, settings: settings)
        let weekdays = scope.weekdays
        var incumbent = current
        var incumbentFigures = try evaluator.weekdayObjectives(incumbent, weekdays: weekdays)
        let currentFigures = incumbentFigures
        var evaluations = 1
        var moves = 0
        let critical = StudentT.quantile(probability: 0.975, degreesOfFreedom: Double(settings.replications - 1))
        /// The paired difference candidate − incumbent of `day`'s objective (nil: the scope's sum) and
        /// whether it is significantly negative.
        func improvement(_ figures: [[Double]], day: Int?) -> (mean: Double, significant: Bool) {
            var difference = Welford()
            for (candidateDays, incumbentDays) in zip(figures, incumbentFigures) {
                difference.add(
                    day.map { candidateDays[$0] - incumbentDays[$0] }
                        ?? (candidateDays.reduce(0, +) - incumbentDays.reduce(0, +)))
            }
            let standardError = (difference.variance / Double(figures.count)).squareRoot()
            return (difference.mean, difference.mean + critical * standardError < 0)
        }
        var shape: String?
        var bestShape: (label: String, templates: CityTemplates, figures: [[Double]], mean: Double)?
        for candidate in TemplateShape.candidates(incumbent, office: office, weekdays: weekdays, model: evaluator.base)
        where evaluations < settings.maximumEvaluations {
            let figures = try evaluator.weekdayObjectives(candidate.templates, weekdays: weekdays)
            evaluations += 1
            candidateSimulated?()
            let gain = improvement(figures, day: nil)
            if gain.significant && gain.mean < (bestShape?.mean ?? 0) {
                bestShape = (candidate.label, candidate.templates, figures, gain.mean)
            }
        }
        if let bestShape {
            incumbent = bestShape.templates
            incumbentFigures = bestShape.figures
            shape = bestShape.label
            moves += 1
        }
        var days: [Weekday: (intervals: Int, perHour: Int)] = [:]
        for (key, template) in incumbent { days[key.weekday] = (template.places.count, template.intervalsPerHour) }
        let candidates = TemplateMove.all(weekdays: weekdays, days: days)
        var position = 0
        var sinceLastMove = 0
        while !candidates.isEmpty && sinceLastMove < candidates.count && evaluations < settings.maximumEvaluations {
            let move = candidates[position]
            position = (position + 1) % candidates.count
            sinceLastMove += 1
            guard let candidate = move.applied(to: incumbent, office: office),
                let day = weekdays.firstIndex(of: move.weekday)
            else { continue }
            let figures = try evaluator.weekdayObjectives(candidate, weekdays: weekdays)
            evaluations += 1
            candidateSimulated?()
            // The moved weekday must improve significantly, and the scope's total must not get worse
            // on these draws (a move on one weekday shifts bookings and random draws on the others).
            if improvement(figures, day: day).significant && improvement(figures, day: nil).mean < 0 {
                incumbent = candidate
                incumbentFigures = figures
                moves += 1
                sinceLastMove = 0
            }
        }
        return OfficeTemplateResult(
            office: office, current: current, optimized: incumbent,
            currentObjectives: currentFigures.map { $0.reduce(0, +) },
            optimizedObjectives: incumbentFigures.map { $0.reduce(0, +) }, moves: moves, evaluations: evaluations,
            shape: shape)
    }
}

/// Simulates one office (or the whole city, when offices are not independent) with given templates.
struct OfficeEvaluator {
    let base: CityModel
    let prefix: String
    let settings: TemplateSearchSettings
    /// The office's templates today: keys a candidate leaves as they are do not touch the model.
    let current: CityTemplates

    init(office: String, model: CityModel, current: CityTemplates, settings: TemplateSearchSettings)
        throws(PlanningError)
    {
        var base = model.officeSubModel(office)
        base.calendar.warmUpDays = settings.warmUpDays
        self.base = base
        self.settings = settings
        self.current = current
        prefix = model.officesAreIndependent ? "offices.\(office)" : "overall"
    }

    /// The objective of each weekday of `weekdays` (``TemplateFigures/weekdayObjective``) in each
    /// search replication, with `templates` replacing the office's slot plans: [replication][weekday].
    func weekdayObjectives(_ templates: CityTemplates, weekdays: [Weekday]) throws(PlanningError) -> [[Double]] {
        let (_, simulation) = try base.simulated(with: templates, current: current)
        return (0..<settings.replications).map { r in
            let sample = simulation.run(
                days: settings.days, seed: settings.seed, replication: TemplateSearch.searchReplicationBase + r)
            return weekdays.map {
                TemplateFigures.weekdayObjective(sample, prefix: prefix, weekday: $0, weights: settings.weights)
            }
        }
    }
}
