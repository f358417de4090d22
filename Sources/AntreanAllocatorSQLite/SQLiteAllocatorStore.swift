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
public final class SQLiteAllocatorStore: DeferredSyncStore {
    public enum SyncMode: String, Sendable, CaseIterable {
        case full = "FULL"
        case normal = "NORMAL"
        /// Power-loss durable like FULL: commits run with NORMAL, the WAL is fdatasynced by `sync()`.
        case pipelined = "PIPELINED"

        /// The `PRAGMA synchronous` value of the connections.
        var pragma: String { self == .full ? "FULL" : "NORMAL" }
    }

    private let database: DatabaseQueue
    private let checkpointer: Checkpointer
    private let walSyncer: WALSyncer?
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

    /// Opens (creating if needed) the store at `path` and runs pending migrations.
    public init(path: String, syncMode: SyncMode = .full) throws {
        database = try DatabaseQueue(
            path: path,
            configuration: Self.connectionConfiguration(
                label: "antrean.allocator", syncMode: syncMode, enablesWAL: true))
        self.path = path
        try Self.migrator.migrate(database)
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
        return migrator
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try database.read { db in try Self.migrator.appliedMigrations(db) }
    }

    public func commit(_ records: [BookingRecord]) throws {
        guard !records.isEmpty else { return }
        defer { checkpointer.committed() }
        try database.write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO booking (id, office, service, slotStart, nikHash, account, pool, state,
                    createdAt, updatedAt, holdExpiresAt, reschedules, idempotencyKey, checkedInAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for record in records {
                try statement.execute(arguments: [
                    Int64(record.id.rawValue), record.office.rawValue, record.service.rawValue,
                    record.slotStart.secondsSinceEpoch, Data(record.nikHash.bytes), record.account?.rawValue,
                    record.pool.rawValue, record.state.rawValue, record.createdAt.secondsSinceEpoch,
                    record.updatedAt.secondsSinceEpoch, record.holdExpiresAt?.secondsSinceEpoch, record.reschedules,
                    record.idempotencyKey, record.checkedInAt?.secondsSinceEpoch,
                ])
            }
        }
    }

    /// All records in id order. Reads columns through SQLite's C API on GRDB's prepared statement: the
    /// generic `Row` decoding costs several times more per row, and reopening must rebuild a million
    /// bookings in well under two seconds. O(n).
    public func loadBookings() throws -> [BookingRecord] {
        try database.read { db in
            var records: [BookingRecord] = []
            records.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM booking") ?? 0)
            let statement = try db.makeStatement(
                sql: """
                    SELECT id, office, service, slotStart, nikHash, account, pool, state, createdAt, updatedAt,
                    holdExpiresAt, reschedules, idempotencyKey, checkedInAt FROM booking ORDER BY id
                    """)
            let raw = statement.sqliteStatement
            // Office and service ids repeat on every row: reuse the previous row's value when the text is equal.
            var lastOffice = OfficeID("")
            var lastService = ServiceID("")
            func text(_ column: Int32) -> String? {
                guard sqlite3_column_type(raw, column) != SQLITE_NULL, let bytes = sqlite3_column_text(raw, column)
                else {
                    return nil
                }
                return String(cString: bytes)
            }
            func integer(_ column: Int32) -> Int64? {
                sqlite3_column_type(raw, column) == SQLITE_NULL ? nil : sqlite3_column_int64(raw, column)
            }
            while true {
                let code = sqlite3_step(raw)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
                let id = sqlite3_column_int64(raw, 0)
                let officeText = text(1) ?? ""
                if officeText != lastOffice.rawValue { lastOffice = OfficeID(officeText) }
                let serviceText = text(2) ?? ""
                if serviceText != lastService.rawValue { lastService = ServiceID(serviceText) }
                let hashLength = Int(sqlite3_column_bytes(raw, 4))
                guard hashLength == 32, let hashBytes = sqlite3_column_blob(raw, 4),
                    let nikHash = NIKHash(bytes: UnsafeRawBufferPointer(start: hashBytes, count: 32)),
                    let pool = text(6).flatMap(CapacityPool.init(rawValue:)),
                    let state = text(7).flatMap(BookingState.init(rawValue:))
                else { throw StoreCorruption(bookingID: id) }
                records.append(
                    BookingRecord(
                        id: BookingID(UInt64(id)), office: lastOffice, service: lastService,
                        slotStart: Instant(secondsSinceEpoch: sqlite3_column_int64(raw, 3)), nikHash: nikHash,
                        account: text(5).map(AccountID.init), pool: pool, state: state,
                        createdAt: Instant(secondsSinceEpoch: sqlite3_column_int64(raw, 8)),
                        updatedAt: Instant(secondsSinceEpoch: sqlite3_column_int64(raw, 9)),
                        holdExpiresAt: integer(10).map(Instant.init(secondsSinceEpoch:)),
                        reschedules: Int(sqlite3_column_int64(raw, 11)), idempotencyKey: text(12),
                        checkedInAt: integer(13).map(Instant.init(secondsSinceEpoch:))))
            }
            return records
        }
    }
}

/// A row of the booking table that does not decode.
public struct StoreCorruption: Error, CustomStringConvertible {
    public var bookingID: Int64
    public var description: String { "booking row \(bookingID) has an invalid NIK hash, pool or state" }
}
