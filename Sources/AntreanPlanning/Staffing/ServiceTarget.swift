public import AntreanEngine
public import AntreanLocalization

/// A waiting-time service level, parsed from text such as `"p90 wait <= 15m"`, `"mean wait <= 10m"`
/// or `"within 15m >= 80%"`.
public struct ServiceTarget: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The `level` quantile of the wait (0.9 for p90) must be at most `minutes`.
        case quantile(level: Double)
        /// The mean wait must be at most `minutes`.
        case mean
        /// At least `share` (0…1) of customers must wait at most `minutes`.
        case shareWithin(share: Double)
    }

    public var kind: Kind
    public var minutes: Double
    /// The time limit as the planner wrote it (`10s`, `1.5h`), so that the target prints as written.
    public var limitText: String

    public init(kind: Kind, minutes: Double, limitText: String? = nil) {
        self.kind = kind
        self.minutes = minutes
        self.limitText = limitText ?? "\(Self.number(minutes))m"
    }

    public var description: String {
        switch kind {
        case .quantile(let level): "\(WaitQuantile.label(level)) wait <= \(limitText)"
        case .mean: "mean wait <= \(limitText)"
        case .shareWithin(let share): "within \(limitText) >= \(Self.percent(share))%"
        }
    }

    /// The metric (under a scope such as `offices.mpp.`) that the target reads:
    /// `wait_minutes.p90`, `wait_minutes` or `wait_within_target`.
    ///
    /// `wait_within_target` is the share waiting at most the model's wait target, so the search
    /// first sets that to this target's own limit (``StaffableModel/measuring(_:)``).
    public var metricName: String {
        switch kind {
        case .quantile(let level): "wait_minutes.\(WaitQuantile.key(level))"
        case .mean: "wait_minutes"
        case .shareWithin: "wait_within_target"
        }
    }

    /// A column heading for the metric: `p90 wait (min)`, `mean wait (min)`, `share within 15s`.
    public var metricLabel: String { metricLabel(.en) }

    /// The column heading in `language`, e.g. `p90 tunggu (mnt)`.
    public func metricLabel(_ language: Language) -> String {
        switch kind {
        case .quantile(let level): language.text("plan.metric.quantile_wait", ["quantile": WaitQuantile.label(level)])
        case .mean: language.text("plan.metric.mean_wait")
        case .shareWithin: language.text("plan.metric.share_within", ["limit": limitText])
        }
    }

    /// The wait quantile this target reads, if any (0.9 for p90).
    public var quantileLevel: Double? {
        if case .quantile(let level) = kind { level } else { nil }
    }

    /// The 95% bound on the unfavourable side: the upper one for waits, the lower one for shares.
    public func bound(_ summary: MetricSummary) -> Double {
        if case .shareWithin = kind { summary.ci95.low } else { summary.ci95.high }
    }

    /// True when the target holds with 95% confidence: the interval's bound on the unfavourable side
    /// (upper for waits, lower for shares) is on the right side of the limit.
    public func isMetWithConfidence(_ summary: MetricSummary) -> Bool {
        switch kind {
        case .quantile, .mean: summary.ci95.high <= minutes
        case .shareWithin(let share): summary.ci95.low >= share
        }
    }

    private static func percent(_ fraction: Double) -> String { number(fraction * 100) }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
