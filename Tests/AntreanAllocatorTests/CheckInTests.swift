import AntreanAllocator
import Testing

@Suite struct CheckInTests {
    let now = Fixture.sundayNoon
    let eight = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 480)

    func bookedCore() -> (AllocatorCore, BookingID, String) {
        var core = Fixture.core()
        let id = core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1), now: now).value!.booking.id
        let token = core.issueToken(for: id, now: now).value!
        return (core, id, token)
    }

    @Test func onTimeCheckInAndSingleUse() {
        var (core, id, token) = bookedCore()
        let receipt = core.checkIn(token: token, at: Fixture.a1, now: eight.adding(minutes: -30)).value
        #expect(receipt?.timing == .onTime)
        #expect(receipt?.booking.state == .checkedIn && receipt?.booking.checkedInAt == eight.adding(minutes: -30))
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight).refusal == .token(.replayed))
        #expect(core.booking(id)?.state == .checkedIn)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func windowEdges() {
        var (core, _, token) = bookedCore()
        #expect(
            core.checkIn(token: token, at: Fixture.a1, now: eight.adding(minutes: -31)).refusal
                == .token(.outsideWindow))
        #expect(core.checkIn(token: token, at: Fixture.a2, now: eight).refusal == .token(.wrongOffice))
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight.adding(minutes: 15)).value?.timing == .onTime)
    }

    @Test func lateTheSameDayIsRequeuedAfterOthers() {
        var (core, id, token) = bookedCore()
        #expect(core.releaseNoShows(now: eight.adding(minutes: 16)) == [id])
        #expect(core.booking(id)?.state == .noShow)
        let receipt = core.checkIn(token: token, at: Fixture.a1, now: eight.adding(minutes: 90)).value
        #expect(receipt?.timing == .requeued(afterOthers: 5))
        #expect(receipt?.booking.state == .requeued)
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight.adding(minutes: 91)).refusal == .token(.replayed))
    }

    @Test func expiresWhenTheOfficeCloses() {
        var (core, _, token) = bookedCore()
        let closing = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 960)
        #expect(core.checkIn(token: token, at: Fixture.a1, now: closing.adding(seconds: 1)).refusal == .token(.expired))
    }

    @Test func forgedAlteredAndMalformedTokens() {
        var (core, _, token) = bookedCore()
        #expect(core.checkIn(token: "hello", at: Fixture.a1, now: eight).refusal == .token(.malformed))
        #expect(core.checkIn(token: "AQ1.k1.!!.AA", at: Fixture.a1, now: eight).refusal == .token(.malformed))
        // Same claims signed with a key the office does not know.
        let stranger = try! QRTokenSigner(keyID: "k1", keyBytes: TestKeys.otherToken)
        let claims = QRTokenClaims(
            keyID: "k1", booking: BookingID(1), office: Fixture.a1, slotStart: eight,
            nikHash: Fixture.citizen(1).nikHash, expiresAt: eight.adding(minutes: 480))
        #expect(core.checkIn(token: try! stranger.sign(claims), at: Fixture.a1, now: eight).refusal == .token(.altered))
        var fake = claims
        fake.booking = BookingID(77)
        #expect(core.checkIn(token: try! stranger.sign(fake), at: Fixture.a1, now: eight).refusal == .token(.forged))
        // Flip one character of the payload (within the office id: bytes 22… are characters 30…).
        let prefix = "AQ2.k1."
        var body = Array(token.dropFirst(prefix.count))
        body[31] = body[31] == "A" ? "B" : "A"
        #expect(core.checkIn(token: prefix + String(body), at: Fixture.a1, now: eight).refusal == .token(.altered))
        // Flip one character of the tag.
        body = Array(token.dropFirst(prefix.count))
        body[body.count - 3] = body[body.count - 3] == "A" ? "B" : "A"
        #expect(core.checkIn(token: prefix + String(body), at: Fixture.a1, now: eight).refusal == .token(.altered))
        // The genuine token still works after all those attempts.
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight).value != nil)
    }

    @Test func cancelledOrMovedBookingsRevokeTheirTokens() {
        var (core, id, token) = bookedCore()
        _ = core.reschedule(id, to: Fixture.slot(Fixture.a1, minute: 510), now: now)
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight).refusal == .token(.revoked))
        let fresh = core.issueToken(for: id, now: now).value!
        _ = core.cancel(id, now: now)
        #expect(core.checkIn(token: fresh, at: Fixture.a1, now: eight.adding(minutes: 30)).refusal == .token(.revoked))
        #expect(core.issueToken(for: id, now: now).refusal == .bookingNotActive)
    }

    @Test func keyRotation() throws {
        var (core, _, oldToken) = bookedCore()
        try core.rotateTokenKey(to: "k2", key: TestKeys.otherToken)
        let second = core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(2), now: now).value!.booking.id
        let newToken = core.issueToken(for: second, now: now).value!
        #expect(newToken.hasPrefix("AQ2.k2."))
        #expect(core.checkIn(token: newToken, at: Fixture.a1, now: eight).value != nil)
        // The old key still verifies until it is retired; then its tokens are refused.
        core.retireTokenKey("k1")
        #expect(core.checkIn(token: oldToken, at: Fixture.a1, now: eight).refusal == .token(.altered))
        try core.rotateTokenKey(to: "k1", key: TestKeys.token)
        #expect(core.checkIn(token: oldToken, at: Fixture.a1, now: eight).value != nil)
    }
}
