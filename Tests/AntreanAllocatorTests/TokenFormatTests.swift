import AntreanAllocator
import Crypto
import Foundation
import Testing

/// The QR token's wire format, checked against its specification with independent tools (swift-crypto's
/// one-shot HMAC, Foundation's Base64): tokens printed on paper must verify after any refactoring.
@Suite struct TokenFormatTests {
    let keyBytes = TestKeys.format
    let nikHash = NIKHash(word0: 0x0102_0304_0506_0708, word1: 0x1112_1314_1516_1718, word2: 0xA1A2, word3: 0xFFFF)
    /// 2026-11-18 09:20 UTC and 14:50 UTC: whole minutes, as slot grids are.
    let slotStart = Instant(secondsSinceEpoch: 1_795_000_800)
    let expiresAt = Instant(secondsSinceEpoch: 1_795_020_600)

    func claims(office: String, booking: UInt64 = 4_242) -> QRTokenClaims {
        QRTokenClaims(
            keyID: "k7", booking: BookingID(booking), office: OfficeID(office), slotStart: slotStart,
            nikHash: nikHash, expiresAt: expiresAt)
    }

    func bigEndian(_ value: some FixedWidthInteger) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }

    func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    func tag(_ message: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: keyBytes)))
    }

    /// `AQ2.<key id>.<base64url(payload · tag)>`: payload = booking (8) · slot start in minutes (4) ·
    /// minutes to expiry (2) · first 8 bytes of the NIK hash · office id (UTF-8), big-endian; tag = the
    /// first 16 bytes of HMAC-SHA256(key, "AQ2." · key id · 0x00 · payload).
    func expectedToken(_ claims: QRTokenClaims, keyID: String) -> String {
        let slotMinutes = claims.slotStart.secondsSinceEpoch / 60
        let payload =
            bigEndian(claims.booking.rawValue) + bigEndian(UInt32(slotMinutes))
            + bigEndian(UInt16(claims.expiresAt.secondsSinceEpoch / 60 - slotMinutes))
            + bigEndian(claims.nikHashPrefix) + Array(claims.office.rawValue.utf8)
        let message = Array("AQ2.\(keyID)".utf8) + [0] + payload
        return "AQ2.\(keyID).\(base64URL(payload + tag(message).prefix(16)))"
    }

    /// The first release's `AQ1.<key id>.<base64url(payload)>.<base64url(tag)>`: payload = booking · slot ·
    /// expiry (8-byte seconds) · NIK hash (32) · office id; the whole 32-byte tag over "AQ1." · key id · 0 · payload.
    func firstReleaseToken(_ claims: QRTokenClaims, keyID: String, tagBytes: Int = 32) -> String {
        let payload =
            bigEndian(claims.booking.rawValue) + bigEndian(claims.slotStart.secondsSinceEpoch)
            + bigEndian(claims.expiresAt.secondsSinceEpoch) + nikHash.bytes + Array(claims.office.rawValue.utf8)
        let message = Array("AQ1.\(keyID)".utf8) + [0] + payload
        return "AQ1.\(keyID).\(base64URL(payload)).\(base64URL(tag(message).prefix(tagBytes)))"
    }

    @Test(arguments: ["a", "kel-a1", "sambutan", "kec_samarinda_ulu", "mal-pelayanan-publik-samarinda", "kantor-ü"])
    func signedTokenFollowsTheSpecification(office: String) {
        let signer = try! QRTokenSigner(keyID: "k7", keyBytes: keyBytes)
        let token = try! signer.sign(claims(office: office))
        #expect(token == expectedToken(claims(office: office), keyID: "k7"))
        #expect(signer.verify(token) == .valid(claims(office: office)))
    }

    /// Lengths also computed with Python's hmac and base64 modules.
    @Test func tokensAreFarShorterThanTheFirstRelease() {
        let signer = try! QRTokenSigner(keyID: "k7", keyBytes: keyBytes)
        let office = "sungai_pinang_dalam"
        #expect(try! signer.sign(claims(office: office)).utf8.count == 83)
        #expect(firstReleaseToken(claims(office: office), keyID: "k7").utf8.count == 151)
    }

    @Test func knownTokensStillVerify() {
        // Printed by each version of the format (the AQ2 one also by Python's hmac and base64 modules); a
        // change here strands every QR code already issued. (Re-printed with Python's hmac and base64
        // when the test key became a random one: the all-sevens key is now refused.)
        let signer = try! QRTokenSigner(keyID: "k7", keyBytes: keyBytes)
        let current = "AQ2.k7.AAAAAAAAEJIByH4IAUoBAgMEBQYHCGtlbC1hMRc8jOCD3WS4GZDmA6OaQSg"
        #expect(try! signer.sign(claims(office: "kel-a1")) == current)
        #expect(signer.verify(current) == .valid(claims(office: "kel-a1")))
        let firstRelease =
            "AQ1.k7.AAAAAAAAEJIAAAAAav2GwAAAAABq_dTgAQIDBAUGBwgREhMUFRYXGAAAAAAAAKGiAAAAAAAA__9rZWwtYTE."
            + "MC7THO2enTlR9AYZF5CXe8oIwS-XQ5hniD-4obVWJXU"
        let firstClaims = QRTokenClaims(
            keyID: "k7", booking: BookingID(4_242), office: OfficeID("kel-a1"),
            slotStart: Instant(secondsSinceEpoch: 1_795_000_000), nikHash: nikHash,
            expiresAt: Instant(secondsSinceEpoch: 1_795_020_000))
        #expect(signer.verify(firstRelease) == .valid(firstClaims))
        #expect(firstReleaseToken(firstClaims, keyID: "k7") == firstRelease)
    }

    @Test func firstReleaseTokensNeedTheirWholeTag() {
        let signer = try! QRTokenSigner(keyID: "k7", keyBytes: keyBytes)
        let whole = firstReleaseToken(claims(office: "kel-a1"), keyID: "k7")
        #expect(signer.verify(whole) == .valid(claims(office: "kel-a1")))
        // A genuine prefix of the tag, as long as AQ2's, is still refused for AQ1.
        let truncated = firstReleaseToken(claims(office: "kel-a1"), keyID: "k7", tagBytes: 16)
        #expect(signer.verify(truncated) == .badSignature(claimedBooking: BookingID(4_242)))
    }

    @Test func malformedShapesAreRefusedBeforeTheSignature() {
        let signer = try! QRTokenSigner(keyID: "k7", keyBytes: keyBytes)
        let good = try! signer.sign(claims(office: "kel-a1"))
        let parts = good.split(separator: ".").map(String.init)
        let body = parts[2]
        for bad in [
            "", "AQ2", "AQ2..", "AQ3.k7.\(body)", "AQ2..\(body)", "AQ2.k7.\(body).x", "AQ2.k7.\(body.dropLast())",
            "AQ2.k7.\(body)+", "AQ2.k7.\(body)=", "AQ2.k7.AAAA", "AQ2.k7.\(body.prefix(48))", "aq2.k7.\(body)",
        ] {
            #expect(signer.verify(bad) == .malformed, "\(bad)")
        }
        // Well-formed but a wrong tag or an unknown key: a signature failure that names the booking.
        let flippedTag = String(body.dropLast()) + (body.last == "A" ? "Q" : "A")
        for bad in ["AQ2.k7.\(flippedTag)", "AQ2.k8.\(body)"] {
            #expect(signer.verify(bad) == .badSignature(claimedBooking: BookingID(4_242)), "\(bad)")
        }
    }

    @Test func claimsOutsideTheCompactRangeAreNamed() {
        #expect(claims(office: "a").fitsToken)
        var odd = claims(office: "a")
        odd.slotStart = odd.slotStart.adding(seconds: 30)
        #expect(!odd.fitsToken)
        var long = claims(office: "a")
        long.expiresAt = long.slotStart.adding(minutes: 65_536)
        #expect(!long.fitsToken)
        long.expiresAt = long.slotStart.adding(minutes: 65_535)
        #expect(long.fitsToken)
        var before = claims(office: "a")
        before.expiresAt = before.slotStart.adding(minutes: -1)
        #expect(!before.fitsToken)
    }
}
