/// The bytes of the two token versions.
///
/// **AQ2** (signed now): `AQ2.<key id>.<base64url(payload · tag)>`. Payload, big-endian: booking (8) ·
/// slot start in minutes since the epoch (4) · minutes from slot start to expiry (2) · the NIK hash's
/// first 8 bytes · office id (UTF-8, at least one byte). Tag: the first 16 bytes of
/// HMAC-SHA256(key, `AQ2.` · key id · 0x00 · payload), the 128-bit truncation RFC 2104 §5 allows
/// (at least half the hash) and RFC 4868 uses for HMAC-SHA-256-128. About 75 characters for Samarinda's
/// offices, half of AQ1: a smaller QR code, and a message that fits one SHA-256 block when key id and
/// office id total at most 25 bytes.
///
/// **AQ1** (first release; verified, no longer signed): `AQ1.<key id>.<base64url(payload)>.<base64url(tag)>`.
/// Payload: booking · slot start · expiry (seconds, 8 bytes each) · the whole 32-byte NIK hash · office
/// id; tag: all 32 bytes of HMAC-SHA256 over `AQ1.` · key id · 0x00 · payload.
enum QRTokenLayout {
    static let compactFixedBytes = 22
    static let compactTagBytes = 16
    static let longFixedBytes = 56

    /// `AQn.` · key id · 0: what the tag covers before the payload.
    static func writeMessageHeader(version: StaticString, keyID: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter)
    {
        out.append(ascii: version)
        out.append(keyID)
        out.append(0)
    }

    /// Writes an AQ2 payload; `claims` must satisfy `fitsToken`.
    static func writeCompactPayload(
        _ claims: QRTokenClaims, office: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter
    ) {
        let slotMinutes = claims.slotStart.secondsSinceEpoch / 60
        out.append(bigEndian: claims.booking.rawValue)
        out.append(bigEndian: UInt32(truncatingIfNeeded: slotMinutes))
        out.append(bigEndian: UInt16(truncatingIfNeeded: claims.expiresAt.secondsSinceEpoch / 60 - slotMinutes))
        out.append(bigEndian: claims.nikHashPrefix)
        out.append(office)
    }

    /// Reads an AQ2 payload; nil unless it holds a non-empty office id.
    static func readCompactPayload(_ bytes: UnsafeBufferPointer<UInt8>) -> TokenFields? {
        guard bytes.count > compactFixedBytes else { return nil }
        let slot = Int64(word(bytes, at: 8, count: 4)) * 60
        return TokenFields(
            booking: BookingID(word(bytes, at: 0, count: 8)), slotStart: slot,
            expiresAt: slot + Int64(word(bytes, at: 12, count: 2)) * 60, nikHashPrefix: word(bytes, at: 14, count: 8),
            office: UnsafeBufferPointer(rebasing: bytes[compactFixedBytes...]))
    }

    /// Reads an AQ1 payload; nil unless it holds a non-empty office id.
    static func readLongPayload(_ bytes: UnsafeBufferPointer<UInt8>) -> TokenFields? {
        guard bytes.count > longFixedBytes else { return nil }
        return TokenFields(
            booking: BookingID(word(bytes, at: 0, count: 8)),
            slotStart: Int64(bitPattern: word(bytes, at: 8, count: 8)),
            expiresAt: Int64(bitPattern: word(bytes, at: 16, count: 8)), nikHashPrefix: word(bytes, at: 24, count: 8),
            office: UnsafeBufferPointer(rebasing: bytes[longFixedBytes...]))
    }

    /// The big-endian unsigned integer in `count` bytes from `start`.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in start..<start + count { value = value << 8 | UInt64(bytes[index]) }
        return value
    }
}
