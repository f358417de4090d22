/// Named scalar results of one replication (for example `overall.wait_minutes` or
/// `queues.kk.served`), the common currency between models, planners and reports.
///
/// Keys are dot-separated paths. Models add what they measure; reports, paired comparisons,
/// sweeps and merges treat every key alike, so a new KPI needs no change downstream.
public struct MetricSample: Sendable, Hashable, Codable {
    public var values: [String: Double]

    public init(_ values: [String: Double] = [:]) { self.values = values }

    public subscript(key: String) -> Double? {
        get { values[key] }
        set { values[key] = newValue }
    }
}

/// Mean of a metric across independent replications with a two-sided 95% Student-t interval.
public struct MetricSummary: Sendable, Hashable, Codable {
    public var mean: Double
    public var standardDeviation: Double
    /// Half-width of the 95% confidence interval of the mean; zero with fewer than two replications.
    public var halfWidth95: Double
    public var replications: Int

    public var ci95: (low: Double, high: Double) { (mean - halfWidth95, mean + halfWidth95) }

    /// False with a single replication: one observation gives no interval at all (its zero
    /// half-width is not a precise estimate), and reports must say so instead of printing ±0.
    public var hasInterval: Bool { replications > 1 }

    /// Summarises independent observations (one per replication) of a single metric.
    public init<C: Collection>(observations: C) where C.Element == Double {
        var welford = Welford()
        for x in observations { welford.add(x) }
        self.init(welford)
    }

    /// Summarises the observations `welford` took.
    public init(_ welford: Welford) {
        let n = welford.count
        self.mean = welford.mean
        self.replications = n
        self.standardDeviation = n > 1 ? welford.variance.squareRoot() : 0
        self.halfWidth95 =
            n > 1
            ? StudentT.quantile(probability: 0.975, degreesOfFreedom: Double(n - 1)) * standardDeviation
                / Double(n).squareRoot()
            : 0
    }
}

extension MetricSample {
    /// Summaries per key over replications; a key missing from some replications is summarised
    /// over those that have it.
    public static func summarize(_ samples: [MetricSample]) -> [String: MetricSummary] {
        MetricAccumulator(samples).summaries
    }
}
