/// Streaming mean and variance in one pass, numerically stable (Welford 1962; the update form of
/// Knuth, TAOCP vol. 2, §4.2.2). O(1) memory; `merge` combines partial results (Chan et al. 1979).
public struct Welford: Sendable, Hashable, Codable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    private var sumOfSquaredDeviations: Double = 0

    public init() {}

    @inlinable public var isEmpty: Bool { count == 0 }

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
    }

    /// Unbiased sample variance; zero with fewer than two observations.
    public var variance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0 }

    public mutating func merge(_ other: Welford) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let total = count + other.count
        let delta = other.mean - mean
        mean += delta * Double(other.count) / Double(total)
        sumOfSquaredDeviations +=
            other.sumOfSquaredDeviations + delta * delta * Double(count) * Double(other.count) / Double(total)
        count = total
    }
}
