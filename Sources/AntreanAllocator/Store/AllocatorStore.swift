import Synchronization

/// Where bookings persist. The allocator's whole state is derived from its booking records, so a store
/// only upserts records and loads them back.
public protocol AllocatorStore: Sendable {
    /// Every persisted record (any order).
    func loadBookings() throws -> [BookingRecord]

    /// Every persisted record in ascending id order, given to `receive` in chunks of at most `size`
    /// records with the total count, so that a caller rebuilding its state (`Allocator`'s restore) never
    /// holds all of them at once. The default loads them all (`loadBookings()`), sorts them and gives
    /// them in chunks.
    func loadBookings(inChunksOf size: Int, _ receive: (_ chunk: [BookingRecord], _ total: Int) throws -> Void) throws

    /// How many persisted records carry an idempotency key, when the store can count them without
    /// loading the records (a restore reserves its idempotency tables for them at once); nil when it
    /// cannot. The default is nil.
    func idempotencyKeyCount() throws -> Int?

    /// Upserts `records` (in order; a later record with the same id wins) as one atomic, durable unit:
    /// when this returns, the records survive a crash of the process (and, unless the store is a
    /// `DeferredSyncStore` that defers its sync, a power loss).
    func commit(_ records: [BookingRecord]) throws
}

extension AllocatorStore {
    public func idempotencyKeyCount() throws -> Int? { nil }

    public func loadBookings(
        inChunksOf size: Int, _ receive: (_ chunk: [BookingRecord], _ total: Int) throws -> Void
    ) throws {
        let records = try loadBookings().sorted { $0.id < $1.id }
        var start = 0
        while start < records.count {
            let end = min(records.count, start + max(1, size))
            try receive(Array(records[start..<end]), records.count)
            start = end
        }
    }
}

/// A store in memory: for simulation and tests. "Durable" only for the life of the process.
public final class InMemoryAllocatorStore: AllocatorStore {
    private let records: Mutex<[BookingID: BookingRecord]>
    private let commits = Atomic<Int>(0)

    public init(_ initial: [BookingRecord] = []) {
        records = Mutex(Dictionary(initial.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last }))
    }

    public func loadBookings() throws -> [BookingRecord] { records.withLock { Array($0.values) } }

    public func commit(_ batch: [BookingRecord]) throws {
        records.withLock { stored in for record in batch { stored[record.id] = record } }
        commits.add(1, ordering: .relaxed)
    }

    /// Number of `commit` calls so far (group commit makes this smaller than the number of operations).
    public var commitCount: Int { commits.load(ordering: .relaxed) }
}
