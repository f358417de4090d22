import Synchronization

/// Where bookings persist. The allocator's whole state is derived from its booking records, so a store
/// only upserts records and loads them back.
public protocol AllocatorStore: Sendable {
    /// Every persisted record (any order).
    func loadBookings() throws -> [BookingRecord]

    /// Upserts `records` (in order; a later record with the same id wins) as one atomic, durable unit:
    /// when this returns, the records survive a crash of the process (and, unless the store is a
    /// `DeferredSyncStore` that defers its sync, a power loss).
    func commit(_ records: [BookingRecord]) throws
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
