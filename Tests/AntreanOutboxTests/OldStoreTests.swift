import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import GRDB
import Testing

/// A store file written before the outbox existed (schema v1–v3) opens: the migration adds the outbox
/// tables, the old bookings load unchanged, and their later changes emit events.
@Suite struct OldStoreTests {
    typealias F = OutboxFixture

    /// The schema as the store's migrations v1–v3 left it, written with raw SQL as GRDB's migrator did
    /// (its `grdb_migrations` table lists the applied migrations), and one booked row.
    static func makeV3Store(_ path: String) throws {
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(
                sql: """
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1-bookings'), ('v2-booking-slot-index'),
                        ('v3-drop-booking-slot-index');
                    CREATE TABLE "booking" ("id" INTEGER PRIMARY KEY, "office" TEXT NOT NULL, "service" TEXT NOT NULL,
                        "slotStart" INTEGER NOT NULL, "nikHash" BLOB NOT NULL, "account" TEXT, "pool" TEXT NOT NULL,
                        "state" TEXT NOT NULL, "createdAt" INTEGER NOT NULL, "updatedAt" INTEGER NOT NULL,
                        "holdExpiresAt" INTEGER, "reschedules" INTEGER NOT NULL, "idempotencyKey" TEXT,
                        "checkedInAt" INTEGER);
                    """)
            try db.execute(
                sql: """
                    INSERT INTO booking VALUES (1, 'kel-a', 'ktp', ?, ?, NULL, 'online', 'booked', ?, ?, NULL, 0, NULL, NULL)
                    """,
                arguments: [
                    F.slot(minute: 480).start.secondsSinceEpoch, Data(NIKHash(syntheticCitizen: 1).bytes),
                    F.fridayNoon.secondsSinceEpoch, F.fridayNoon.secondsSinceEpoch,
                ])
        }
        try raw.close()
    }

    @Test func aStoreMadeBeforeTheOutboxOpensAndEmitsForItsOldBookings() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        try Self.makeV3Store(path)
        let clock = ManualClock(F.fridayNoon.adding(seconds: 60))
        let (allocator, store) = try F.open(path, clock: clock)
        #expect(
            try store.appliedMigrations() == [
                "v1-bookings", "v2-booking-slot-index", "v3-drop-booking-slot-index", "v4-booking-appointment",
                "v5-notification-outbox",
            ])
        #expect(try store.loadBookings().map(\.id) == [BookingID(1)])
        #expect(try store.outboxEvents().isEmpty)
        _ = try await allocator.cancel(BookingID(1)).get()
        _ = try await allocator.book(F.slot(minute: 495), for: F.citizen(2)).get()
        #expect(try store.outboxEvents().map(\.type) == [.cancelled, .booked, .reminder])
        store.close()
        // And it opens again (the migration ran once).
        let (_, reopened) = try F.open(path, clock: clock)
        #expect(try reopened.outboxEvents().count == 3)
    }
}
