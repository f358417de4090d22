import AntreanAllocator
import Crypto
import Foundation
import Testing

/// The QR token's wire format, checked against its specification with independent tools (swift-crypto's
/// one-shot HMAC, Foundation's Base64): tokens printed on paper must verify after any refactoring.
@Suite struct TokenFormatTests {
    let keyBytes = Array(repeating: UInt8(7), count: 32)
    let nikHash = NIKHash(word0: 0x0102_0304_0506_0708, word1: 0x1112_1314_1516_1718, word2: 0xA1A2, word3: 0xFFFF)

    func claims(office: String, booking: UInt64 = 4_242) -> QRTokenClaims {
        QRTokenClaims(
            keyID: "k7", booking: BookingID(booking), office: OfficeID(office),
            slotStart: Instant(secondsSinceEpoch: 1_795_000_000), nikHash: nikHash,
            expiresAt: Instant(secondsSinceEpoch: 1_795_020_000))
    }

    /// `AQ1.<key id>.<base64url(payload)>.<base64url(HMAC-SHA256(key, "AQ1." · key id · 0x00 · payload))>`, with
    /// payload = booking · slot · expiry (big-endian 64-bit) · NIK hash (32) · office id (UTF-8).
    func expectedToken(_ claims: QRTokenClaims, keyID: String) -> String {
        var payload: [UInt8] = []
        for word in [
            claims.booking.rawValue, UInt64(bitPattern: claims.slotStart.secondsSinceEpoch),
            UInt64(bitPattern: claims.expiresAt.secondsSinceEpoch),
        ] {
            payload += withUnsafeBytes(of: word.bigEndian, Array.init)
        }
        payload += claims.nikHash.bytes + Array(claims.office.rawValue.utf8)
        let message = Array("AQ1.\(keyID)".utf8) + [0] + payload
        let tag = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: keyBytes))
        func base64URL(_ bytes: some Sequence<UInt8>) -> String {
            Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return "AQ1.\(keyID).\(base64URL(payload)).\(base64URL(Array(tag)))"
    }

    @Test(arguments: ["a", "kel-a1", "sambutan", "kec_samarinda_ulu", "mal-pelayanan-publik-samarinda", "kantor-ü"])
    func signedTokenFollowsTheSpecification(office: String) {
        let signer = QRTokenSigner(keyID: "k7", keyBytes: keyBytes)
        let token = signer.sign(claims(office: office))
        #expect(token == expectedToken(claims(office: office), keyID: "k7"))
        #expect(signer.verify(token) == .valid(claims(office: office)))
    }

    @Test func knownTokenStillVerifies() {
        // Printed by the first release of the format; a change here strands every QR code already issued.
        let printed =
            "AQ1.k7.AAAAAAAAEJIAAAAAav2GwAAAAABq_dTgAQIDBAUGBwgREhMUFRYXGAAAAAAAAKGiAAAAAAAA__9rZWwtYTE."
            + "wrGTHrIdvRhbtbIqv5Mi8J24wx8a2gpna-HNXHK2jYQ"
        let signer = QRTokenSigner(keyID: "k7", keyBytes: keyBytes)
        #expect(signer.sign(claims(office: "kel-a1")) == printed)
        #expect(signer.verify(printed) == .valid(claims(office: "kel-a1")))
    }

    @Test func malformedShapesAreRefusedBeforeTheSignature() {
        let signer = QRTokenSigner(keyID: "k7", keyBytes: keyBytes)
        let good = signer.sign(claims(office: "kel-a1"))
        let parts = good.split(separator: ".").map(String.init)
        for bad in [
            "", "AQ1", "AQ1...", "AQ2.k7.\(parts[2]).\(parts[3])", "AQ1..\(parts[2]).\(parts[3])",
            "AQ1.k7.\(parts[2]).\(parts[3]).x", "AQ1.k7.\(parts[2].dropLast()).\(parts[3])",
            "AQ1.k7.\(parts[2])+.\(parts[3])", "AQ1.k7.AAAA.\(parts[3])", "AQ1.k7.\(parts[2]).\(parts[3])=",
        ] {
            #expect(signer.verify(bad) == .malformed, "\(bad)")
        }
        // Well-formed but wrong tag lengths or an unknown key: a signature failure that names the booking.
        for bad in [
            "AQ1.k7.\(parts[2]).\(parts[3].dropLast(3))", "AQ1.k7.\(parts[2]).", "AQ1.k8.\(parts[2]).\(parts[3])",
        ] {
            #expect(signer.verify(bad) == .badSignature(claimedBooking: BookingID(4_242)), "\(bad)")
        }
    }
}
