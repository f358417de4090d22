import AntreanAllocator
import Crypto
import Foundation
import Testing

/// A token's own expiry is signed by the office, but a stolen or mis-issued key could sign any expiry:
/// check-in also bounds every token by its booking's day, whatever the token says.
@Suite struct TokenLifetimeTests {
    let now = Fixture.sundayNoon
    let eight = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 480)

    func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    func bigEndian(_ value: some FixedWidthInteger) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }

    /// A correctly signed first-release (AQ1) token, which carries its expiry in full seconds, built
    /// from the format's specification with swift-crypto's one-shot HMAC.
    func firstReleaseToken(booking: BookingID, nikHash: NIKHash, slotStart: Instant, expiresAt: Instant) -> String {
        let payload =
            bigEndian(booking.rawValue) + bigEndian(slotStart.secondsSinceEpoch)
            + bigEndian(expiresAt.secondsSinceEpoch)
            + nikHash.bytes + Array(Fixture.a1.rawValue.utf8)
        let message = Array("AQ1.k1".utf8) + [0] + payload
        let tag = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: TestKeys.token)))
        return "AQ1.k1.\(base64URL(payload)).\(base64URL(tag))"
    }

    @Test func aOneYearTokenIsRefusedADayLate() {
        var core = Fixture.core()
        let citizen = Fixture.citizen(1)
        let id = core.book(Fixture.slot(Fixture.a1), for: citizen, now: now).value!.booking.id
        let token = firstReleaseToken(
            booking: id, nikHash: citizen.nikHash, slotStart: eight, expiresAt: eight.adding(minutes: 365 * 24 * 60))
        guard case .valid(let claims) = TestKeys.signer.verify(token) else {
            Issue.record("the hand-built token does not verify")
            return
        }
        #expect(claims.expiresAt == eight.adding(minutes: 365 * 24 * 60))
        let dayLate = eight.adding(minutes: 24 * 60)
        #expect(core.checkIn(token: token, at: Fixture.a1, now: dayLate).refusal == .token(.outsideWindow))
        // The same token is good on the booking's day: only the day bound refused it.
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight).value?.timing == .onTime)
    }

    /// The current (AQ2) form carries up to 45 days of expiry; the booking's day still bounds it.
    @Test func aFortyFiveDayCompactTokenIsRefusedAfterTheOfficeCloses() throws {
        var core = Fixture.core()
        let citizen = Fixture.citizen(1)
        let id = core.book(Fixture.slot(Fixture.a1), for: citizen, now: now).value!.booking.id
        let token = try TestKeys.signer.sign(
            QRTokenClaims(
                keyID: "k1", booking: id, office: Fixture.a1, slotStart: eight, nikHash: citizen.nikHash,
                expiresAt: eight.adding(minutes: 65_535)))
        let closing = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 960)
        #expect(
            core.checkIn(token: token, at: Fixture.a1, now: closing.adding(seconds: 1)).refusal
                == .token(.outsideWindow))
        #expect(core.checkIn(token: token, at: Fixture.a1, now: closing).value?.timing == .requeued(afterOthers: 5))
    }
}
