import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import GRDB
import Testing

/// Reopening refuses a store that breaks a rule the allocator relies on, with a report naming the
/// table, the row id and the rule — never a trap, never a silent acceptance. Each damaged store is
/// crafted by writing rows behind the allocator's back: raw SQL through GRDB, or the store's own
/// `commit` of records no allocator would make (as two writers on one file did).
@Suite struct StoreIntegrityTests {
    typealias Store = SQLiteAllocatorStoreTests

    /// A damaged store: the rows written, the raw SQL applied after, and the refusal expected.
    struct Damage: CustomTestStringConvertible, Sendable {
        var name: String
        var records: [BookingRecord] = StoreIntegrityTests.threeBookings
        var sql: String?
        var rowID: Int64
        var rule: String
        var testDescription: String { name }
    }

    static let monday8 = OfficeTimeZone.wita.instant(on: Store.monday, minuteOfDay: 480)

    static func booking(
        _ id: UInt64, citizen: UInt64, minute: Int = 480, state: BookingState = .booked, key: String? = nil
    ) -> BookingRecord {
        BookingRecord(
            id: BookingID(id), office: Store.office, service: Store.ktp,
            slotStart: OfficeTimeZone.wita.instant(on: Store.monday, minuteOfDay: minute),
            nikHash: NIKHash(syntheticCitizen: citizen), account: nil, pool: .online, state: state,
            createdAt: Store.sundayNoon, updatedAt: Store.sundayNoon, holdExpiresAt: nil, reschedules: 0,
            idempotencyKey: key, checkedInAt: nil)
    }

    static let threeBookings = (1...3).map { booking(UInt64($0), citizen: UInt64($0)) }

    static let damages: [Damage] = [
        Damage(
            name: "negative id", sql: "UPDATE booking SET id = -7 WHERE id = 3", rowID: -7,
            rule: "id must be at least 1"),
        Damage(
            name: "text in an integer column", sql: "UPDATE booking SET slotStart = 'soon' WHERE id = 2", rowID: 2,
            rule: "slotStart is not an integer"),
        Damage(
            name: "instant past year 9999", sql: "UPDATE booking SET slotStart = 9000000000000000000 WHERE id = 2",
            rowID: 2, rule: "slotStart 9000000000000000000 lies outside"),
        Damage(
            name: "instant before 1970", sql: "UPDATE booking SET createdAt = -1 WHERE id = 1", rowID: 1,
            rule: "createdAt -1 lies outside"),
        Damage(
            name: "negative reschedule count", sql: "UPDATE booking SET reschedules = -1 WHERE id = 3", rowID: 3,
            rule: "reschedules -1 is negative"),
        Damage(
            name: "short NIK hash", sql: "UPDATE booking SET nikHash = x'00' WHERE id = 1", rowID: 1,
            rule: "nikHash is not a 32-byte hash"),
        Damage(
            name: "unknown state", sql: "UPDATE booking SET state = 'paid' WHERE id = 2", rowID: 2,
            rule: "state is not a booking state"),
        Damage(
            name: "booking number stored twice",
            sql: """
                CREATE TABLE copy AS SELECT * FROM booking; DROP TABLE booking; ALTER TABLE copy RENAME TO booking;
                INSERT INTO booking SELECT * FROM booking WHERE id = 2;
                """,
            rowID: 2, rule: "booking number 2 is stored twice"),
        // 9 places a slot: 6 online (see SQLiteAllocatorStoreTests); a seventh online booking overfills it.
        Damage(
            name: "slot over capacity", records: (1...7).map { booking(UInt64($0), citizen: UInt64($0)) }, rowID: 7,
            rule: "already holds its 6 online place(s) (capacity per slot)"),
        Damage(
            name: "NIK over its limit",
            records: (1...3).map { booking(UInt64($0), citizen: 42, minute: 480 + 15 * $0) }, rowID: 3,
            rule: "already has 2 held or booked bookings (the limit per NIK)"),
        Damage(
            name: "idempotency key used twice",
            records: [booking(1, citizen: 5, key: "k"), booking(2, citizen: 5, minute: 495, key: "k")], rowID: 2,
            rule: "idempotency key is also used by booking 1"),
    ]

    /// Writes `records` through the store (no allocator checks them), closes it, applies `sql`.
    static func craft(_ path: String, records: [BookingRecord], sql: String?) throws {
        let store = try SQLiteAllocatorStore(path: path)
        try store.commit(records)
        store.close()
        if let sql {
            let database = try DatabaseQueue(path: path)
            try database.writeWithoutTransaction { db in try db.execute(sql: sql) }
            try database.close()
        }
    }

    @Test(arguments: damages)
    func reopeningRefusesADamagedStoreNamingTheRowAndTheRule(damage: Damage) throws {
        let path = Store.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.craft(path, records: damage.records, sql: damage.sql)
        let refusal = #expect(throws: RestoreError.self) {
            _ = try Store.open(path, clock: ManualClock(Store.sundayNoon))
        }
        guard case .invalidStoredBooking(let violation) = refusal else {
            Issue.record("expected a stored-booking violation, got \(String(describing: refusal))")
            return
        }
        #expect(violation.table == "booking")
        #expect(violation.rowID == damage.rowID)
        #expect(violation.rule.contains(damage.rule), "\(violation.rule)")
        #expect("\(violation)".hasPrefix("table booking, row id \(damage.rowID): "))
    }

    /// The same rows without the damage open: the refusals above come from the damage alone.
    @Test func theUndamagedRowsOpen() throws {
        let path = Store.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.craft(path, records: Self.threeBookings + [Self.booking(4, citizen: 9, key: "k")], sql: nil)
        let (allocator, _) = try Store.open(path, clock: ManualClock(Store.sundayNoon))
        #expect(allocator.read { $0.bookingCount } == 4)
        #expect(allocator.read { $0.invariantViolations() }.isEmpty)
    }

    /// Two writers once left a slot past its 16-bit counter (32,767 places a pool) and every reopen
    /// trapped: now the row that would overflow it is refused.
    @Test func aSlotPastItsSixteenBitCounterIsRefusedNotATrap() throws {
        let path = Store.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var configuration = Store.configuration
        configuration.offices[0].services[0].slotCapacity = Int(Int16.max)
        configuration.offices[0].walkInShare = [:]
        configuration.offices[0].priorityShare = [:]
        let count = Int(Int16.max) + 1
        try Self.craft(path, records: (1...count).map { Self.booking(UInt64($0), citizen: UInt64($0)) }, sql: nil)
        let refusal = #expect(throws: RestoreError.self) {
            _ = try Store.open(path, clock: ManualClock(Store.sundayNoon), configuration: configuration)
        }
        #expect(
            refusal
                == .invalidStoredBooking(
                    StoredBookingViolation(
                        rowID: Int64(count),
                        rule: "slot \(Store.office)/\(Store.ktp)/\(Self.monday8) already holds its 32767 online"
                            + " place(s) (capacity per slot)")))
    }
}
