import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import GRDB
import Testing

/// Events are written in the transaction of the booking change that causes them: a commit that fails
/// anywhere writes neither the records nor the events, and the allocator acknowledges nothing.
@Suite struct OutboxTransactionTests {
    typealias F = OutboxFixture

    static func record(_ id: UInt64, state: BookingState, at instant: Instant, reschedules: Int = 0) -> BookingRecord {
        BookingRecord(
            id: BookingID(id), office: F.office, service: F.ktp, slotStart: F.slot(minute: 480).start,
            nikHash: NIKHash(syntheticCitizen: id), account: nil, pool: .online, state: state, createdAt: F.fridayNoon,
            updatedAt: instant, holdExpiresAt: state == .held ? F.fridayNoon.adding(seconds: 300) : nil,
            reschedules: reschedules, idempotencyKey: nil, checkedInAt: nil)
    }

    /// Adds a trigger that aborts any insert into `table` (from a second connection: the store is open).
    static func sabotage(_ path: String, table: String, when condition: String = "1") throws {
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(
                sql: "CREATE TRIGGER sabotage BEFORE INSERT ON \(table) WHEN \(condition) "
                    + "BEGIN SELECT RAISE(ABORT, 'injected fault'); END")
        }
        try raw.close()
    }

    static func repair(_ path: String) throws {
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in try db.execute(sql: "DROP TRIGGER sabotage") }
        try raw.close()
    }

    static func bookingCount(_ path: String) throws -> Int {
        let raw = try DatabaseQueue(path: path)
        defer { try? raw.close() }
        return try raw.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM booking") ?? -1 }
    }

    @Test func aBookingRowThatFailsTakesTheBatchsEventsWithIt() throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let store = try SQLiteAllocatorStore(path: path, outbox: OutboxSettings())
        try Self.sabotage(path, table: "booking", when: "NEW.id = 2")
        // The first record's events are written before the second record's row fails.
        #expect(throws: (any Error).self) {
            try store.commit([
                Self.record(1, state: .booked, at: F.fridayNoon), Self.record(2, state: .booked, at: F.fridayNoon),
            ])
        }
        #expect(try store.outboxEvents().isEmpty)
        #expect(try store.loadBookings().isEmpty)
    }

    @Test func anEventThatFailsTakesTheBookingWithIt() throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let store = try SQLiteAllocatorStore(path: path, outbox: OutboxSettings())
        try Self.sabotage(path, table: "outbox_event")
        #expect(throws: (any Error).self) { try store.commit([Self.record(1, state: .booked, at: F.fridayNoon)]) }
        #expect(try store.loadBookings().isEmpty)
        #expect(try Self.bookingCount(path) == 0)
    }

    /// Through the allocator: a booking whose commit fails is not acknowledged, and after reopening
    /// neither it nor its event exists; the acknowledged one before it has both.
    @Test func theAllocatorAcknowledgesNoBookingWhoseEventWasNotWritten() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.fridayNoon)
        var (allocator, store) = try F.open(path, clock: clock)
        let acknowledged = try await allocator.book(F.slot(minute: 480), for: F.citizen(1)).get().booking
        try Self.sabotage(path, table: "outbox_event")
        await #expect(throws: StoreFailure.self) {
            _ = try await allocator.book(F.slot(minute: 495), for: F.citizen(2))
        }
        store.close()
        try Self.repair(path)
        (allocator, store) = try F.open(path, clock: clock)
        #expect(try store.loadBookings() == [acknowledged])
        #expect(try store.outboxEvents().map(\.booking) == [acknowledged.id, acknowledged.id])
        _ = allocator
    }

    /// One batch may carry several changes of one booking (group commit): each transition is seen once.
    @Test func repeatedRecordsInOneBatchEmitEachTransition() throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let store = try SQLiteAllocatorStore(path: path, outbox: OutboxSettings())
        let later = F.fridayNoon.adding(seconds: 60)
        try store.commit([
            Self.record(1, state: .held, at: F.fridayNoon), Self.record(1, state: .booked, at: later),
            Self.record(1, state: .cancelled, at: later), Self.record(2, state: .held, at: later),
        ])
        #expect(try store.outboxEvents().map(\.type) == [.booked, .reminder, .cancelled])
        // Writing the same state again (an upsert with no transition) emits nothing.
        try store.commit([Self.record(1, state: .cancelled, at: later)])
        #expect(try store.outboxEvents().count == 3)
    }
}
