/// Observations of one quantity (waits, times in system): mean and variance (Welford) and
/// streaming quantiles (DDSketch), in bounded memory, mergeable across queues or replications.
public struct Tally: Sendable, Hashable {
    public private(set) var moments = Welford()
    public private(set) var sketch: QuantileSketch

    public init(relativeAccuracy: Double = 0.005) { sketch = QuantileSketch(relativeAccuracy: relativeAccuracy) }

    public var count: Int { moments.count }
    public var mean: Double { moments.mean }

    public mutating func add(_ value: Double) {
        moments.add(value)
        sketch.add(value)
    }

    public func quantile(_ q: Double) -> Double { sketch.quantile(q) }

    public mutating func merge(_ other: Tally) {
        moments.merge(other.moments)
        sketch.merge(other.sketch)
    }

    public mutating func reset() {
        moments = Welford()
        sketch.reset()
    }
}
