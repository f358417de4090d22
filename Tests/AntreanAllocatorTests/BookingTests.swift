import AntreanAllocator
import Testing

@Suite struct BookingTests {
    let now = Fixture.sundayNoon

    @Test func bookUntilFullThenRefuse() {
        var core = Fixture.core()
        let slot = Fixture.slot(Fixture.a1)  // Monday online pool: 2
        #expect(core.book(slot, for: Fixture.citizen(1), now: now).value?.booking.state == .booked)
        #expect(core.book(slot, for: Fixture.citizen(2), now: now).value?.booking.pool == .online)
        #expect(core.book(slot, for: Fixture.citizen(3), now: now).refusal == .slotFull)
        // A priority citizen may still take the priority reserve.
        #expect(core.book(slot, for: Fixture.citizen(4, priority: true), now: now).value?.booking.pool == .priority)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func unknownAndClosedSlotsAreRefused() {
        var core = Fixture.core()
        #expect(
            core.book(Fixture.slot(OfficeID("nowhere")), for: Fixture.citizen(1), now: now).refusal
                == .unknownOffice(OfficeID("nowhere")))
        #expect(
            core.book(Fixture.slot(Fixture.a1, ServiceID("sim")), for: Fixture.citizen(1), now: now).refusal
                == .unknownService(ServiceID("sim")))
        #expect(
            core.book(Fixture.slot(Fixture.a2, Fixture.kk), for: Fixture.citizen(1), now: now).refusal
                == .serviceNotOffered)
        #expect(core.book(Fixture.slot(Fixture.b1), for: Fixture.citizen(1), now: now).refusal == .noSuchSlot)
        #expect(
            core.book(Fixture.slot(Fixture.a1, minute: 487), for: Fixture.citizen(1), now: now).refusal == .noSuchSlot)
        #expect(
            core.book(Fixture.slot(Fixture.a1, minute: 960), for: Fixture.citizen(1), now: now).refusal == .noSuchSlot)
    }

    @Test func bookingWindow() {
        var core = Fixture.core()
        let mondayNine = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 540)
        #expect(
            core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1), now: mondayNine).refusal
                == .outsideBookingWindow)
        let far = Fixture.monday.adding(days: 35)  // a Monday beyond the 30-day horizon
        #expect(
            core.book(Fixture.slot(Fixture.a1, on: far), for: Fixture.citizen(1), now: now).refusal
                == .outsideBookingWindow)
        let edge = Fixture.monday.adding(days: 28)  // 29 days after Sunday: inside
        #expect(core.book(Fixture.slot(Fixture.a1, on: edge), for: Fixture.citizen(1), now: now).value != nil)
    }

    @Test func holdsCountAgainstAvailabilityAndLapse() {
        var core = Fixture.core()
        let slot = Fixture.slot(Fixture.a1)
        #expect(core.hold(slot, for: Fixture.citizen(1), now: now).value?.booking.state == .held)
        #expect(
            core.availability(service: Fixture.ktp, offices: [Fixture.a1], from: now, limit: 1, now: now).first?
                .remaining == 1)
        #expect(core.hold(slot, for: Fixture.citizen(2), now: now).value != nil)
        #expect(core.book(slot, for: Fixture.citizen(3), now: now).refusal == .slotFull)
        // 300 s later both holds have lapsed by themselves.
        let later = now.adding(seconds: 300)
        #expect(core.book(slot, for: Fixture.citizen(3), now: later).value != nil)
        #expect(core.booking(BookingID(1))?.state == .expired)
        #expect(core.confirm(BookingID(2), now: later).refusal == .holdNotActive)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func confirmAHold() {
        var core = Fixture.core()
        let citizen = Fixture.citizen(1)
        let id = core.hold(Fixture.slot(Fixture.a1), for: citizen, now: now).value!.booking.id
        #expect(core.confirm(id, by: Fixture.citizen(2).nikHash, now: now).refusal == .notOwner)
        #expect(core.confirm(id, by: citizen.nikHash, now: now.adding(seconds: 299)).value?.state == .booked)
        #expect(core.confirm(id, now: now).refusal == .holdNotActive)
        #expect(core.confirm(BookingID(99), now: now).refusal == .unknownBooking(BookingID(99)))
    }

    @Test func cancelFreesThePlace() {
        var core = Fixture.core()
        let slot = Fixture.slot(Fixture.a1)
        let first = core.book(slot, for: Fixture.citizen(1), now: now).value!.booking.id
        _ = core.book(slot, for: Fixture.citizen(2), now: now)
        #expect(core.cancel(first, by: Fixture.citizen(2).nikHash, now: now).refusal == .notOwner)
        #expect(core.cancel(first, now: now).value?.state == .cancelled)
        #expect(core.cancel(first, now: now).refusal == .bookingNotActive)
        #expect(core.book(slot, for: Fixture.citizen(3), now: now).value != nil)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func rescheduleMovesAtomicallyAndIsLimited() {
        var core = Fixture.core()
        let citizen = Fixture.citizen(1)
        let id = core.book(Fixture.slot(Fixture.a1), for: citizen, now: now).value!.booking.id
        // Fill 08:15 so the move there is refused and the old place is kept.
        _ = core.book(Fixture.slot(Fixture.a1, minute: 495), for: Fixture.citizen(2), now: now)
        _ = core.book(Fixture.slot(Fixture.a1, minute: 495), for: Fixture.citizen(3), now: now)
        #expect(core.reschedule(id, to: Fixture.slot(Fixture.a1, minute: 495), now: now).refusal == .slotFull)
        #expect(core.booking(id)?.slotStart == Fixture.slot(Fixture.a1).start)
        #expect(core.reschedule(id, to: Fixture.slot(Fixture.a1, Fixture.kk), now: now).refusal == .serviceNotOffered)
        #expect(core.reschedule(id, to: Fixture.slot(Fixture.a2, minute: 600), now: now).value?.office == Fixture.a2)
        #expect(core.reschedule(id, to: Fixture.slot(Fixture.a1, minute: 600), now: now).value?.reschedules == 2)
        #expect(
            core.reschedule(id, to: Fixture.slot(Fixture.a1, minute: 615), now: now).refusal == .rescheduleLimitReached)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func nikLimitCountsActiveBookingsOnly() {
        var core = Fixture.core()
        let citizen = Fixture.citizen(1)
        let first = core.book(Fixture.slot(Fixture.a1), for: citizen, now: now).value!.booking.id
        _ = core.hold(
            Fixture.slot(Fixture.a2), for: Citizen(nikHash: citizen.nikHash, account: AccountID("other")), now: now)
        #expect(core.book(Fixture.slot(Fixture.a1, minute: 600), for: citizen, now: now).refusal == .nikLimitReached)
        _ = core.cancel(first, now: now)
        #expect(core.book(Fixture.slot(Fixture.a1, minute: 600), for: citizen, now: now).value != nil)
    }

    @Test func accountLimitPerSlidingWindow() {
        var rules = AllocatorRules()
        rules.maxBookingsPerAccountPerWindow = 3
        rules.accountWindowSeconds = 3600
        var core = Fixture.core(rules: rules)
        for number in 1...3 {
            #expect(
                core.book(
                    Fixture.slot(Fixture.a2, minute: 480 + Int(number) * 15),
                    for: Fixture.citizen(number, account: "calo"), now: now
                ).value != nil)
        }
        #expect(
            core.book(Fixture.slot(Fixture.a2), for: Fixture.citizen(4, account: "calo"), now: now).refusal
                == .accountLimitReached)
        // Cancelling does not give the allowance back (churn is how scalpers work) …
        _ = core.cancel(BookingID(1), now: now)
        #expect(
            core.book(Fixture.slot(Fixture.a2), for: Fixture.citizen(4, account: "calo"), now: now).refusal
                == .accountLimitReached)
        // … but the window slides.
        #expect(
            core.book(
                Fixture.slot(Fixture.a2), for: Fixture.citizen(4, account: "calo"), now: now.adding(seconds: 3600)
            ).value != nil)
    }

    @Test func dailyQuotaPerService() {
        var core = Fixture.core()
        for number in 0..<3 {
            #expect(
                core.book(
                    Fixture.slot(Fixture.a1, Fixture.kk, minute: 480 + number * 15),
                    for: Fixture.citizen(UInt64(number)), now: now
                ).value != nil)
        }
        #expect(
            core.book(Fixture.slot(Fixture.a1, Fixture.kk, minute: 600), for: Fixture.citizen(9), now: now).refusal
                == .dailyQuotaReached)
        #expect(
            core.availability(service: Fixture.kk, offices: [Fixture.a1], from: now, limit: 1, now: now).first?.slot
                .start
                == Fixture.slot(Fixture.a1, Fixture.kk, on: Fixture.tuesday).start)
    }

    @Test func idempotencyKeyNeverBooksTwice() {
        var core = Fixture.core()
        let citizen = Fixture.citizen(1)
        let slot = Fixture.slot(Fixture.a1)
        let first = core.book(slot, for: citizen, idempotencyKey: "req-1", now: now).value!
        let retry = core.book(slot, for: citizen, idempotencyKey: "req-1", now: now.adding(seconds: 5)).value!
        #expect(!first.isRepeat && retry.isRepeat && retry.booking.id == first.booking.id)
        #expect(core.bookingCount == 1)
        #expect(
            core.book(Fixture.slot(Fixture.a2), for: citizen, idempotencyKey: "req-1", now: now).refusal
                == .idempotencyKeyReused)
        // The same key from another citizen is a different request.
        #expect(core.book(slot, for: Fixture.citizen(2), idempotencyKey: "req-1", now: now).value?.isRepeat == false)
    }

    @Test func availabilityAcrossAKecamatanIsInTimeOrder() {
        var core = Fixture.core()
        let slots = core.availability(service: Fixture.ktp, kecamatan: KecamatanID("A"), from: now, limit: 4, now: now)
        #expect(slots.map(\.slot.office) == [Fixture.a1, Fixture.a2, Fixture.a1, Fixture.a2])
        #expect(slots.map(\.remaining) == [2, 4, 2, 4])
        let priority = core.availability(
            service: Fixture.ktp, offices: [Fixture.a1], isPriority: true, from: now, limit: 1, now: now)
        #expect(priority.first?.remaining == 3)
        // Kecamatan B's only office is closed on Monday: its first slot is Tuesday 08:00.
        let b = core.availability(service: Fixture.ktp, kecamatan: KecamatanID("B"), from: now, limit: 1, now: now)
        #expect(b.first?.slot.start == Fixture.slot(Fixture.b1, on: Fixture.tuesday).start)
    }
}
