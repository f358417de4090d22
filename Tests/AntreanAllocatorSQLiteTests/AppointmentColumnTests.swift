import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import GRDB
import Testing

/// The `appointment` column (migration v4): stores written before it open with every booking at its
/// slot's start, and templated bookings keep their own minutes across a reopen.
@Suite struct AppointmentColumnTests {
    /// `sqlite3 .dump` of the store `antrean replay Simulations/replay/requests.jsonl` wrote with the
    /// code before appointment minutes (schema v3: no `appointment` column).
    static let storeBeforeAppointments = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES('v1-bookings');
        INSERT INTO grdb_migrations VALUES('v2-booking-slot-index');
        INSERT INTO grdb_migrations VALUES('v3-drop-booking-slot-index');
        CREATE TABLE IF NOT EXISTS "booking" ("id" INTEGER PRIMARY KEY, "office" TEXT NOT NULL, "service" TEXT NOT NULL, "slotStart" INTEGER NOT NULL, "nikHash" BLOB NOT NULL, "account" TEXT, "pool" TEXT NOT NULL, "state" TEXT NOT NULL, "createdAt" INTEGER NOT NULL, "updatedAt" INTEGER NOT NULL, "holdExpiresAt" INTEGER, "reschedules" INTEGER NOT NULL, "idempotencyKey" TEXT, "checkedInAt" INTEGER);
        INSERT INTO booking VALUES(1,'kel-sidodadi','ktp',1795392000,X'057f4db231811bfe190a55063c9908a9d0881795d43c448bcff75fa6885e3205','hp-1','online','checked_in',1795320005,1795391400,NULL,0,'a1',1795391400);
        INSERT INTO booking VALUES(2,'kel-sidodadi','ktp',1795395600,X'52e054f2c138215473c3603e6e59c8049b40b0a8572de72b8a83f9d955e4ac14','hp-2','online','no_show',1795320060,1795401000,NULL,1,NULL,NULL);
        INSERT INTO booking VALUES(3,'kel-sidodadi','kk',1795399200,X'8d93acbb2ead748f7deda98d1e2091b50d7d3991a7dabf18fa253f23ca87cce7','hp-3','online','requeued',1795320360,1795402800,NULL,0,NULL,1795402800);
        INSERT INTO booking VALUES(4,'kel-sidodadi','ktp',1795392900,X'a13e9b22fc59445b136cab9640e60db0f74ac6206afda0652335b88acaf26ba8',NULL,'walk_in','checked_in',1795393200,1795393200,NULL,0,NULL,1795393200);
        """

    @Test func aStoreWrittenBeforeAppointmentsOpensWithEveryBookingAtItsSlotsStart() throws {
        let path = SQLiteAllocatorStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: Self.storeBeforeAppointments) }
        try queue.close()
        let store = try SQLiteAllocatorStore(path: path)
        #expect(try store.appliedMigrations().contains("v4-booking-appointment"))
        let records = try store.loadBookings()
        #expect(records.map(\.id.rawValue) == [1, 2, 3, 4])
        #expect(
            records.map(\.slotStart.secondsSinceEpoch) == [1_795_392_000, 1_795_395_600, 1_795_399_200, 1_795_392_900])
        #expect(records.allSatisfy { $0.appointment == $0.slotStart })
        // A record with its own minute is written beside the old ones and read back.
        var moved = records[1]
        moved.appointment = moved.slotStart.adding(minutes: 5)
        try store.commit([moved])
        store.close()
        let reopened = try SQLiteAllocatorStore(path: path)
        #expect(try reopened.loadBookings() == [records[0], moved, records[2], records[3]])
    }

    @Test func appointmentMinutesSurviveAReopenAndTheFreedOneIsGivenAgain() async throws {
        let path = SQLiteAllocatorStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var configuration = SQLiteAllocatorStoreTests.configuration
        // 3 places in each 15-minute interval (no reserves on Tuesday): minutes 0, 5, 10.
        configuration.appointmentTemplates = [
            AppointmentTemplate(
                weekdays: [.tuesday], intervalMinutes: 15, places: .explicit(Array(repeating: 3, count: 32)))
        ]
        let tuesday = LocalDate(year: 2026, month: 11, day: 24)
        let eight = OfficeTimeZone.wita.instant(on: tuesday, minuteOfDay: 480)
        let slot = SlotRef(
            office: SQLiteAllocatorStoreTests.office, service: SQLiteAllocatorStoreTests.ktp, start: eight)
        let clock = ManualClock(SQLiteAllocatorStoreTests.sundayNoon)
        let (allocator, store) = try SQLiteAllocatorStoreTests.open(path, clock: clock, configuration: configuration)
        var ids: [BookingID] = []
        for number in 1...3 {
            let citizen = Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(number)))
            let booking = try await allocator.book(slot, for: citizen).get().booking
            #expect(booking.appointment == eight.adding(minutes: 5 * (number - 1)))
            ids.append(booking.id)
        }
        _ = try await allocator.cancel(ids[1])
        let before = allocator.read { $0.allBookings }
        store.close()
        let (reopened, _) = try SQLiteAllocatorStoreTests.open(path, clock: clock, configuration: configuration)
        #expect(reopened.read { $0.allBookings } == before)
        let next = try await reopened.book(slot, for: Citizen(nikHash: NIKHash(syntheticCitizen: 9))).get().booking
        #expect(next.appointment == eight.adding(minutes: 5))
    }
}
