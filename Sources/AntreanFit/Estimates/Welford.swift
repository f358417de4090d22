/// Running mean and variance (Welford 1962). O(1) per value.
public struct RunningMoments: Sendable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var squares = 0.0

    public init() {}

    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squares += delta * (value - mean)
    }

    public var standardDeviation: Double { count > 1 ? (squares / Double(count - 1)).squareRoot() : .nan }
    public var meanHalfWidth: Double { count > 1 ? 1.959964 * standardDeviation / Double(count).squareRoot() : .nan }
}

/// A share with its 95% Wilson score interval (Wilson 1927).
public struct Proportion: Sendable {
    public var successes: Int
    public var trials: Int

    public var share: Double { trials > 0 ? Double(successes) / Double(trials) : .nan }

    public var interval: ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let z = 1.959964
        let n = Double(trials)
        let p = share
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return max(0, centre - half)...min(1, centre + half)
    }
}
