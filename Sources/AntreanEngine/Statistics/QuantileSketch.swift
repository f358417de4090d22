/// Streaming quantiles of non-negative values with bounded memory and a guaranteed relative
/// accuracy: DDSketch (Masson, Rim & Lee 2019, "DDSketch: a fast and fully-mergeable quantile
/// sketch with relative-error guarantees", PVLDB 12(12)).
///
/// Bucket index mapping: the linearly interpolated mapping of the DDSketch implementations, which
/// needs no logarithm. A value x = 2^e · (1 + f), 0 ≤ f < 1, goes to bucket e·k + ⌊f·k⌋, read
/// straight from the bits of the double. A bucket [a, b) then has b/a ≤ 1 + 1/k, and reporting
/// 2ab/(a + b) for it errs by at most (b − a)/(b + a) ≤ 1/(2k + 1) relative to any value in it; so
/// k = ⌈(1 − α)/(2α)⌉ buckets per power of two guarantee relative accuracy α (k = 100 for the
/// default α = 0.5%, about 44% more buckets than the logarithmic mapping, in exchange for integer
/// arithmetic only). Every quantile returned lies within a factor 1 ± α of the exact sample
/// quantile of the same rank.
///
/// Values up to `zeroThreshold` (e.g. customers who did not wait) are counted apart as zero.
/// Buckets are a contiguous array over the index range seen; when the range exceeds
/// `maximumBuckets`, the lowest buckets are folded together (the paper's collapsing store), so
/// memory never grows with the number of values. With the defaults the kept range spans 2^40
/// (about 10^12) between the smallest and the largest value. `add` is O(1) amortised; `merge` is
/// O(buckets).
public struct QuantileSketch: Sendable, Hashable {
    public let relativeAccuracy: Double
    public let maximumBuckets: Int
    public let zeroThreshold: Double
    /// Buckets per power of two.
    @usableFromInline let bucketsPerOctave: UInt64
    @usableFromInline var zeroCount = 0
    @usableFromInline var counts: [Int] = []
    /// Bucket index of `counts[0]`.
    @usableFromInline var offset = 0
    @inlinable public var count: Int { _count }
    @usableFromInline var _count: Int = 0

    public init(relativeAccuracy: Double = 0.005, maximumBuckets: Int = 4096, zeroThreshold: Double = 1e-9) {
        precondition(relativeAccuracy > 0 && relativeAccuracy < 1, "relative accuracy must lie in (0, 1)")
        precondition(maximumBuckets >= 16, "need at least 16 buckets")
        precondition(zeroThreshold >= Double.leastNormalMagnitude, "zero threshold must be a normal number")
        self.relativeAccuracy = relativeAccuracy
        self.maximumBuckets = maximumBuckets
        self.zeroThreshold = zeroThreshold
        bucketsPerOctave = UInt64(((1 - relativeAccuracy) / (2 * relativeAccuracy)).rounded(.up))
    }

    /// The bucket of a positive normal value: e·k + ⌊f·k⌋ from its exponent e and fraction f.
    @inlinable @inline(__always)
    func bucket(of value: Double) -> Int {
        let exponent = Int(value.exponentBitPattern) - 1023
        let fraction = value.significandBitPattern  // f · 2^52
        return exponent * Int(bucketsPerOctave) + Int((fraction &* bucketsPerOctave) >> 52)
    }

    /// The value reported for bucket `index`: 2ab/(a + b) of its bounds [a, b).
    func representative(of index: Int) -> Double {
        let k = Int(bucketsPerOctave)
        var exponent = index / k
        var step = index % k
        if step < 0 {
            exponent -= 1
            step += k
        }
        let low = Double(sign: .plus, exponent: exponent, significand: 1 + Double(step) / Double(k))
        let high = Double(sign: .plus, exponent: exponent, significand: 1 + Double(step + 1) / Double(k))
        return 2 * low * high / (low + high)
    }

    /// Adds one non-negative value (negative values count as zero).
    @inlinable @inline(__always)
    public mutating func add(_ value: Double) {
        _count += 1
        if value <= zeroThreshold {
            zeroCount += 1
            return
        }
        let index = bucket(of: value)
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
            if seen > rank { return representative(of: slot + offset) }
        }
        return representative(of: counts.count - 1 + offset)
    }

    /// Adds every value of `other` (same accuracy required).
    public mutating func merge(_ other: QuantileSketch) {
        precondition(other.bucketsPerOctave == bucketsPerOctave, "merging sketches of different accuracy")
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
