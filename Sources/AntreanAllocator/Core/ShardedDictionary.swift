/// A key that names which of a ``ShardedDictionary``'s parts holds it, from bits it already has (so no
/// second hash is computed per operation).
protocol ShardedKey: Hashable {
    /// Any bits of the key, evenly spread over keys; the low 8 choose the part.
    var shardBits: UInt64 { get }
}

/// A dictionary kept as 256 dictionaries, chosen by bits of the key, so that growing never rehashes more
/// than about a 256th of its entries at once.
///
/// Swift's `Dictionary` doubles its storage and rehashes every entry in the insertion that passes 3/4
/// full. In the allocator that insertion holds the lock every booking and uncached read waits for: with
/// a year of idempotency keys, the booking that made the 393,217th key took 101 ms
/// (`pooled-counters pauses` in `Benchmarks/`), and a server taking 5,000 bookings/s answered ~500 of them
/// 90 ms late. Split, each part regrows on its own: the work and the memory are the same, but no single
/// operation moves more than its part. (Incremental rehashing, two tables with entries moved a few per
/// insert, would also bound the pause; splitting does it with the standard dictionary.)
///
/// Lookups, inserts and removals are O(1) expected; a regrowth is O(n / 256).
struct ShardedDictionary<Key: ShardedKey, Value> {
    static var shardCount: Int { 256 }
    private var shards = [[Key: Value]](repeating: [:], count: Self.shardCount)
    private(set) var count = 0

    init() {}

    subscript(key: Key) -> Value? {
        get { shards[Self.shard(of: key)][key] }
        set {
            let shard = Self.shard(of: key)
            if let newValue {
                if shards[shard].updateValue(newValue, forKey: key) == nil { count += 1 }
            } else if shards[shard].removeValue(forKey: key) != nil {
                count -= 1
            }
        }
    }

    /// Makes room for `total` entries in all, an even share per part. A part whose share ends up larger
    /// regrows by itself later, which moves only that part (so no margin is reserved: each part's storage
    /// is a power of two, and a margin would double many of them).
    mutating func reserveCapacity(_ total: Int) {
        guard total > 0 else { return }
        let perShard = total / Self.shardCount + 1
        for index in shards.indices { shards[index].reserveCapacity(perShard) }
    }

    private static func shard(of key: Key) -> Int { Int(truncatingIfNeeded: key.shardBits & 0xFF) }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}

extension ShardedDictionary {
    /// Entries per part, for tests that check the keys spread (a skewed split would bring the pauses back).
    var shardCounts: [Int] { shards.map(\.count) }
}
