import AntreanAllocator
import Testing

@Suite struct WalkInAndNoShowTests {
    let eight = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 480)

    @Test func walkInsUseTheirReserveOfTheCurrentSlotThenLater() {
        var core = Fixture.core()
        let at = eight.adding(minutes: 20)  // inside the 08:15 slot
        let first = core.registerWalkIn(office: Fixture.a1, service: Fixture.ktp, citizen: Fixture.citizen(1), now: at)
            .value
        #expect(first?.booking.slotStart == eight.adding(minutes: 15))
        #expect(first?.booking.pool == .walkIn && first?.booking.state == .checkedIn)
        let second = core.registerWalkIn(office: Fixture.a1, service: Fixture.ktp, citizen: Fixture.citizen(2), now: at)
            .value
        #expect(second?.booking.slotStart == eight.adding(minutes: 30))
        let priority = core.registerWalkIn(
            office: Fixture.a1, service: Fixture.ktp, citizen: Fixture.citizen(3, priority: true), now: at
        ).value
        #expect(priority?.booking.pool == .priority && priority?.booking.slotStart == eight.adding(minutes: 15))
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func walkInRefusals() {
        var core = Fixture.core()
        // a2 keeps no walk-in reserve at all.
        #expect(
            core.registerWalkIn(office: Fixture.a2, service: Fixture.ktp, citizen: Fixture.citizen(1), now: eight)
                .refusal
                == .walkInReserveFull)
        let closed = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 965)
        #expect(
            core.registerWalkIn(office: Fixture.a1, service: Fixture.ktp, citizen: Fixture.citizen(1), now: closed)
                .refusal
                == .noSuchSlot)
        #expect(
            core.registerWalkIn(office: Fixture.b1, service: Fixture.ktp, citizen: Fixture.citizen(1), now: eight)
                .refusal
                == .noSuchSlot)
        // The last slot's one walk-in place, then nothing is left today.
        let late = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 950)
        #expect(
            core.registerWalkIn(office: Fixture.a1, service: Fixture.ktp, citizen: Fixture.citizen(1), now: late).value
                != nil)
        #expect(
            core.registerWalkIn(office: Fixture.a1, service: Fixture.ktp, citizen: Fixture.citizen(2), now: late)
                .refusal
                == .walkInReserveFull)
    }

    @Test func overflowTakesUnsoldOnlinePlacesOnlyWhenAsked() {
        var core = Fixture.core()
        // a2 keeps no walk-in reserve: without overflow the walk-in is refused, with it the desk sells
        // the current slot's unsold online place.
        #expect(
            core.registerWalkIn(office: Fixture.a2, service: Fixture.ktp, citizen: Fixture.citizen(1), now: eight)
                .refusal == .walkInReserveFull)
        let sold = core.registerWalkIn(
            office: Fixture.a2, service: Fixture.ktp, citizen: Fixture.citizen(1), now: eight, overflowToOnline: true
        ).value
        #expect(sold?.booking.pool == .online && sold?.booking.state == .checkedIn)
        #expect(sold?.booking.slotStart == eight)
        // Once every online place of the day is gone, overflow is refused too.
        var refusal: AllocationRefusal?
        for serial in 2..<500 {
            refusal =
                core.registerWalkIn(
                    office: Fixture.a2, service: Fixture.ktp, citizen: Fixture.citizen(serial), now: eight,
                    overflowToOnline: true
                ).refusal
            if refusal != nil { break }
        }
        #expect(refusal == .walkInReserveFull || refusal == .dailyQuotaReached)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func noShowsAreReleasedOnlyAfterTheGrace() {
        var core = Fixture.core()
        let sunday = Fixture.sundayNoon
        let shows = core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1), now: sunday).value!.booking.id
        let skips = core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(2), now: sunday).value!.booking.id
        let moved = core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(3, priority: true), now: sunday).value!
            .booking.id
        _ = core.reschedule(moved, to: Fixture.slot(Fixture.a1, minute: 600), now: sunday)
        let token = core.issueToken(for: shows, now: sunday).value!
        _ = core.checkIn(token: token, at: Fixture.a1, now: eight)
        #expect(core.releaseNoShows(now: eight.adding(minutes: 15)).isEmpty)
        #expect(core.releaseNoShows(now: eight.adding(minutes: 15).adding(seconds: 1)) == [skips])
        #expect(core.booking(skips)?.state == .noShow)
        #expect(core.booking(moved)?.state == .booked)
        #expect(core.invariantViolations().isEmpty)
        // The released citizen may book again (the NIK's active count dropped).
        let snapshot = core.snapshot(at: eight)
        #expect(snapshot.activeByNIK[Fixture.citizen(2).nikHash] == nil)
    }
}
