/// What a QR token asserts; signed as a whole.
public struct QRTokenClaims: Hashable, Sendable {
    public var keyID: String
    public var booking: BookingID
    public var office: OfficeID
    public var slotStart: Instant
    public var nikHash: NIKHash
    public var expiresAt: Instant

    public init(
        keyID: String, booking: BookingID, office: OfficeID, slotStart: Instant, nikHash: NIKHash, expiresAt: Instant
    ) {
        self.keyID = keyID
        self.booking = booking
        self.office = office
        self.slotStart = slotStart
        self.nikHash = nikHash
        self.expiresAt = expiresAt
    }

    /// Bytes of the payload before the office id.
    static let fixedPayloadBytes = 56

    /// Binary payload: booking (8) · slot (8) · expiry (8) · NIK hash (32), all big-endian, · office id
    /// (`office`, UTF-8, the rest).
    func writePayload(office: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter) {
        out.append(bigEndian: booking.rawValue)
        out.append(bigEndian: UInt64(bitPattern: slotStart.secondsSinceEpoch))
        out.append(bigEndian: UInt64(bitPattern: expiresAt.secondsSinceEpoch))
        out.append(bigEndian: nikHash.word0)
        out.append(bigEndian: nikHash.word1)
        out.append(bigEndian: nikHash.word2)
        out.append(bigEndian: nikHash.word3)
        out.append(office)
    }

    /// Reads a payload written by `writePayload`; nil unless it holds a non-empty office id.
    init?(keyID: String, payload bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count > Self.fixedPayloadBytes else { return nil }
        func word(_ at: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in at..<at + 8 { value = value << 8 | UInt64(bytes[index]) }
            return value
        }
        self.init(
            keyID: keyID, booking: BookingID(word(0)),
            office: OfficeID(String(decoding: bytes[Self.fixedPayloadBytes...], as: UTF8.self)),
            slotStart: Instant(secondsSinceEpoch: Int64(bitPattern: word(8))),
            nikHash: NIKHash(word0: word(24), word1: word(32), word2: word(40), word3: word(48)),
            expiresAt: Instant(secondsSinceEpoch: Int64(bitPattern: word(16))))
    }
}

/// Why a QR token was refused at check-in.
public enum TokenRefusal: String, Hashable, Sendable, Codable {
    /// Not a token at all (wrong shape or encoding).
    case malformed
    /// Signature invalid under every known key, and it names no real booking (or an unknown key).
    case forged
    /// Signature invalid but it names a real booking: a genuine token whose fields were changed.
    case altered
    case expired
    /// The booking was already checked in with a token.
    case replayed
    case wrongOffice = "wrong_office"
    /// Too early, or after the end of the slot's day.
    case outsideWindow = "outside_window"
    /// The booking was cancelled, moved, or released.
    case revoked
}
