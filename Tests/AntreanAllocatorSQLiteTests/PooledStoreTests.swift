import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import Testing

/// Pooled counters need no new column: a booking's counter-minutes follow from its service and the
/// configuration, and its place on the pooled timeline from its stored appointment minute. A store
/// reopened with the pool rebuilds the same counter-minutes and timeline, so the next booking is
/// decided and timed as it would have been without the reopen.
@Suite struct PooledStoreTests {
    static let kk = ServiceID("kk")

    /// KTP (5 minutes) and KK (20 minutes) pooled on 2 counters in 30-minute intervals on Tuesdays
    /// (no reserves): 60 counter-minutes per interval.
    static var configuration: AllocatorConfiguration {
        var configuration = SQLiteAllocatorStoreTests.configuration
        configuration.offices[0].services.append(OfficeServiceConfig(service: kk, counters: 2))
        configuration.services.append(ServiceConfig(id: kk, meanServiceMinutes: 20))
        configuration.appointmentPools = [
            AppointmentPool(
                office: SQLiteAllocatorStoreTests.office, services: [SQLiteAllocatorStoreTests.ktp, kk],
                weekdays: [.tuesday], counters: 2, intervalMinutes: 30)
        ]
        return configuration
    }

    @Test func aReopenedStoreRebuildsThePooledMinutesAndTimeline() async throws {
        let path = SQLiteAllocatorStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tuesday = LocalDate(year: 2026, month: 11, day: 24)
        let eight = OfficeTimeZone.wita.instant(on: tuesday, minuteOfDay: 480)
        func slot(_ service: ServiceID) -> SlotRef {
            SlotRef(office: SQLiteAllocatorStoreTests.office, service: service, start: eight)
        }
        let clock = ManualClock(SQLiteAllocatorStoreTests.sundayNoon)
        let (allocator, store) = try SQLiteAllocatorStoreTests.open(
            path, clock: clock, configuration: Self.configuration)
        // KK [0,20) and [0,20) on both counters, KTP [20,25), KTP [20,25): 50 of 60 minutes.
        var ids: [BookingID] = []
        for (number, service) in [Self.kk, Self.kk, SQLiteAllocatorStoreTests.ktp, SQLiteAllocatorStoreTests.ktp]
            .enumerated()
        {
            let citizen = Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(number + 1)))
            ids.append(try await allocator.book(slot(service), for: citizen).get().booking.id)
        }
        let minutes = allocator.read { core in
            var appointments: [Instant] = []
            for id in ids { if let record = core.booking(id) { appointments.append(record.appointment) } }
            return appointments
        }
        #expect(minutes == [0, 0, 20, 20].map { eight.adding(minutes: $0) })
        _ = try await allocator.cancel(ids[0])
        let before = allocator.read { $0.allBookings }
        store.close()
        let (reopened, _) = try SQLiteAllocatorStoreTests.open(path, clock: clock, configuration: Self.configuration)
        #expect(reopened.read { $0.allBookings } == before)
        #expect(reopened.read { $0.invariantViolations() }.isEmpty)
        // The cancelled KK gave back [0, 20) on one counter and 20 minutes: a KK fits again at 0, and
        // then the 10 minutes left hold two KTP at 25 and no KK.
        let citizen = { (number: Int) in Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(number))) }
        #expect(try await reopened.book(slot(Self.kk), for: citizen(10)).get().booking.appointment == eight)
        await #expect(throws: (any Error).self) { try await reopened.book(slot(Self.kk), for: citizen(11)).get() }
        let ktp = SQLiteAllocatorStoreTests.ktp
        #expect(
            try await reopened.book(slot(ktp), for: citizen(12)).get().booking.appointment == eight.adding(minutes: 25))
        #expect(
            try await reopened.book(slot(ktp), for: citizen(13)).get().booking.appointment == eight.adding(minutes: 25))
        await #expect(throws: (any Error).self) { try await reopened.book(slot(ktp), for: citizen(14)).get() }
    }
}
