public import AntreanEngine

/// The result of a staffing search: counters per unit, whether the target holds there, and the cost.
public struct StaffingPlan: Sendable {
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

    public var counterHours: Double { rows.reduce(0) { $0 + $1.counterHours } }
    /// True when the target holds at every unit; only then are the counter-hours a plan to compare.
    public var meetsTarget: Bool { rows.allSatisfy(\.meetsTarget) }
    public var currentCounterHours: Double { rows.reduce(0) { $0 + $1.currentCounterHours } }
    public var counters: [String: Int] { Dictionary(uniqueKeysWithValues: rows.map { ($0.unit.id, $0.counters) }) }
}
