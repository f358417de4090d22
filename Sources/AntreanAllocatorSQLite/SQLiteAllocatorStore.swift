import AntreanAllocator
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The embedded durable store: SQLite through GRDB, WAL journal, one table of booking records.
///
/// Durability: every `commit` is one SQLite transaction. With `synchronous = FULL` (the default) SQLite
/// fsyncs the WAL at each commit, so an acknowledged batch survives a process kill and a power loss;
/// `pipelined` gives the same guarantee with the fsync moved out of the commit (see `WALSyncer`) so the
/// group committer can write the next batch while the previous one syncs; `NORMAL` survives a process
/// kill (`kill -9`: the WAL is in the OS cache, which outlives the process) but may lose the last
/// commits on power loss. The allocator's group commit batches concurrent operations into one
/// transaction, which is what makes a sync per transaction affordable.
///
/// One writer: an open store holds an exclusive lock (`StoreLock`, on `PATH.lock`) from before the
/// database is opened and migrated until `close()` or deinit, so a second open — from another process
/// or this one — fails at once with `StoreLockError.held`, and the kernel drops the lock when the
/// process dies. Two allocators on one file would each number and count bookings from their own
/// memory and overwrite each other's rows.
public final class SQLiteAllocatorStore: DeferredSyncStore {
    public enum SyncMode: String, Sendable, CaseIterable {
        case full = "FULL"
        case normal = "NORMAL"
        /// Power-loss durable like FULL: commits run with NORMAL, the WAL is fdatasynced by `sync()`.
        case pipelined = "PIPELINED"

        /// The `PRAGMA synchronous` value of the connections.
        var pragma: String { self == .full ? "FULL" : "NORMAL" }
    }

    private let lock: StoreLock
    let database: DatabaseQueue
    private let checkpointer: Checkpointer
    private let walSyncer: WALSyncer?
    private let isClosed = Atomic<Bool>(false)
    /// Writes each commit's notifications in its transaction; nil when the outbox is off.
    private let outbox: OutboxRecorder?
    public let path: String

    /// Settings shared by the writer and the checkpoint connection. The writer switches the file to
    /// WAL (persistent in the file); both turn automatic checkpoints off, since checkpoints run on a
    /// connection of their own (`Checkpointer`), never inside a commit; and both wait for a RESTART
    /// checkpoint's brief write lock instead of failing, polling every 100 µs for up to 30 s. (SQLite's
    /// own busy timeout sleeps 1, 2, 5, 10, 15… ms between tries, which turned a 2 ms RESTART into a
    /// 10–20 ms stall of the writer.)
    static func connectionConfiguration(label: String, syncMode: SyncMode, enablesWAL: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.label = label
        configuration.busyMode = .callback { tries in
            guard tries < 300_000 else { return false }
            usleep(100)
            return true
        }
        configuration.prepareDatabase { db in
            if enablesWAL { try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try db.execute(sql: "PRAGMA synchronous = \(syncMode.pragma)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        return configuration
    }

    /// Opens (creating if needed) the store at `path` as its only writer and runs pending migrations
    /// under the writer lock. Throws `StoreNotWritableError` when the file or its directory is read-only,
    /// `StoreLockError.held` when another open store (in any process) is the writer. With `outbox`,
    /// every commit also writes the notifications its changes cause (`BookingEvents`) in the same
    /// transaction; the outbox tables exist either way.
    public init(path: String, syncMode: SyncMode = .full, outbox: OutboxSettings? = nil) throws {
        try StoreAccess.checkWritable(databasePath: path)
        lock = try StoreLock(databasePath: path)
        database = try DatabaseQueue(
            path: path,
            configuration: Self.connectionConfiguration(
                label: "antrean.allocator", syncMode: syncMode, enablesWAL: true))
        self.path = path
        try Self.migrator.migrate(database)
        if let outbox {
            let storeID = try database.read { db in try OutboxSchema.storeID(db) }
            self.outbox = OutboxRecorder(settings: outbox, storeID: storeID)
        } else {
            self.outbox = nil
        }
        checkpointer = try Checkpointer(path: path, syncMode: syncMode)
        if syncMode == .pipelined {
            // The pipelined sync's argument holds only for a WAL journal (see `WALSyncer`).
            let journal = try database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
            guard journal?.lowercased() == "wal" else {
                throw WALSyncError(operation: "journal_mode WAL", code: EINVAL)
            }
            walSyncer = try WALSyncer(databasePath: path)
        } else {
            walSyncer = nil
        }
    }

    /// Closes the connections, then releases the writer lock (in that order, so the next writer never
    /// overlaps this one). Later commits and loads throw. Idempotent; deinit does the same.
    public func close() {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        checkpointer.close()
        try? database.close()
        lock.release()
    }

    deinit { close() }

    var isClosedForOutbox: Bool { isClosed.load(ordering: .acquiring) }

    public var defersSync: Bool { walSyncer != nil }

    /// Makes every commit that returned before this call durable against power loss (pipelined mode).
    public func sync() throws { try walSyncer?.sync() }

    /// Versioned schema migrations; append new ones, never edit old ones.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-bookings") { db in
            try db.create(table: "booking") { table in
                table.primaryKey("id", .integer)
                table.column("office", .text).notNull()
                table.column("service", .text).notNull()
                table.column("slotStart", .integer).notNull()
                table.column("nikHash", .blob).notNull()
                table.column("account", .text)
                table.column("pool", .text).notNull()
                table.column("state", .text).notNull()
                table.column("createdAt", .integer).notNull()
                table.column("updatedAt", .integer).notNull()
                table.column("holdExpiresAt", .integer)
                table.column("reschedules", .integer).notNull()
                table.column("idempotencyKey", .text)
                table.column("checkedInAt", .integer)
            }
        }
        migrator.registerMigration("v2-booking-slot-index") { db in
            try db.create(index: "booking_by_slot", on: "booking", columns: ["office", "service", "slotStart"])
        }
        // Nothing reads the table by slot (the allocator rebuilds its indexes in memory), and each insert
        // dirtied a random leaf of this index: three quarters of the pages every commit wrote and synced.
        migrator.registerMigration("v3-drop-booking-slot-index") { db in
            try db.drop(index: "booking_by_slot")
        }
        // Individual appointment times: NULL (every row written before) means the slot's start.
        migrator.registerMigration("v4-booking-appointment") { db in
            try db.alter(table: "booking") { table in table.add(column: "appointment", .integer) }
        }
        migrator.registerMigration("v5-notification-outbox") { db in try OutboxSchema.migrate(db) }
        return migrator
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try database.read { db in try Self.migrator.appliedMigrations(db) }
    }

    public func commit(_ records: [BookingRecord]) throws {
        guard !records.isEmpty else { return }
        guard !isClosed.load(ordering: .acquiring) else { throw StoreClosedError(store: path) }
        defer { checkpointer.committed() }
        try database.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO booking (id, office, service, slotStart, nikHash, account, pool, state,
                    createdAt, updatedAt, holdExpiresAt, reschedules, idempotencyKey, checkedInAt, appointment)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for record in records {
                try outbox?.record(record, in: db)
                try statement.execute(arguments: [
                    Int64(record.id.rawValue), record.office.rawValue, record.service.rawValue,
                    record.slotStart.secondsSinceEpoch, Data(record.nikHash.bytes), record.account?.rawValue,
                    record.pool.rawValue, record.state.rawValue, record.createdAt.secondsSinceEpoch,
                    record.updatedAt.secondsSinceEpoch, record.holdExpiresAt?.secondsSinceEpoch, record.reschedules,
                    record.idempotencyKey, record.checkedInAt?.secondsSinceEpoch,
                    // NULL when it is the slot's start, as in rows written before individual times.
                    record.appointment == record.slotStart ? nil : record.appointment.secondsSinceEpoch,
                ])
            }
        }
    }

    /// All records in id order. Reads columns through SQLite's C API on GRDB's prepared statement: the
    /// generic `Row` decoding costs several times more per row, and reopening must rebuild a million
    /// bookings in well under two seconds. Every column is checked (type, range, known values) before
    /// use: a row that does not decode throws `StoredBookingViolation` naming its id and the rule. O(n).
    public func loadBookings() throws -> [BookingRecord] {
        var records: [BookingRecord] = []
        try loadBookings(inChunksOf: .max) { chunk, total in
            if records.isEmpty { records.reserveCapacity(total) }
            records += chunk
        }
        return records
    }

    /// The rows with an idempotency key (one pass over the table, no row decoded). O(n).
    public func idempotencyKeyCount() throws -> Int? {
        guard !isClosed.load(ordering: .acquiring) else { throw StoreClosedError(store: path) }
        return try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(idempotencyKey) FROM booking") }
    }

    /// The records in id order, `size` at a time, in one read transaction (so the chunks are one
    /// consistent state), decoded as `loadBookings()` does. Memory: one chunk of records at a time.
    public func loadBookings(
        inChunksOf size: Int, _ receive: (_ chunk: [BookingRecord], _ total: Int) throws -> Void
    ) throws {
        guard !isClosed.load(ordering: .acquiring) else { throw StoreClosedError(store: path) }
        let size = max(1, size)
        try database.read { db in
            let total = max(0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM booking") ?? 0)
            var chunk: [BookingRecord] = []
            chunk.reserveCapacity(min(size, total))
            let statement = try db.makeStatement(
                sql: """
                    SELECT id, office, service, slotStart, nikHash, account, pool, state, createdAt, updatedAt,
                    holdExpiresAt, reschedules, idempotencyKey, checkedInAt, appointment FROM booking ORDER BY id
                    """)
            var decoder = BookingRowDecoder(statement: statement.sqliteStatement)
            while true {
                let code = sqlite3_step(decoder.statement)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
                chunk.append(try decoder.decodeRow())
                if chunk.count == size {
                    try receive(chunk, total)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty { try receive(chunk, total) }
        }
    }
}

/// The store was closed (`SQLiteAllocatorStore.close()`); open it again to go on.
public struct StoreClosedError: Error, Hashable, Sendable, CustomStringConvertible {
    public var store: String
    public var description: String { "\(store): the store is closed" }
}
