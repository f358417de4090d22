import AntreanAllocator
import Testing

@Suite struct FacadeTests {
    static let mondaySevenFortyFive = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 465)

    static func open(store: InMemoryAllocatorStore, at now: Instant = Fixture.sundayNoon) throws -> Allocator {
        try Allocator(
            configuration: Fixture.configuration(), policy: KecamatanEarliestPolicy(), tokenSigner: Fixture.signer,
            nikHasher: TestKeys.hasher, store: store, clock: ManualClock(now))
    }

    @Test func tenSimultaneousRequestsForOneSeatGiveOneBooking() async throws {
        let store = InMemoryAllocatorStore()
        let allocator = try Self.open(store: store)
        let slot = Fixture.slot(Fixture.a1)
        _ = try await allocator.book(slot, for: Fixture.citizen(100))  // one online place left
        let results = try await withThrowingTaskGroup(of: Result<BookingReceipt, AllocationRefusal>.self) { group in
            for number in 1...10 { group.addTask { try await allocator.book(slot, for: Fixture.citizen(number)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { (try? $0.get()) != nil }.count == 1)
        #expect(results.compactMap(\.refusal).allSatisfy { $0 == .slotFull })
        #expect(try store.loadBookings().count == 2)
    }

    @Test func twoTabsWithOneIdempotencyKeyBookOnce() async throws {
        let allocator = try Self.open(store: InMemoryAllocatorStore())
        let citizen = Fixture.citizen(1)
        async let first = allocator.book(Fixture.slot(Fixture.a1), for: citizen, idempotencyKey: "tab")
        async let second = allocator.book(Fixture.slot(Fixture.a1), for: citizen, idempotencyKey: "tab")
        let (one, two) = try await (first.get(), second.get())
        #expect(one.booking.id == two.booking.id && one.isRepeat != two.isRepeat)
        #expect(allocator.read { $0.bookingCount } == 1)
    }

    @Test func invalidNIKIsRefusedBeforeAnythingElse() throws {
        let allocator = try Self.open(store: InMemoryAllocatorStore())
        #expect(allocator.citizen(nik: "6472011204850000").refusal == .invalidNIK(.zeroSerial))
        #expect(allocator.citizen(nik: "6472011204850003").value != nil)
    }

    @Test func reopeningRebuildsTheStateExactly() async throws {
        let store = InMemoryAllocatorStore()
        let clock = ManualClock(Fixture.sundayNoon)
        let allocator = try Allocator(
            configuration: Fixture.configuration(), policy: KecamatanEarliestPolicy(), tokenSigner: Fixture.signer,
            nikHasher: TestKeys.hasher, store: store, clock: clock)
        for number in 1...30 {
            let citizen = Fixture.citizen(number % 11, account: "acct-\(number % 4)", priority: number % 7 == 0)
            let request = PlacementRequest(
                service: Fixture.ktp, homeOffice: number % 2 == 0 ? Fixture.a1 : Fixture.a2, citizen: citizen,
                holdOnly: number % 5 == 0, idempotencyKey: "r\(number % 13)")
            _ = try await allocator.place(request)
            if number % 6 == 0 { _ = try await allocator.cancel(BookingID(UInt64(number / 2))) }
            if number % 9 == 0 {
                _ = try await allocator.reschedule(
                    BookingID(UInt64(number / 3)), to: Fixture.slot(Fixture.a2, minute: 900))
            }
        }
        clock.set(Self.mondaySevenFortyFive)
        if case .success(let token) = try await allocator.issueToken(for: BookingID(1)) {
            _ = try await allocator.checkIn(token: token, at: Fixture.a1)
        }
        _ = try await allocator.registerWalkIn(office: Fixture.a1, service: Fixture.ktp, citizen: Fixture.citizen(50))
        clock.set(Self.mondaySevenFortyFive.adding(minutes: 60))
        _ = try await allocator.releaseNoShows()
        let before = allocator.read { $0.snapshot(at: clock.now()) }
        #expect(allocator.read { $0.invariantViolations() }.isEmpty)
        let reopened = try Allocator(
            configuration: Fixture.configuration(), policy: KecamatanEarliestPolicy(), tokenSigner: Fixture.signer,
            nikHasher: TestKeys.hasher, store: store, clock: clock)
        let after = reopened.read { $0.snapshot(at: clock.now()) }
        #expect(before == after)
        #expect(before.bookings.count > 20)
        #expect(store.commitCount <= 40)
    }

    /// A portal may forget settled past bookings in memory; the store keeps them, and reopening
    /// brings every one back.
    @Test func retiringInMemoryKeepsEveryRecordInTheStore() async throws {
        let store = InMemoryAllocatorStore()
        let clock = ManualClock(Fixture.sundayNoon)
        let allocator = try Allocator(
            configuration: Fixture.configuration(), tokenSigner: Fixture.signer,
            nikHasher: TestKeys.hasher, store: store, clock: clock)
        for number in 1...6 {
            _ = try await allocator.book(
                Fixture.slot(Fixture.a1, minute: 480 + 15 * number), for: Fixture.citizen(number))
        }
        _ = try await allocator.book(Fixture.slot(Fixture.a1, on: Fixture.tuesday), for: Fixture.citizen(9))
        clock.set(Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 1_200))
        #expect(try await allocator.releaseNoShows().count == 6)
        let tuesday = Fixture.wita.instant(on: Fixture.tuesday, minuteOfDay: 0)
        #expect(allocator.retireHistory(before: tuesday) == 6)
        #expect(allocator.read { $0.retainedBookingCount } == 1)
        #expect(try await allocator.cancel(BookingID(1)).refusal == .unknownBooking(BookingID(1)))
        let reopened = try Allocator(
            configuration: Fixture.configuration(), tokenSigner: Fixture.signer,
            nikHasher: TestKeys.hasher, store: store, clock: clock)
        #expect(reopened.read { $0.allBookings.count } == 7)
        #expect(reopened.read { $0.booking(BookingID(1))?.state } == .noShow)
        #expect(reopened.read { $0.invariantViolations() }.isEmpty)
    }
}
