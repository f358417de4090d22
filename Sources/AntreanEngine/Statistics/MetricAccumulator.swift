/// Summaries of metrics over replications, built one replication at a time: the streaming form of
/// `MetricSample.summarize`, with the same numbers to the bit when samples are added in replication
/// order (each metric's ``Welford`` takes the same observations in the same order), but holding one
/// accumulator per metric instead of every replication's sample. A city sample has ~5,000 metrics
/// (≈ 0.6 MB); keeping 100 of them was about a quarter of a 100-replication run's memory.
public struct MetricAccumulator: Sendable {
    /// Samples added.
    public private(set) var replications = 0
    private var columns: [String: Welford] = [:]

    public init() {}

    /// The accumulator of `samples`, added in order.
    public init(_ samples: some Sequence<MetricSample>) {
        for sample in samples { add(sample) }
    }

    /// Adds one replication's sample; a metric missing from it is summarised over the others. O(metrics).
    public mutating func add(_ sample: MetricSample) {
        replications += 1
        for (key, value) in sample.values { columns[key, default: Welford()].add(value) }
    }

    /// Each metric's mean and confidence interval over the samples added.
    public var summaries: [String: MetricSummary] { columns.mapValues { MetricSummary($0) } }
}
