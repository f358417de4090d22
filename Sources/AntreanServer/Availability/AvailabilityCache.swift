import AntreanAllocator
import NIOCore
import Synchronization

/// Encoded availability answers, each kept while it is still exact. An answer is a function of the query,
/// the allocator's state and `now` in whole seconds (the minimum lead time, the booking horizon and hold
/// expiry all compare instants in seconds); the state's version is the allocator's `changeSequence`, which
/// every booking, hold, cancellation, check-in, expired hold and released no-show moves. So an entry made
/// at (version, now) is served only to a request that finds the same version and the same second; any
/// change, and the next second, makes a new answer. Reads between two changes (most of a day's traffic:
/// many portals asking while few book) then skip the allocator's lock, the durability wait and the
/// encoding.
///
/// Bounded: at most `capacity` entries; when full, the stale ones are dropped, and if none are, all.
/// O(1) per lookup and store (amortized).
final class AvailabilityCache: Sendable {
    struct Entry: Sendable {
        var version: UInt64
        var now: Instant
        var body: ByteBuffer
    }

    private let entries = Mutex<[AvailabilityQuery: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 4096) { self.capacity = max(1, capacity) }

    /// The encoded answer to `query` made at exactly `version` and `now`, if there is one.
    func body(for query: AvailabilityQuery, version: UInt64, now: Instant) -> ByteBuffer? {
        entries.withLock { entries in
            guard let entry = entries[query], entry.version == version, entry.now == now else { return nil }
            return entry.body
        }
    }

    /// Keeps `body` as the answer to `query` at `version` and `now`, unless a newer one is kept already.
    func store(_ body: ByteBuffer, for query: AvailabilityQuery, version: UInt64, now: Instant) {
        entries.withLock { entries in
            if let kept = entries[query], (kept.version, kept.now.secondsSinceEpoch) > (version, now.secondsSinceEpoch)
            {
                return
            }
            if entries[query] == nil, entries.count >= capacity {
                entries = entries.filter { $0.value.version == version && $0.value.now == now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[query] = Entry(version: version, now: now, body: body)
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
