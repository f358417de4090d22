import AntreanAllocator
import Testing

/// Individual appointment minutes: place k of n at ⌊k × interval ÷ n⌋, the lowest free place first,
/// and every time rule (check-in window, lateness, no-show release, tokens) counted from that minute.
@Suite struct AppointmentTimeTests {
    typealias F = TemplateFixture

    /// A core whose office `o` sells `places` per 15-minute interval from 08:00 to 10:00.
    func core(places: Int = 3, walkIn: Double = 0, priority: Double = 0, quota: Int? = nil) throws -> AllocatorCore {
        try F.core(
            F.configuration(
                [F.explicit(Array(repeating: places, count: 8), interval: 15)], walkIn: walkIn, priority: priority,
                quota: quota))
    }

    func book(_ core: inout AllocatorCore, _ minute: Int, citizen: Int) throws -> BookingRecord {
        try core.book(F.slot(minute), for: Fixture.citizen(citizen), now: F.sunday).get().booking
    }

    /// Minutes after midnight of the booking's appointment.
    func minute(_ record: BookingRecord) -> Int64 {
        (record.appointment.secondsSinceEpoch - F.at(0).secondsSinceEpoch) / 60
    }

    @Test(arguments: [(3, 15, [0, 5, 10]), (4, 10, [0, 2, 5, 7]), (2, 5, [0, 2]), (6, 5, [0, 0, 1, 2, 3, 4])])
    func placesSpreadEvenlyInsideTheirInterval(places: Int, interval: Int, offsets: [Int]) throws {
        var core = try F.core(
            F.configuration([F.explicit(Array(repeating: places, count: 120 / interval), interval: interval)]))
        for (citizen, offset) in offsets.enumerated() {
            let record = try book(&core, 480 + interval, citizen: citizen)
            #expect(minute(record) == Int64(480 + interval + offset))
            #expect(record.slotStart == F.at(480 + interval))
            #expect(core.booking(record.id)?.appointment == record.appointment)
        }
    }

    @Test func withoutATemplateEveryPlaceStartsAtItsSlotsStart() throws {
        var core = try F.core(F.configuration([]))
        for citizen in 0..<2 {
            let record = try book(&core, 495, citizen: citizen)
            #expect(record.appointment == record.slotStart)
        }
    }

    @Test func aFreedMinuteIsGivenAgainFirstAfterCancelsMovesAndLapsedHolds() throws {
        var core = try self.core()
        let a = try book(&core, 480, citizen: 1)
        let b = try book(&core, 480, citizen: 2)
        let c = try book(&core, 480, citizen: 3)
        #expect([a, b, c].map(minute) == [480, 485, 490])
        _ = try core.cancel(b.id, now: F.sunday).get()
        #expect(minute(try book(&core, 480, citizen: 4)) == 485)
        _ = try core.cancel(c.id, now: F.sunday).get()
        // A move frees its minute and takes the lowest free one where it goes.
        let moved = try core.reschedule(a.id, to: F.slot(495), now: F.sunday).get()
        #expect(minute(moved) == 495)
        #expect(minute(try book(&core, 480, citizen: 5)) == 480)
        #expect(minute(try book(&core, 480, citizen: 6)) == 490)
        // A refused move (the slot is full) keeps the booking's minute.
        #expect(core.reschedule(moved.id, to: F.slot(480), now: F.sunday).refusal == .slotFull)
        #expect(core.booking(moved.id).map(minute) == 495)
        // A hold that lapses gives its minute back.
        let hold = try core.hold(F.slot(495), for: Fixture.citizen(7), now: F.sunday).get().booking
        #expect(minute(hold) == 500)
        let later = F.sunday.adding(seconds: core.rules.holdSeconds + 1)
        #expect(
            try minute(core.book(F.slot(495), for: Fixture.citizen(8), now: later).get().booking) == 500)
    }

    @Test func checkInWindowLatenessAndNoShowsCountFromTheAppointmentMinute() throws {
        var core = try self.core()
        let first = try book(&core, 480, citizen: 1)  // 08:00
        let second = try book(&core, 480, citizen: 2)  // 08:05
        let third = try book(&core, 480, citizen: 3)  // 08:10
        let fourth = try book(&core, 495, citizen: 4)  // 08:15
        let nik = Fixture.citizen(3).nikHash
        // Check-in opens 30 minutes before the appointment: 07:40 for 08:10, not 07:30 (the slot's).
        #expect(core.checkIn(booking: third.id, nik: nik, at: F.office, now: F.at(459)).refusal == .tooEarlyToCheckIn)
        let token = try core.issueToken(for: third.id, now: F.sunday).get()
        #expect(core.checkIn(token: token, at: F.office, now: F.at(459)).refusal == .token(.outsideWindow))
        // The grace of 15 minutes runs to 08:25: at 08:24 the citizen is on time (slot start + 15 is
        // 08:15), while the 08:00 and 08:05 bookings were released at 08:15 and 08:20.
        #expect(core.releaseNoShows(now: F.at(504)) == [first.id, second.id])
        #expect(try core.checkIn(token: token, at: F.office, now: F.at(504)).get().timing == .onTime)
        // The 08:15 booking (the first place of its interval) is released after 08:30, then re-queued.
        #expect(core.releaseNoShows(now: F.at(510)).isEmpty)
        #expect(core.releaseNoShows(now: F.at(511)).contains(fourth.id))
        let late = core.checkIn(booking: fourth.id, nik: Fixture.citizen(4).nikHash, at: F.office, now: F.at(512))
        #expect(try late.get().timing == .requeued(afterOthers: core.rules.requeueAfterOthers))
    }

    @Test func tokensCarryTheAppointmentMinuteAndTokensOfSlotStartsStillVerify() throws {
        var core = try self.core()
        _ = try book(&core, 480, citizen: 1)
        let second = try book(&core, 480, citizen: 2)
        let token = try core.issueToken(for: second.id, now: F.sunday).get()
        guard case .valid(let claims) = core.tokenSigner.verify(token) else {
            Issue.record("the issued token does not verify")
            return
        }
        #expect(claims.slotStart == F.at(485))
        // A token naming the slot's start instead of the citizen's minute is not this booking's.
        var forged = claims
        forged.slotStart = F.at(480)
        let stale = try core.tokenSigner.sign(forged)
        #expect(core.checkIn(token: stale, at: F.office, now: F.at(480)).refusal == .token(.revoked))
        #expect(try core.checkIn(token: token, at: F.office, now: F.at(480)).get().booking.id == second.id)

        // Without templates, the token is byte for byte what the allocator signed before appointment
        // minutes: the slot's start, expiring when the office closes.
        var plain = try F.core(F.configuration([]))
        let booking = try book(&plain, 495, citizen: 3)
        let old = try plain.tokenSigner.sign(
            QRTokenClaims(
                keyID: plain.tokenSigner.currentKeyID, booking: booking.id, office: F.office, slotStart: F.at(495),
                nikHash: Fixture.citizen(3).nikHash, expiresAt: F.at(600)))
        #expect(try plain.issueToken(for: booking.id, now: F.sunday).get() == old)
        #expect(try plain.checkIn(token: old, at: F.office, now: F.at(495)).get().timing == .onTime)
    }

    @Test func reservesQuotasAndNIKLimitsHoldOnTemplates() throws {
        // 4 places an interval: 1 walk-in, 1 priority, 2 online; at most 3 a day.
        var core = try self.core(places: 4, walkIn: 0.25, priority: 0.25, quota: 3)
        let plan = try F.plan(&core, F.office, on: F.monday)
        #expect(plan.slots.allSatisfy { $0 == SlotCapacity(online: 2, walkIn: 1, priority: 1) })
        let a = try book(&core, 480, citizen: 1)
        let b = try book(&core, 480, citizen: 2)
        #expect(core.book(F.slot(480), for: Fixture.citizen(3), now: F.sunday).refusal == .slotFull)
        let priority = try core.book(F.slot(480), for: Fixture.citizen(4, priority: true), now: F.sunday).get().booking
        #expect(priority.pool == .priority)
        // n = 4 places over all pools: minutes 0, 3, 7 (the walk-in place would be 11).
        #expect([a, b, priority].map(minute) == [480, 483, 487])
        #expect(core.book(F.slot(495), for: Fixture.citizen(5), now: F.sunday).refusal == .dailyQuotaReached)
        // The NIK limit (2 held or booked) on another day.
        var other = try self.core(places: 4)
        _ = try other.book(F.slot(480, on: F.tuesday), for: Fixture.citizen(9), now: F.sunday).get()
        _ = try other.book(F.slot(495, on: F.tuesday), for: Fixture.citizen(9), now: F.sunday).get()
        #expect(
            other.book(F.slot(510, on: F.tuesday), for: Fixture.citizen(9), now: F.sunday).refusal == .nikLimitReached)
        // Walk-ins use the walk-in reserve of the current interval.
        var walkIns = try self.core(places: 4, walkIn: 0.25)
        let walkIn = try walkIns.registerWalkIn(
            office: F.office, service: F.service, citizen: Fixture.citizen(20), now: F.at(481)
        ).get().booking
        #expect(walkIn.pool == .walkIn && walkIn.slotStart == F.at(480))
        #expect(
            walkIns.registerWalkIn(office: F.office, service: F.service, citizen: Fixture.citizen(21), now: F.at(482))
                .value?.booking.slotStart == F.at(495))
    }

    @Test func restoringRecordsKeepsEveryMinuteAndGivesTheNextFreeOne() throws {
        var core = try self.core()
        let ids = try (1...3).map { try book(&core, 480, citizen: $0).id }
        _ = try core.cancel(ids[0], now: F.sunday).get()
        let configuration = core.configuration
        var restored = try AllocatorCore(
            configuration: configuration, tokenSigner: Fixture.signer, restoring: core.allBookings)
        #expect(restored.allBookings == core.allBookings)
        // The cancelled 08:00 is free again in both.
        #expect(try minute(book(&restored, 480, citizen: 9)) == 480)
        #expect(try minute(book(&core, 480, citizen: 9)) == 480)
        #expect(restored.allBookings == core.allBookings)
    }

    @Test func recordsFromBeforeTemplatesKeepTheSlotStartAndAMinuteOutsideTheSlotIsRefused() throws {
        var plain = try F.core(F.configuration([]))
        _ = try book(&plain, 480, citizen: 1)
        _ = try book(&plain, 480, citizen: 2)
        let records = plain.allBookings
        // The same store under a template: both keep 08:00, and the next booking gets the free 08:10.
        let templated = F.configuration([F.explicit(Array(repeating: 3, count: 8), interval: 15)])
        var restored = try AllocatorCore(configuration: templated, tokenSigner: Fixture.signer, restoring: records)
        #expect(restored.allBookings.map(\.appointment) == [F.at(480), F.at(480)])
        #expect(try minute(book(&restored, 480, citizen: 3)) == 490)
        var bad = records
        bad[1].appointment = F.at(495)
        #expect(throws: RestoreError.self) {
            try AllocatorCore(configuration: templated, tokenSigner: Fixture.signer, restoring: bad)
        }
    }

    /// Random books, holds, confirmations, cancellations, moves, walk-ins, lapses and no-show sweeps:
    /// after each, the allocator's invariants hold (places distinct and below the slot's count) and the
    /// occupying bookings of every interval have distinct minutes (n ≤ interval here, so distinct
    /// places mean distinct minutes).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomOperationsKeepEveryPlaceDistinct(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var core = try F.core(
            F.configuration(
                [F.explicit([5, 3, 4, 1, 5, 2, 3, 5], interval: 15, overbook: [1, 0, 0, 0, 1, 0, 0, 0])],
                walkIn: 0.2, priority: 0.2))
        var now = F.sunday
        var ids: [BookingID] = []
        for step in 0..<600 {
            now = now.adding(seconds: Int64.random(in: 0...40, using: &random))
            let slot = F.slot(480 + 15 * Int.random(in: 0..<8, using: &random))
            let citizen = Fixture.citizen(Int.random(in: 0..<40, using: &random), priority: random.next() % 5 == 0)
            switch random.next() % 7 {
            case 0, 1: if let made = core.book(slot, for: citizen, now: now).value { ids.append(made.booking.id) }
            case 2: if let made = core.hold(slot, for: citizen, now: now).value { ids.append(made.booking.id) }
            case 3: if let id = ids.randomElement(using: &random) { _ = core.cancel(id, now: now) }
            case 4: if let id = ids.randomElement(using: &random) { _ = core.reschedule(id, to: slot, now: now) }
            case 5: if let id = ids.randomElement(using: &random) { _ = core.confirm(id, now: now) }
            default:
                let late = F.at(480 + Int.random(in: 0..<120, using: &random))
                _ = core.registerWalkIn(office: F.office, service: F.service, citizen: citizen, now: late)
            }
            let violations = core.invariantViolations()
            #expect(violations.isEmpty, "step \(step): \(violations.prefix(3))")
            var minutes: [Instant: Set<Instant>] = [:]
            for booking in core.allBookings where booking.state.occupiesCapacity && booking.office == F.office {
                #expect(minutes[booking.slotStart, default: []].insert(booking.appointment).inserted, "step \(step)")
            }
            if !violations.isEmpty { break }
        }
        #expect(ids.count > 50)
    }
}
