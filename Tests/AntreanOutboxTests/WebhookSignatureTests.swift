import AntreanAllocator
import AntreanOutbox
import Crypto
import Foundation
import Testing

/// The signature recipe: HMAC-SHA256 over "<timestamp>.<body>", checked against an independent HMAC,
/// against the Node snippet of docs/webhooks.md, and refused when the body, timestamp or secret changes.
@Suite struct WebhookSignatureTests {
    static let secret = "whsec_3b1f9e2c7d"
    static let body = Array(#"{"id":"evt_1_1","type":"booking.booked"}"#.utf8)
    static let now = Instant(secondsSinceEpoch: 1_795_000_000)
    static let timestamp = "1795000000"

    @Test func theSignatureIsTheHMACOfTimestampDotBody() {
        let signature = WebhookSignature.sign(body: Self.body, timestamp: Self.timestamp, secret: Self.secret)
        let independent = HMAC<SHA256>.authenticationCode(
            for: Array((Self.timestamp + ".").utf8) + Self.body, using: SymmetricKey(data: Array(Self.secret.utf8)))
        #expect(signature == "v1=" + independent.map { String(format: "%02x", $0) }.joined())
    }

    @Test func aGenuineRequestVerifies() throws {
        let signature = WebhookSignature.sign(body: Self.body, timestamp: Self.timestamp, secret: Self.secret)
        try WebhookSignature.verify(
            body: Self.body, timestamp: Self.timestamp, signature: signature, secret: Self.secret, now: Self.now)
        // Within the tolerance either way; an old secret's entry beside the new one (rotation) is fine.
        try WebhookSignature.verify(
            body: Self.body, timestamp: Self.timestamp, signature: "v1=00ff, " + signature, secret: Self.secret,
            now: Self.now.adding(seconds: 300))
        try WebhookSignature.verify(
            body: Self.body, timestamp: Self.timestamp,
            signature: signature.uppercased().replacingOccurrences(
                of: "V1=", with: "v1="), secret: Self.secret, now: Self.now.adding(seconds: -300))
    }

    @Test func aTamperedBodyATamperedTimestampOrAnotherSecretFails() {
        let signature = WebhookSignature.sign(body: Self.body, timestamp: Self.timestamp, secret: Self.secret)
        var tampered = Self.body
        tampered[tampered.count - 3] ^= 0x01
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature.verify(
                body: tampered, timestamp: Self.timestamp, signature: signature, secret: Self.secret, now: Self.now)
        }
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature.verify(
                body: Self.body, timestamp: "1795000001", signature: signature, secret: Self.secret, now: Self.now)
        }
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature.verify(
                body: Self.body, timestamp: Self.timestamp, signature: signature, secret: "whsec_other", now: Self.now)
        }
    }

    @Test func aStaleOrMalformedRequestFails() {
        let signature = WebhookSignature.sign(body: Self.body, timestamp: Self.timestamp, secret: Self.secret)
        #expect(throws: WebhookSignatureError.staleTimestamp) {
            try WebhookSignature.verify(
                body: Self.body, timestamp: Self.timestamp, signature: signature, secret: Self.secret,
                now: Self.now.adding(seconds: 301))
        }
        #expect(throws: WebhookSignatureError.staleTimestamp) {
            try WebhookSignature.verify(
                body: Self.body, timestamp: "0", signature: signature, secret: Self.secret,
                now: Instant(secondsSinceEpoch: .max))
        }
        for timestamp in ["", "-5", "17950000.0", "1795000000 ", "99999999999999999999"] {
            #expect(throws: WebhookSignatureError.malformedTimestamp) {
                try WebhookSignature.verify(
                    body: Self.body, timestamp: timestamp, signature: signature, secret: Self.secret, now: Self.now)
            }
        }
        for header in ["", "sha256=abcd", signature.replacingOccurrences(of: "v1=", with: "v2=")] {
            #expect(throws: WebhookSignatureError.malformedSignature) {
                try WebhookSignature.verify(
                    body: Self.body, timestamp: Self.timestamp, signature: header, secret: Self.secret, now: Self.now)
            }
        }
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature.verify(
                body: Self.body, timestamp: Self.timestamp, signature: "v1=zz", secret: Self.secret, now: Self.now)
        }
    }
}
