import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import Testing

@Suite struct SQLiteAllocatorStoreTests {
    static let ktp = ServiceID("ktp")
    static let office = OfficeID("kel-a")
    static let monday = LocalDate(year: 2026, month: 11, day: 23)
    static let sundayNoon = OfficeTimeZone.wita.instant(on: LocalDate(year: 2026, month: 11, day: 22), minuteOfDay: 720)
    static let configuration = AllocatorConfiguration(
        offices: [
            OfficeConfig(
                id: office, kecamatan: KecamatanID("A"), services: [OfficeServiceConfig(service: ktp, counters: 3)],
                walkInShare: [.monday: 0.2], priorityShare: [.monday: 0.1])
        ],
        services: [ServiceConfig(id: ktp, meanServiceMinutes: 5)])
    /// Fixed random test keys (Python's `secrets.token_hex(32)`): weak keys are refused.
    static let signer = try! QRTokenSigner(
        keyID: "k1", keyBytes: SecretText.decode("2b7842dd175b4c79c69ede6c98d90bd3a94c544e7a95220e6e723d6df49a71b6"))
    static let hasher = try! NIKHasher(
        pepperBytes: SecretText.decode("522c993dbc8fe2a9e7238d7f9aca6e4338bdcc56afa9ab08d45339bc35b56675"))

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("antrean-store-\(UUID().uuidString).sqlite").path
    }

    /// An allocator on the store at `path`, and the store (to close it: it is the file's only writer).
    static func open(
        _ path: String, clock: ManualClock, syncMode: SQLiteAllocatorStore.SyncMode = .full,
        configuration: AllocatorConfiguration = configuration
    ) throws -> (Allocator, SQLiteAllocatorStore) {
        let store = try SQLiteAllocatorStore(path: path, syncMode: syncMode)
        return (
            try Allocator(
                configuration: configuration, tokenSigner: signer, nikHasher: hasher, store: store, clock: clock),
            store
        )
    }

    @Test func migrationsAreVersionedAndIdempotent() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteAllocatorStore(path: path)
        #expect(
            try store.appliedMigrations() == [
                "v1-bookings", "v2-booking-slot-index", "v3-drop-booking-slot-index", "v4-booking-appointment",
                "v5-notification-outbox",
            ])
        #expect(!store.defersSync)
        store.close()
        #expect(try SQLiteAllocatorStore(path: path, syncMode: .pipelined).defersSync)
        let again = try SQLiteAllocatorStore(path: path, syncMode: .normal)
        #expect(
            try again.appliedMigrations() == [
                "v1-bookings", "v2-booking-slot-index", "v3-drop-booking-slot-index", "v4-booking-appointment",
                "v5-notification-outbox",
            ])
    }

    @Test func recordsRoundTripWithUpserts() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteAllocatorStore(path: path)
        var record = BookingRecord(
            id: BookingID(1), office: Self.office, service: Self.ktp,
            slotStart: Instant(secondsSinceEpoch: 1_800_000_000),
            nikHash: NIKHash(syntheticCitizen: 9), account: AccountID("device"), pool: .priority, state: .held,
            createdAt: Instant(secondsSinceEpoch: 1_799_000_000), updatedAt: Instant(secondsSinceEpoch: 1_799_000_000),
            holdExpiresAt: Instant(secondsSinceEpoch: 1_799_000_300), reschedules: 0, idempotencyKey: "k",
            checkedInAt: nil)
        var second = record
        second.id = BookingID(2)
        second.account = nil
        second.idempotencyKey = nil
        try store.commit([record, second])
        record.state = .booked
        record.holdExpiresAt = nil
        record.reschedules = 1
        try store.commit([record])
        #expect(try store.loadBookings() == [record, second])
        store.close()
        #expect(try SQLiteAllocatorStore(path: path).loadBookings() == [record, second])
    }

    @Test(arguments: SQLiteAllocatorStore.SyncMode.allCases)
    func reopeningRebuildsTheSameStateAndConcurrentBookingsAreAllDurable(
        syncMode: SQLiteAllocatorStore.SyncMode
    ) async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ManualClock(Self.sundayNoon)
        let (allocator, store) = try Self.open(path, clock: clock, syncMode: syncMode)
        let first = OfficeTimeZone.wita.instant(on: Self.monday, minuteOfDay: 480)
        let receipts = try await withThrowingTaskGroup(of: BookingReceipt?.self) { group in
            for number in 0..<64 {
                group.addTask {
                    let citizen = Citizen(
                        nikHash: NIKHash(syntheticCitizen: UInt64(number)), account: AccountID("a\(number)"))
                    let slot = SlotRef(
                        office: Self.office, service: Self.ktp, start: first.adding(minutes: 15 * (number % 8)))
                    return try? await allocator.book(slot, for: citizen, idempotencyKey: "req").get()
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let accepted = receipts.compactMap { $0 }
        // 9 places per slot: 6 online, 2 walk-in, 1 priority; 8 slots × 6 online = 48 ≥ 64 ÷ 8 × 8 requests.
        #expect(accepted.count == 48)
        _ = try await allocator.cancel(accepted[0].booking.id)
        _ = try await allocator.hold(
            SlotRef(office: Self.office, service: Self.ktp, start: first.adding(minutes: 300)),
            for: Citizen(nikHash: NIKHash(syntheticCitizen: 999)))
        let before = allocator.read { $0.snapshot(at: clock.now()) }
        store.close()
        let (reopened, _) = try Self.open(path, clock: clock, syncMode: syncMode)
        #expect(reopened.read { $0.snapshot(at: clock.now()) } == before)
        #expect(reopened.read { $0.invariantViolations() }.isEmpty)
        // The hold lapses after reopening exactly as it would have in the first process.
        clock.advance(seconds: 301)
        let availability = try await reopened.availability(service: Self.ktp, offices: [Self.office], limit: 40)
        #expect(availability.first { $0.slot.start == first.adding(minutes: 300) }?.remaining == 6)
    }
}
