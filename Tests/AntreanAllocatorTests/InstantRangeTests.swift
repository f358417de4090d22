import AntreanAllocator
import Testing

/// Instants the allocator cannot represent everywhere (a token's slot is unsigned minutes since 1970)
/// are refused up front, by the time parser's caller and by the allocator itself, never trapped on.
@Suite struct InstantRangeTests {
    /// Seconds since the epoch of a UTC date and time, computed with Hinnant's days_from_civil
    /// independently of ``LocalDate`` (the parser's own helper).
    static func epochSeconds(_ y: Int, _ m: Int, _ d: Int, _ hh: Int = 0, _ mm: Int = 0, _ ss: Int = 0) -> Int64 {
        let year = m <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Int64(days) * 86_400 + Int64(hh * 3600 + mm * 60 + ss)
    }

    @Test func wellFormedInstantsParse() {
        let cases: [(String, Int64)] = [
            ("2026-11-22T12:00:05+08:00", Self.epochSeconds(2026, 11, 22, 4, 0, 5)),
            ("2026-11-22T12:00Z", Self.epochSeconds(2026, 11, 22, 12)),
            ("2024-02-29T23:59:59-14:00", Self.epochSeconds(2024, 3, 1, 13, 59, 59)),
            ("2000-01-01T00:00:00+05:30", Self.epochSeconds(1999, 12, 31, 18, 30)),
            ("1969-12-31T23:59:59Z", -1),
        ]
        for (text, seconds) in cases {
            #expect(Instant(iso8601: text) == Instant(secondsSinceEpoch: seconds), "\(text)")
        }
    }

    /// The forms a fuzzer found accepted, and their neighbours: every field must have its digits and range.
    @Test(arguments: [
        "2026-11-22T12:00:00+99:99", "2026-11-22T12:00:00+1:+1", "2026-11-22T-1:00:00Z", "2026-11-22T24:00:00Z",
        "2026-11-22T12:60:00Z", "2026-11-22T12:00:60Z", "2026-11-22T12:00:00+15:00", "2026-11-22T12:00:00+08:60",
        "2026-02-29T12:00:00Z", "2026-13-01T12:00:00Z", "2026-00-10T12:00:00Z", "2026-11-00T12:00:00Z",
        "+999-11-22T12:00:00Z", "2026-11-22 12:00:00Z", "2026-11-22T12:00:00", "2026-11-22T12:00:00.5Z",
        "2026-11-22T12:00:00+0800", "2026-11-22T12:00:00Zjunk", "2026-1-22T12:00:00Z", "２０２６-11-22T12:00:00Z",
        "2026-11-22T1 :00:00Z", "", "2026-11-22T12:00:00z",
    ])
    func malformedInstantsAreRefused(text: String) {
        #expect(Instant(iso8601: text) == nil)
    }

    @Test func supportedRangeIsTwoCenturies() {
        #expect(Instant.supportedRange.lowerBound.secondsSinceEpoch == Self.epochSeconds(2000, 1, 1))
        #expect(Instant.supportedRange.upperBound.secondsSinceEpoch == Self.epochSeconds(2199, 12, 31, 23, 59, 59))
        for text in [
            "0000-01-01T00:00:00Z", "0001-06-15T08:00:00+08:00", "1969-12-31T23:59:00Z",
            "1999-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        ] {
            #expect(Instant(iso8601: text)?.isSupported == false, "\(text)")
        }
        #expect(Instant(iso8601: "2000-01-01T00:00:00Z")?.isSupported == true)
        #expect(Instant(iso8601: "2199-12-31T23:59:59Z")?.isSupported == true)
    }

    /// A request dated 1960 used to be booked and then trap in the token signer; now nothing changes.
    @Test(arguments: [
        Instant(secondsSinceEpoch: -315_619_200), Instant(secondsSinceEpoch: InstantRangeTests.epochSeconds(1, 1, 1)),
        Instant(secondsSinceEpoch: InstantRangeTests.epochSeconds(9999, 1, 1)), Instant(secondsSinceEpoch: .min),
        Instant(secondsSinceEpoch: .max),
    ])
    func theAllocatorRefusesInstantsOutsideTheRange(now: Instant) {
        var core = Fixture.core()
        let slot = SlotRef(office: Fixture.a1, service: Fixture.ktp, start: now.adding(seconds: 0))
        #expect(core.book(slot, for: Fixture.citizen(1), now: now).refusal == .instantOutOfRange)
        #expect(core.hold(slot, for: Fixture.citizen(1), now: now).refusal == .instantOutOfRange)
        let request = PlacementRequest(service: Fixture.ktp, homeOffice: Fixture.a1, citizen: Fixture.citizen(1))
        #expect(core.place(request, now: now).refusal == .instantOutOfRange)
        #expect(
            core.registerWalkIn(office: Fixture.a1, service: Fixture.ktp, citizen: Fixture.citizen(2), now: now)
                .refusal == .instantOutOfRange)
        #expect(core.availability(service: Fixture.ktp, offices: [Fixture.a1], from: now, limit: 3, now: now).isEmpty)
        #expect(core.releaseNoShows(now: now).isEmpty)
        #expect(core.bookingCount == 0 && core.drainChanges().isEmpty)
    }

    /// A booking made in range cannot be moved, tokened or checked in with an out-of-range instant.
    @Test func operationsOnABookingRefuseOutOfRangeInstants() {
        var core = Fixture.core()
        let now = Fixture.sundayNoon
        let id = core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1), now: now).value!.booking.id
        let token = core.issueToken(for: id, now: now).value!
        _ = core.drainChanges()
        let past = Instant(secondsSinceEpoch: -86_400 * 365 * 10)
        let moved = SlotRef(office: Fixture.a1, service: Fixture.ktp, start: past)
        #expect(core.reschedule(id, to: moved, now: now).refusal == .instantOutOfRange)
        #expect(core.issueToken(for: id, now: past).refusal == .instantOutOfRange)
        #expect(core.checkIn(token: token, at: Fixture.a1, now: past).refusal == .instantOutOfRange)
        #expect(core.cancel(id, now: past).refusal == .instantOutOfRange)
        #expect(core.drainChanges().isEmpty && core.booking(id)?.state == .booked)
    }

    /// The signer itself refuses claims its compact form cannot carry, instead of trapping.
    @Test func theSignerThrowsOnClaimsThatDoNotFit() {
        let slot = Instant(secondsSinceEpoch: -315_619_200)
        let claims = QRTokenClaims(
            keyID: "k1", booking: BookingID(1), office: Fixture.a1, slotStart: slot,
            nikHash: Fixture.citizen(1).nikHash, expiresAt: slot.adding(minutes: 60))
        #expect(throws: QRTokenError.claimsDoNotFit) { try TestKeys.signer.sign(claims) }
        var longLived = claims
        longLived.slotStart = Fixture.sundayNoon
        longLived.expiresAt = Fixture.sundayNoon.adding(minutes: 65_536)
        #expect(throws: QRTokenError.claimsDoNotFit) { try TestKeys.signer.sign(longLived) }
    }
}

extension InstantRangeTests {
    /// Logging an instant read from a damaged row or request must not trap, whatever its value.
    @Test func everyInstantHasADescription() {
        #expect(Instant(secondsSinceEpoch: .min).description.hasSuffix("Z"))
        #expect(Instant(secondsSinceEpoch: .max).description.hasSuffix("Z"))
        #expect(Instant(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
        #expect(Instant(secondsSinceEpoch: -86_400).description == "1969-12-31T00:00:00Z")
        #expect(Instant(secondsSinceEpoch: 1_795_000_800).description == "2026-11-18T11:20:00Z")  // Python datetime
    }
}
