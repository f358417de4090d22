import RealModule

/// Streaming quantiles of non-negative values with bounded memory and a guaranteed relative
/// accuracy: DDSketch (Masson, Rim & Lee 2019, "DDSketch: a fast and fully-mergeable quantile
/// sketch with relative-error guarantees", PVLDB 12(12)).
///
/// A value x > 0 goes to bucket ⌈log_γ x⌉ with γ = (1 + α)/(1 − α); every quantile it returns
/// lies within a factor 1 ± α of a true sample quantile of the same rank. Values below
/// `zeroThreshold` (e.g. customers who did not wait) are counted apart as zero. Buckets are a
/// contiguous array over the index range seen; when the range exceeds `maximumBuckets`, the lowest
/// buckets are folded together (the paper's collapsing store), so memory never grows with the
/// number of values. With α = 0.5% and 2048 buckets the range covers ratios up to e^20 between the
/// smallest and largest value. `add` is O(1) amortised; `merge` is O(buckets).
public struct QuantileSketch: Sendable, Hashable {
    public let relativeAccuracy: Double
    public let maximumBuckets: Int
    public let zeroThreshold: Double
    @usableFromInline let inverseLogGamma: Double
    let logGamma: Double
    @usableFromInline var zeroCount = 0
    @usableFromInline var counts: [Int] = []
    /// Bucket index of `counts[0]`.
    @usableFromInline var offset = 0
    @inlinable public var count: Int { _count }
    @usableFromInline var _count: Int = 0

    public init(relativeAccuracy: Double = 0.005, maximumBuckets: Int = 2048, zeroThreshold: Double = 1e-9) {
        precondition(relativeAccuracy > 0 && relativeAccuracy < 1, "relative accuracy must lie in (0, 1)")
        precondition(maximumBuckets >= 16, "need at least 16 buckets")
        self.relativeAccuracy = relativeAccuracy
        self.maximumBuckets = maximumBuckets
        self.zeroThreshold = zeroThreshold
        logGamma = Double.log((1 + relativeAccuracy) / (1 - relativeAccuracy))
        inverseLogGamma = 1 / logGamma
    }

    /// Adds one non-negative value (negative values count as zero).
    @inlinable @inline(__always)
    public mutating func add(_ value: Double) {
        _count += 1
        if value <= zeroThreshold {
            zeroCount += 1
            return
        }
        // ⌈y⌉ by truncation and one comparison (cheaper than a call to ceil).
        let scaled = Double.log(value) * inverseLogGamma
        let truncated = Int(scaled)
        let index = scaled > Double(truncated) ? truncated + 1 : truncated
        let slot = index - offset
        if slot >= 0 && slot < counts.count {
            counts[slot] += 1
        } else {
            addOutsideRange(index: index, weight: 1)
        }
    }

    @usableFromInline
    mutating func addOutsideRange(index: Int, weight: Int) {
        if counts.isEmpty {
            counts = [weight]
            offset = index
            return
        }
        if index < offset {
            let grow = offset - index
            if counts.count + grow <= maximumBuckets {
                counts.insert(contentsOf: repeatElement(0, count: grow), at: 0)
                offset = index
                counts[0] += weight
            } else {
                counts[0] += weight  // below the kept range: fold into the lowest bucket
            }
            return
        }
        let slot = index - offset
        if slot >= maximumBuckets {
            // Collapse the lowest buckets so that `index` fits at the top.
            let shift = slot - maximumBuckets + 1
            if shift >= counts.count {
                let total = counts.reduce(0, +)
                counts = [total]
                offset = index - maximumBuckets + 1
                counts.append(contentsOf: repeatElement(0, count: maximumBuckets - 1))
                counts[maximumBuckets - 1] += weight
                return
            }
            let folded = counts[0...shift].reduce(0, +)
            counts.removeFirst(shift)
            counts[0] = folded
            offset += shift
        }
        let newSlot = index - offset
        if newSlot >= counts.count { counts.append(contentsOf: repeatElement(0, count: newSlot - counts.count + 1)) }
        counts[newSlot] += weight
    }

    /// The value at quantile `q` ∈ [0, 1] (lower rank convention, ⌊q·(n−1)⌋), or NaN when empty.
    public func quantile(_ q: Double) -> Double {
        guard count > 0 else { return .nan }
        let rank = Int((q * Double(count - 1)).rounded(.down))
        if rank < zeroCount { return 0 }
        var seen = zeroCount
        for (slot, bucketCount) in counts.enumerated() {
            seen += bucketCount
            if seen > rank {
                let index = Double(slot + offset)
                // The midpoint (in relative terms) of the bucket (γ^(i−1), γ^i].
                return 2 * Double.exp(index * logGamma) / (1 + Double.exp(logGamma))
            }
        }
        return 2 * Double.exp(Double(counts.count - 1 + offset) * logGamma) / (1 + Double.exp(logGamma))
    }

    /// Adds every value of `other` (same accuracy required).
    public mutating func merge(_ other: QuantileSketch) {
        precondition(other.relativeAccuracy == relativeAccuracy, "merging sketches of different accuracy")
        _count += other.count
        zeroCount += other.zeroCount
        for (slot, bucketCount) in other.counts.enumerated() where bucketCount > 0 {
            let index = slot + other.offset
            let mine = index - offset
            if !counts.isEmpty && mine >= 0 && mine < counts.count {
                counts[mine] += bucketCount
            } else {
                addOutsideRange(index: index, weight: bucketCount)
            }
        }
    }

    /// Forgets every value (warm-up deletion), keeping the allocated buckets.
    public mutating func reset() {
        _count = 0
        zeroCount = 0
        for slot in counts.indices { counts[slot] = 0 }
    }
}
