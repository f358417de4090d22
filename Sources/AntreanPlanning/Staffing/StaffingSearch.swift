import AntreanEngine

/// Finds the fewest counters per unit meeting a ``ServiceTarget`` with 95% confidence, by simulation.
///
/// Starts every unit at its analytic count (``analyticCounters(_:target:limit:)``: Erlang C, or the
/// peak modified-offered-load staffing for an hourly profile),
/// then alternates: raise every failing unit by one; when all pass, try one counter fewer at every
/// unit still shrinkable, keep the cut where the target still holds and freeze the others. Units are
/// moved together because offices are independent given the seed; a final check repeats the raise
/// step if coupled units (consecutive time blocks) interfere. Every candidate runs replications
/// 0..<n with the same seed (common random numbers), so the comparison between two candidates is not
/// blurred by different luck. Cost: O(evaluations × n) replications; evaluations ≈ |analytic −
/// optimum| + 2 for independent units.
///
/// A search that accepts a unit on the replications it chose it on keeps the cuts that were lucky
/// there (the optimisation bias of Boesel, Nelson & Kim 2003, "Using ranking and selection to 'clean
/// up' after simulation optimization", Operations Research 51(5)); with ``check`` set, the answer is
/// then re-checked on replications the search never saw and raised where it misses
/// (``IndependentCheck``).
public struct StaffingSearch<Model: StaffableModel>: Sendable {
    public var model: Model
    public var target: ServiceTarget
    public var replications: Int
    public var seed: UInt64
    public var maxCounters: Int
    public var threads: Int
    /// How a unit's figure is read from the replications (``UnitEstimate``).
    public var estimate: UnitEstimate
    /// The re-check on independent replications after the search, if any (``IndependentCheck``).
    public var check: IndependentCheck?

    public init(
        model: Model, target: ServiceTarget, replications: Int, seed: UInt64, maxCounters: Int = 50, threads: Int = 1,
        estimate: UnitEstimate = .replicationMean, check: IndependentCheck? = nil
    ) {
        self.estimate = estimate
        self.check = check
        self.model = model
        self.target = target
        self.replications = replications
        self.seed = seed
        self.maxCounters = maxCounters
        self.threads = threads
    }

    /// The Erlang C count for the unit's rate or, with an hourly profile, the most any hour needs
    /// under the modified offered load (``TimeVaryingStaffing``); nil when no count ≤ `limit` works.
    public static func analyticCounters(_ unit: StaffingUnit, target: ServiceTarget, limit: Int) -> Int? {
        if let hourly = unit.hourlyArrivalRates, hourly.contains(where: { $0 > 0 }) {
            let perHour = TimeVaryingStaffing.servers(
                for: target, ratesPerPeriod: hourly, periodMinutes: 60, meanService: unit.meanService)
            if perHour.contains(where: { $0 == nil }) { return nil }
            let most = perHour.compactMap { $0 }.max() ?? 1
            return most <= limit ? max(1, most) : nil
        }
        guard unit.arrivalRate > 0 else { return 1 }
        return ErlangC.fewestServers(
            for: target, arrivalRate: unit.arrivalRate, meanService: unit.meanService, limit: limit)
    }

    /// The largest count the analytic first guess considers (Erlang C and the modified offered load).
    static var analyticLimit: Int { 10_000 }

    /// The most counters the search may give `unit`: `maxCounters`, raised to the current staffing
    /// and to two above the analytic count, so that neither is ever cut off by the cap.
    static func counterLimit(_ unit: StaffingUnit, analytic: Int?, maxCounters: Int) -> Int {
        max(maxCounters, unit.currentCounters, (analytic ?? 0) + 2)
    }

    /// The model measuring what the target's estimate reads: a pooled quantile target reads the share
    /// within its limit, so the model's wait target becomes that limit.
    func measuredModel() throws -> Model {
        let judged = estimate.judged(target)
        guard judged != target else { return try model.measuring(target) }
        return try model.measuring(
            quantiles: target.quantileLevel.map { [$0] } ?? [], waitTargetMinutes: target.minutes)
    }

    /// The unit's target figure over `samples` (``UnitEstimate``).
    func summary(_ unit: StaffingUnit, _ samples: [MetricSample]) throws -> MetricSummary {
        try estimate.summary(scope: unit.scope, target: target, samples: samples)
    }

    /// Runs the search, then the independent check when ``check`` is set; `progress` receives a line
    /// per evaluated candidate.
    public func run(progress: (@Sendable (String) -> Void)? = nil) throws -> StaffingPlan {
        let model = try measuredModel()
        let judged = estimate.judged(target)
        let units = model.staffingUnits
        var analytic: [String: Int?] = [:]
        var counters: [String: Int] = [:]
        var limits: [String: Int] = [:]
        for unit in units {
            let guess = Self.analyticCounters(unit, target: target, limit: Self.analyticLimit)
            analytic[unit.id] = guess
            let limit = Self.counterLimit(unit, analytic: guess, maxCounters: maxCounters)
            limits[unit.id] = limit
            counters[unit.id] = min(limit, max(1, guess ?? limit))
        }
        var evaluations = 0
        func evaluate(_ plan: [String: Int]) throws -> [MetricSample] {
            evaluations += 1
            let samples = try ReplicationRunner.run(
                try model.staffed(plan), replications: 0..<replications, seed: seed, threads: threads)
            progress?("candidate \(evaluations): \(plan.values.reduce(0, +)) counters")
            return samples
        }
        func passes(_ unit: StaffingUnit, _ samples: [MetricSample]) throws -> Bool {
            judged.isMetWithConfidence(try summary(unit, samples))
        }

        // Raise failing units until all pass or hit the limit.
        var samples = try evaluate(counters)
        var atLimit: Set<String> = []
        // Units still worth trying one counter fewer; a unit raised again (coupled units interfering)
        // leaves it, so the search cannot cycle.
        var shrinkable: Set<String> = []
        func raiseUntilFeasible() throws {
            while true {
                var raised = false
                for unit in units where !(try passes(unit, samples)) {
                    shrinkable.remove(unit.id)
                    let count = counters[unit.id, default: 1]
                    if count < limits[unit.id, default: maxCounters] {
                        counters[unit.id] = count + 1
                        raised = true
                    } else {
                        atLimit.insert(unit.id)
                    }
                }
                if !raised { return }
                samples = try evaluate(counters)
            }
        }
        try raiseUntilFeasible()

        // Lower passing units one step at a time while the target still holds.
        shrinkable = Set(units.filter { counters[$0.id, default: 1] > 1 && !atLimit.contains($0.id) }.map(\.id))
        while !shrinkable.isEmpty {
            var candidate = counters
            for id in shrinkable { candidate[id, default: 1] -= 1 }
            let candidateSamples = try evaluate(candidate)
            var accepted = false
            for unit in units where shrinkable.contains(unit.id) {
                if try passes(unit, candidateSamples) {
                    counters[unit.id] = candidate[unit.id]
                    accepted = true
                    if counters[unit.id, default: 1] <= 1 { shrinkable.remove(unit.id) }
                } else {
                    shrinkable.remove(unit.id)
                }
            }
            if !accepted { break }
            samples = counters == candidate ? candidateSamples : try evaluate(counters)
            try raiseUntilFeasible()
        }

        var checked: IndependentCheck.Outcome?
        if let check {
            let outcome = try check.run(
                self, model: model, units: units, counters: counters, limits: limits, progress: progress)
            counters = outcome.counters
            samples = outcome.samples
            checked = outcome
        }
        let final = samples
        let rows = try units.map { unit in
            let figure = try summary(unit, final)
            let count = counters[unit.id, default: 1]
            return StaffingPlan.Row(
                unit: unit, analyticCounters: analytic[unit.id] ?? nil, counters: count,
                meetsTarget: checked?.verdicts[unit.id].map { $0.verdict == .meets || $0.fewCitizens }
                    ?? judged.isMetWithConfidence(figure),
                targetMetric: checked?.verdicts[unit.id]?.summary ?? figure,
                limit: limits[unit.id, default: maxCounters],
                check: checked.flatMap { outcome in
                    outcome.verdicts[unit.id].map {
                        StaffingPlan.UnitCheck(
                            verdict: $0.verdict, replications: $0.replications,
                            addedCounters: outcome.added[unit.id, default: 0], citizens: $0.citizens,
                            fewCitizens: $0.fewCitizens)
                    }
                })
        }
        return StaffingPlan(
            target: target, rows: rows, evaluations: evaluations, replications: replications, seed: seed,
            metrics: MetricSample.summarize(final), estimate: estimate, check: checked?.report)
    }
}
