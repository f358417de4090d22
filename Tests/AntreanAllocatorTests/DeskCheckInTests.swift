import AntreanAllocator
import Testing

/// Check-in at the desk by booking number and e-KTP: the same window, re-queueing and single use as the
/// QR path, its own refusals, and the same outcome as a token for every booking and instant.
@Suite struct DeskCheckInTests {
    let now = Fixture.sundayNoon
    let eight = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 480)
    let owner = Fixture.citizen(1).nikHash

    func bookedCore() -> (AllocatorCore, BookingID) {
        var core = Fixture.core()
        let id = core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1), now: now).value!.booking.id
        return (core, id)
    }

    @Test func onTimeAndSingleUse() {
        var (core, id) = bookedCore()
        let receipt = core.checkIn(booking: id, nik: owner, at: Fixture.a1, now: eight.adding(minutes: -30)).value
        #expect(receipt?.timing == .onTime)
        #expect(receipt?.booking.state == .checkedIn && receipt?.booking.checkedInAt == eight.adding(minutes: -30))
        #expect(core.checkIn(booking: id, nik: owner, at: Fixture.a1, now: eight).refusal == .bookingNotActive)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func refusalsNameWhatIsWrong() {
        var (core, id) = bookedCore()
        #expect(
            core.checkIn(booking: BookingID(99), nik: owner, at: Fixture.a1, now: eight).refusal
                == .unknownBooking(BookingID(99)))
        #expect(
            core.checkIn(booking: id, nik: Fixture.citizen(2).nikHash, at: Fixture.a1, now: eight).refusal
                == .notOwner)
        #expect(core.checkIn(booking: id, nik: owner, at: Fixture.a2, now: eight).refusal == .wrongOffice)
        #expect(
            core.checkIn(booking: id, nik: owner, at: Fixture.a1, now: eight.adding(minutes: -31)).refusal
                == .tooEarlyToCheckIn)
        let closing = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 960)
        #expect(
            core.checkIn(booking: id, nik: owner, at: Fixture.a1, now: closing.adding(seconds: 1)).refusal
                == .checkInClosed)
        // None of those attempts used the booking up.
        #expect(core.booking(id)?.state == .booked)
        #expect(
            core.checkIn(booking: id, nik: owner, at: Fixture.a1, now: closing).value?.timing
                == .requeued(afterOthers: 5))
    }

    @Test func releasedNoShowIsRequeuedAndCancelledIsRefused() {
        var (core, id) = bookedCore()
        #expect(core.releaseNoShows(now: eight.adding(minutes: 16)) == [id])
        #expect(
            core.checkInTiming(booking: id, nik: owner, at: Fixture.a1, now: eight.adding(minutes: 90)).value
                == .requeued(afterOthers: 5))
        #expect(core.booking(id)?.state == .requeued)
        let second = core.book(Fixture.slot(Fixture.a1, minute: 495), for: Fixture.citizen(2), now: now).value!
        _ = core.cancel(second.booking.id, now: now)
        #expect(
            core.checkIn(booking: second.booking.id, nik: Fixture.citizen(2).nikHash, at: Fixture.a1, now: eight)
                .refusal == .bookingNotActive)
    }

    @Test func eitherPathUsesTheBookingUpForTheOther() {
        var (core, id) = bookedCore()
        let token = core.issueToken(for: id, now: now).value!
        #expect(core.checkIn(booking: id, nik: owner, at: Fixture.a1, now: eight).value != nil)
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight).refusal == .token(.replayed))
        var (other, otherID) = bookedCore()
        let otherToken = other.issueToken(for: otherID, now: now).value!
        #expect(other.checkIn(token: otherToken, at: Fixture.a1, now: eight).value != nil)
        #expect(other.checkIn(booking: otherID, nik: owner, at: Fixture.a1, now: eight).refusal == .bookingNotActive)
    }

    /// Twin allocators, one checked in by token and one at the desk, at random instants around the
    /// slot (some after a no-show sweep, some at another office): both accept or both refuse, with the
    /// same timing, and leave the same booking behind. The city model relies on this to offer both.
    @Test func sameOutcomeAsTheTokenPath() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            var (byToken, id) = bookedCore()
            var atDesk = byToken
            let at = eight.adding(minutes: Int.random(in: -60...540, using: &random))
            let office = Int.random(in: 0..<8, using: &random) == 0 ? Fixture.a2 : Fixture.a1
            if Bool.random(using: &random) {
                _ = byToken.releaseNoShows(now: at)
                _ = atDesk.releaseNoShows(now: at)
            }
            let token = byToken.issueToken(for: id, now: now).value!
            let scanned = byToken.checkIn(token: token, at: office, now: at)
            let entered = atDesk.checkIn(booking: id, nik: owner, at: office, now: at)
            #expect(scanned.value?.timing == entered.value?.timing, "at \(at) in \(office)")
            #expect(scanned.refusal.map(Self.deskEquivalent) == entered.refusal, "at \(at) in \(office)")
            #expect(byToken.booking(id) == atDesk.booking(id))
        }
    }

    /// The desk's refusal for what a token check refused.
    static func deskEquivalent(_ refusal: AllocationRefusal) -> AllocationRefusal {
        switch refusal {
        case .token(.outsideWindow): .tooEarlyToCheckIn
        case .token(.expired): .checkInClosed
        case .token(.wrongOffice): .wrongOffice
        case .token(.replayed), .token(.revoked): .bookingNotActive
        default: refusal
        }
    }
}
