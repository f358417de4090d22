public import AntreanEngine

/// The result of a staffing search: counters per unit, whether the target holds there, and the cost.
public struct StaffingPlan: Sendable {
    /// What the independent check (``IndependentCheck``) found at a unit, on the roster proposed.
    public struct UnitCheck: Sendable, Hashable {
        /// The last check's verdict at the 95% bound; `undecided` at the check's replication cap.
        public var verdict: TargetVerdict
        /// Independent replications the verdict rests on.
        public var replications: Int
        /// Counters the check added to the search's answer.
        public var addedCounters: Int
        /// Citizens served in the unit over those replications (pooled estimates), else nil.
        public var citizens: Double?
        /// Met on every citizen seen, too few to bound: all of them were served within the limit,
        /// but the binomial interval of so few does not reach the target (the row counts as met,
        /// and says so).
        public var fewCitizens: Bool
    }

    public struct Row: Sendable, Hashable {
        public var unit: StaffingUnit
        /// The analytic (Erlang C) first guess; nil when the unit is unstable at any size ≤ the limit.
        public var analyticCounters: Int?
        public var counters: Int
        /// False when even `limit` counters did not meet the target with 95% confidence.
        public var meetsTarget: Bool
        /// The target metric under the final plan.
        public var targetMetric: MetricSummary?
        /// The most counters the search could give this unit (never below the current staffing).
        public var limit: Int
        /// The independent check's verdict, when the search ran one (then `meetsTarget` is its verdict,
        /// or every citizen within the limit where too few came to bound the share).
        public var check: UnitCheck? = nil

        public var counterHours: Double { Double(counters) * unit.staffedHours }
        public var currentCounterHours: Double { Double(unit.currentCounters) * unit.staffedHours }
    }

    public var target: ServiceTarget
    public var rows: [Row]
    /// Candidate plans simulated during the search.
    public var evaluations: Int
    public var replications: Int
    public var seed: UInt64
    /// KPIs of the final plan.
    public var metrics: [String: MetricSummary]
    /// How the units' figures were read; the table shows ``judgedTarget``'s figure.
    public var estimate: UnitEstimate = .replicationMean
    /// What the independent check did, when the search ran one.
    public var check: IndependentCheck.Report? = nil

    /// The target the rows' figures are compared with (``UnitEstimate/judged(_:)``).
    public var judgedTarget: ServiceTarget { estimate.judged(target) }
    /// Counter-hours of the search's answer before the independent check added counters.
    public var searchCounterHours: Double {
        rows.reduce(0) { $0 + Double($1.counters - ($1.check?.addedCounters ?? 0)) * $1.unit.staffedHours }
    }

    public var counterHours: Double { rows.reduce(0) { $0 + $1.counterHours } }
    /// True when the target holds at every unit; only then are the counter-hours a plan to compare.
    public var meetsTarget: Bool { rows.allSatisfy(\.meetsTarget) }
    public var currentCounterHours: Double { rows.reduce(0) { $0 + $1.currentCounterHours } }
    public var counters: [String: Int] { Dictionary(uniqueKeysWithValues: rows.map { ($0.unit.id, $0.counters) }) }
}
