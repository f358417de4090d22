import AntreanAllocator
import Crypto

/// The signature of a webhook request (docs/webhooks.md): the header `Antrean-Timestamp` holds the
/// Unix time of the attempt in seconds, and `Antrean-Signature` holds `v1=` and the lowercase hex of
/// HMAC-SHA256 (RFC 2104) keyed with the subscriber's secret over `"<timestamp>.<body>"`. Signing the
/// timestamp with the body lets a receiver refuse a replayed request once it is older than its tolerance.
public enum WebhookSignature {
    /// The scheme tag in front of the hex digest; a later scheme gets a new tag, so receivers can
    /// accept both during a change.
    public static let scheme = "v1"

    /// `v1=<hex>` for `body` sent at `timestamp` (decimal Unix seconds). O(body).
    public static func sign(body: [UInt8], timestamp: String, secret: String) -> String {
        scheme + "=" + hex(mac(body: body, timestamp: timestamp, secret: secret))
    }

    /// Checks a received request as a portal should: the timestamp is decimal seconds within `tolerance`
    /// of `now`, and one of the comma-separated `v1=` entries of `signature` is the HMAC of
    /// `"<timestamp>.<body>"` (compared in constant time). Throws why it is refused. O(body).
    public static func verify(
        body: [UInt8], timestamp: String, signature: String, secret: String, tolerance: Int64 = 300,
        now: Instant
    ) throws(WebhookSignatureError) {
        guard !timestamp.isEmpty, timestamp.utf8.count <= 18, timestamp.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let seconds = Int64(timestamp)
        else { throw .malformedTimestamp }
        let age = now.secondsSinceEpoch.subtractingReportingOverflow(seconds)
        guard !age.overflow, age.partialValue.magnitude <= tolerance.magnitude else { throw .staleTimestamp }
        let expected = mac(body: body, timestamp: timestamp, secret: secret)
        var sawEntry = false
        for entry in signature.split(separator: ",") {
            let parts = entry.trimmingSpaces.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == Substring(scheme) else { continue }
            sawEntry = true
            if let digest = bytes(hex: parts[1]), ConstantTime.equal(digest, expected) { return }
        }
        throw sawEntry ? .mismatch : .malformedSignature
    }

    static func mac(body: [UInt8], timestamp: String, secret: String) -> [UInt8] {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.utf8)))
        hmac.update(data: Array(timestamp.utf8))
        hmac.update(data: [UInt8(ascii: ".")])
        hmac.update(data: body)
        return Array(hmac.finalize())
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of lowercase or uppercase hex `text`; nil when it is not an even-length hex string.
    static func bytes(hex text: Substring) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count.isMultiple(of: 2) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 97...102: byte - 87
        case 65...70: byte - 55
        default: nil
        }
    }
}

/// Why a webhook request's signature was refused.
public enum WebhookSignatureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `Antrean-Timestamp` is not decimal Unix seconds.
    case malformedTimestamp
    /// The timestamp is further from now than the tolerance (a replay, or a clock far off).
    case staleTimestamp
    /// `Antrean-Signature` has no `v1=` entry.
    case malformedSignature
    /// No `v1=` entry matches: the body, timestamp or secret differs.
    case mismatch

    public var description: String {
        switch self {
        case .malformedTimestamp: "Antrean-Timestamp is not decimal Unix seconds"
        case .staleTimestamp: "Antrean-Timestamp is outside the tolerance"
        case .malformedSignature: "Antrean-Signature has no v1= entry"
        case .mismatch: "Antrean-Signature does not match the body and timestamp"
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
