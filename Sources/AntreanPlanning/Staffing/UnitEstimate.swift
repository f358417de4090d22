public import AntreanEngine

/// How the search reads a unit's target figure from its replications.
public enum UnitEstimate: Sendable, Hashable {
    /// The mean over replications of each replication's figure (its p90, mean wait or share) with a
    /// Student-t interval: every replication weighs the same. Right for whole offices and days, where
    /// every replication sees many citizens.
    case replicationMean
    /// One figure over the citizens of all replications: the share of them served within the limit
    /// (a "p90 wait ≤ T" target is read as "at least 90% within T", the same statement for the
    /// nearest-rank quantile the model reports) or their mean wait, as a ratio of sums over
    /// replications. Each replication weighs by its citizens, so an hour in which 3 citizens came
    /// counts a third of one in which 9 came, and an hour nobody came adds nothing (the replication
    /// mean counts it as a wait of 0). The interval is the classical ratio estimator's (Cochran,
    /// *Sampling Techniques*, 3rd ed., 1977, ch. 6; the ratio estimator of the regenerative method in
    /// Law, *Simulation Modeling and Analysis*, 5th ed., 2015, ch. 9): replications are independent, the
    /// citizens within one are not, so the spread is taken between replications, never between
    /// citizens. Right for hour blocks, where a replication sees a handful of citizens and the p90
    /// of three waits is their largest.
    case pooledOverCitizens

    /// The target this estimate is judged against: a quantile target becomes the share within its
    /// limit when pooled ("p90 wait ≤ 15m" → "within 15m ≥ 90%"); others are unchanged.
    public func judged(_ target: ServiceTarget) -> ServiceTarget {
        guard self == .pooledOverCitizens, case .quantile(let level) = target.kind else { return target }
        return ServiceTarget(kind: .shareWithin(share: level), minutes: target.minutes, limitText: target.limitText)
    }

    /// The figure of the unit under `scope` over `samples`, as a mean with its 95% interval.
    ///
    /// Pooled: with `W` the citizens within the limit (or their summed wait) and `N` the citizens served
    /// in a replication, the estimate is `R = ΣW / ΣN`; the summary is taken over the linearised values
    /// `R + (W − R·N) / N̄`, whose mean is `R` and whose Student-t interval is the delta-method interval
    /// of the ratio. With no citizen in any replication the block is met: nobody waited (the figure is a
    /// share of 1 or a wait of 0, with no spread). O(replications).
    public func summary(scope: String, target: ServiceTarget, samples: [MetricSample]) throws -> MetricSummary {
        switch self {
        case .replicationMean:
            let key = "\(scope).\(target.metricName)"
            let values = samples.compactMap { $0[key] }
            guard !values.isEmpty else { throw PlanningError.missingMetric(key) }
            return MetricSummary(observations: values)
        case .pooledOverCitizens:
            let judged = judged(target)
            let servedKey = "\(scope).served"
            let figureKey = "\(scope).\(judged.metricName)"
            var pairs: [(figure: Double, citizens: Double)] = []
            pairs.reserveCapacity(samples.count)
            for sample in samples {
                guard let served = sample[servedKey] else { throw PlanningError.missingMetric(servedKey) }
                guard let figure = sample[figureKey] else { throw PlanningError.missingMetric(figureKey) }
                // The block's figure is per citizen; times the citizens it is the replication's sum.
                pairs.append((figure * served, served))
            }
            let citizens = pairs.reduce(0) { $0 + $1.citizens }
            guard citizens > 0, !pairs.isEmpty else {
                let nobodyWaited: Double = if case .shareWithin = judged.kind { 1 } else { 0 }
                return MetricSummary(observations: Array(repeating: nobodyWaited, count: max(1, samples.count)))
            }
            let ratio = pairs.reduce(0) { $0 + $1.figure } / citizens
            let meanCitizens = citizens / Double(pairs.count)
            return MetricSummary(observations: pairs.map { ratio + ($0.figure - ratio * $0.citizens) / meanCitizens })
        }
    }
}

extension UnitEstimate {
    /// Citizens served at the unit over `samples` (pooled estimates only: a replication mean does not
    /// count them). O(replications).
    public func citizens(scope: String, samples: [MetricSample]) -> Double? {
        guard self == .pooledOverCitizens else { return nil }
        return samples.reduce(0) { $0 + ($1["\(scope).served"] ?? 0) }
    }

    /// `summary` of a pooled share widened to at least the Wilson score interval of `citizens`
    /// citizens (Wilson 1927, "Probable inference, the law of succession, and statistical inference",
    /// JASA 22; Agresti & Coull 1998, The American Statistician 52): the interval the pooled counts
    /// would give if the citizens were independent, which they are at best. The ratio estimator's
    /// interval comes from the spread between replications, and five replications in which all of a
    /// quiet hour's few citizens were served in time show no spread at all; the Wilson interval of
    /// m citizens all within the limit reaches 90% only from m ≥ 35. Other targets are unchanged.
    public static func atLeastBinomial(_ summary: MetricSummary, citizens: Double, target: ServiceTarget)
        -> MetricSummary
    {
        guard case .shareWithin = target.kind, citizens > 0 else { return summary }
        let z = 1.959_963_984_540_054
        let share = min(1, max(0, summary.mean))
        let spread = z * z / citizens
        let centre = (share + spread / 2) / (1 + spread)
        let half = z * (share * (1 - share) / citizens + spread / (4 * citizens)).squareRoot() / (1 + spread)
        var widened = summary
        widened.halfWidth95 = max(summary.halfWidth95, summary.mean - (centre - half), centre + half - summary.mean)
        return widened
    }
}

/// What an interval says about a target: met at the 95% bound, missed even at the favourable bound,
/// or not yet decided (the interval holds the limit).
public enum TargetVerdict: String, Sendable, Hashable {
    case meets
    case misses
    case undecided

    /// The verdict on `summary` for `target` (the judged target of the estimate).
    public init(_ summary: MetricSummary, target: ServiceTarget) {
        if target.isMetWithConfidence(summary) {
            self = .meets
            return
        }
        switch target.kind {
        case .quantile, .mean: self = summary.ci95.low > target.minutes ? .misses : .undecided
        case .shareWithin(let share): self = summary.ci95.high < share ? .misses : .undecided
        }
    }
}
