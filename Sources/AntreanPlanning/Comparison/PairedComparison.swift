public import AntreanEngine

/// Paired comparison of two variants run on common random numbers: replication r of A and of B
/// share seed and replication index, so the differences D_r = B_r − A_r are independent across r and
/// the Student-t interval of their mean is usually far narrower than that of two independent runs
/// (Law, *Simulation Modeling and Analysis*, 5th ed., §10.2.1, the paired-t confidence interval).
public struct PairedComparison: Sendable {
    public enum Verdict: String, Sendable, Hashable {
        case aBetter = "A better"
        case bBetter = "B better"
        case noSignificantDifference = "no significant difference"
        /// The interval excludes zero on a metric without a better direction.
        case different = "different"
        case tooFewReplications = "too few replications"
    }

    /// One KPI: means of both variants and the interval of the mean difference B − A.
    public struct Row: Sendable, Hashable {
        public var metric: String
        public var direction: MetricDirection
        public var meanA: Double
        public var meanB: Double
        /// Mean and 95% interval of B − A over the pairs.
        public var difference: MetricSummary
        public var verdict: Verdict
    }

    public var labelA: String
    public var labelB: String
    public var rows: [Row]
    public var pairs: Int

    /// Compares `a` and `b` pair by pair (index r of each came from the same seed and replication).
    /// Metrics present in both samples of every pair are compared; O(pairs × metrics).
    public init(labelA: String, a: [MetricSample], labelB: String, b: [MetricSample]) throws {
        guard a.count == b.count else {
            throw PlanningError.invalid(
                "paired comparison needs as many replications of A (\(a.count)) as of B (\(b.count))")
        }
        self.labelA = labelA
        self.labelB = labelB
        self.pairs = a.count
        var keys = Set(a.first?.values.keys ?? [:].keys)
        for sample in a + b { keys.formIntersection(sample.values.keys) }
        rows = keys.sorted().map { key in
            let differences = zip(a, b).map { $1.values[key]! - $0.values[key]! }
            let summary = MetricSummary(observations: differences)
            let direction = MetricDirection(metric: key)
            return Row(
                metric: key, direction: direction, meanA: MetricSummary(observations: a.map { $0.values[key]! }).mean,
                meanB: MetricSummary(observations: b.map { $0.values[key]! }).mean, difference: summary,
                verdict: Self.verdict(summary, direction: direction))
        }
    }

    /// Significant when the 95% interval of the mean difference excludes zero. With zero spread
    /// (identical variants, or a metric both fix) the difference itself decides.
    static func verdict(_ difference: MetricSummary, direction: MetricDirection) -> Verdict {
        guard difference.replications >= 2 else { return .tooFewReplications }
        let (low, high) = difference.ci95
        guard low > 0 || high < 0 else { return .noSignificantDifference }
        let bIsHigher = low > 0
        switch direction {
        case .lowerIsBetter: return bIsHigher ? .aBetter : .bBetter
        case .higherIsBetter: return bIsHigher ? .bBetter : .aBetter
        case .neutral: return .different
        }
    }
}
