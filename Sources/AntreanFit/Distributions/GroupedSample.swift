/// Observations grouped by value: a log's durations are whole seconds, so a service with millions of
/// citizens holds a few thousand distinct values, and every fit below is over those values with their
/// counts — exactly the same estimates as over the raw list, in memory bounded by the distinct values.
public struct GroupedSample: Sendable, Equatable {
    /// Distinct values, ascending, and how often each occurred.
    public private(set) var values: [Double]
    public private(set) var counts: [Int]
    /// The number of observations (the sum of `counts`).
    public let count: Int

    /// Groups `counts` by value (any order); zero counts are dropped. O(k log k) for k values.
    public init(counts: [Double: Int]) {
        let sorted = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
        values = sorted.map(\.key)
        self.counts = sorted.map(\.value)
        count = self.counts.reduce(0, +)
    }

    /// The sample of a plain list.
    public init(_ observations: [Double]) {
        var counts: [Double: Int] = [:]
        for value in observations { counts[value, default: 0] += 1 }
        self.init(counts: counts)
    }

    /// Only the values above `threshold` (the log families need positive durations).
    func above(_ threshold: Double) -> GroupedSample {
        var kept: [Double: Int] = [:]
        for (value, n) in zip(values, counts) where value > threshold { kept[value] = n }
        return GroupedSample(counts: kept)
    }

    /// Σ count · f(value).
    func sum(_ f: (Double) -> Double) -> Double {
        var total = 0.0
        for (value, n) in zip(values, counts) { total += Double(n) * f(value) }
        return total
    }

    public var mean: Double { count > 0 ? sum { $0 } / Double(count) : .nan }

    /// The sample standard deviation (n − 1 in the denominator).
    public var standardDeviation: Double {
        guard count > 1 else { return .nan }
        let m = mean
        return (sum { ($0 - m) * ($0 - m) } / Double(count - 1)).squareRoot()
    }

    /// The value below which a share `p` of the observations lie (the smallest with F_n ≥ p).
    public func quantile(_ p: Double) -> Double {
        guard count > 0 else { return .nan }
        let target = p * Double(count)
        var seen = 0
        for (value, n) in zip(values, counts) {
            seen += n
            if Double(seen) >= target { return value }
        }
        return values[values.count - 1]
    }
}
