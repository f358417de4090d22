import AntreanAllocator
import Foundation
import GRDB

/// The embedded durable store: SQLite through GRDB, WAL journal, one table of booking records.
///
/// Durability: every `commit` is one SQLite transaction. With `synchronous = FULL` (the default) SQLite
/// fsyncs the WAL at each commit, so an acknowledged batch survives a process kill and a power loss;
/// `NORMAL` survives a process kill (`kill -9`: the WAL is in the OS cache, which outlives the process)
/// but may lose the last commits on power loss, in exchange for fewer fsyncs. The allocator's group
/// commit batches concurrent operations into one transaction, which is what makes FULL affordable.
public final class SQLiteAllocatorStore: AllocatorStore {
    public enum SyncMode: String, Sendable, CaseIterable {
        case full = "FULL"
        case normal = "NORMAL"
    }

    private let database: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) the store at `path` and runs pending migrations.
    public init(path: String, syncMode: SyncMode = .full) throws {
        var configuration = Configuration()
        configuration.label = "antrean.allocator"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = \(syncMode.rawValue)")
        }
        database = try DatabaseQueue(path: path, configuration: configuration)
        self.path = path
        try Self.migrator.migrate(database)
    }

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
        return migrator
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try database.read { db in try Self.migrator.appliedMigrations(db) }
    }

    public func commit(_ records: [BookingRecord]) throws {
        guard !records.isEmpty else { return }
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

    public func loadBookings() throws -> [BookingRecord] {
        try database.read { db in
            var records: [BookingRecord] = []
            records.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM booking") ?? 0)
            // Office and service ids repeat on every row: intern them to share one string each.
            var offices: [String: OfficeID] = [:]
            var services: [String: ServiceID] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, office, service, slotStart, nikHash, account, pool, state, createdAt, updatedAt,
                    holdExpiresAt, reschedules, idempotencyKey, checkedInAt FROM booking ORDER BY id
                    """)
            while let row = try rows.next() {
                let officeText: String = row[1]
                let serviceText: String = row[2]
                let office =
                    offices[officeText]
                    ?? {
                        offices[officeText] = OfficeID(officeText)
                        return offices[officeText]!
                    }()
                let service =
                    services[serviceText]
                    ?? {
                        services[serviceText] = ServiceID(serviceText)
                        return services[serviceText]!
                    }()
                let hashData: Data = row[4]
                let id: Int64 = row[0]
                guard let nikHash = NIKHash(bytes: hashData), let pool = CapacityPool(rawValue: row[6]),
                    let state = BookingState(rawValue: row[7])
                else { throw StoreCorruption(bookingID: id) }
                let account: String? = row[5]
                let holdExpiry: Int64? = row[10]
                let checkedIn: Int64? = row[13]
                records.append(
                    BookingRecord(
                        id: BookingID(UInt64(id)), office: office, service: service,
                        slotStart: Instant(secondsSinceEpoch: row[3]), nikHash: nikHash,
                        account: account.map(AccountID.init),
                        pool: pool, state: state, createdAt: Instant(secondsSinceEpoch: row[8]),
                        updatedAt: Instant(secondsSinceEpoch: row[9]),
                        holdExpiresAt: holdExpiry.map(Instant.init(secondsSinceEpoch:)), reschedules: row[11],
                        idempotencyKey: row[12], checkedInAt: checkedIn.map(Instant.init(secondsSinceEpoch:))))
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
