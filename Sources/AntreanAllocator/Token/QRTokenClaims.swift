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

    /// Binary payload: booking (8) · slot (8) · expiry (8) · NIK hash (32) · office id (UTF-8, rest).
    var payload: [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(56 + office.rawValue.utf8.count)
        func append(_ word: UInt64) {
            var shift: UInt64 = 56
            while true {
                bytes.append(UInt8(truncatingIfNeeded: word >> shift))
                if shift == 0 { break }
                shift -= 8
            }
        }
        append(booking.rawValue)
        append(UInt64(bitPattern: slotStart.secondsSinceEpoch))
        append(UInt64(bitPattern: expiresAt.secondsSinceEpoch))
        append(nikHash.word0)
        append(nikHash.word1)
        append(nikHash.word2)
        append(nikHash.word3)
        bytes.append(contentsOf: office.rawValue.utf8)
        return bytes
    }

    init?(keyID: String, payload bytes: [UInt8]) {
        guard bytes.count > 56 else { return nil }
        func word(_ at: Int) -> UInt64 { bytes[at..<at + 8].reduce(0) { $0 << 8 | UInt64($1) } }
        guard let hash = NIKHash(bytes: bytes[24..<56]) else { return nil }
        self.init(
            keyID: keyID, booking: BookingID(word(0)), office: OfficeID(String(decoding: bytes[56...], as: UTF8.self)),
            slotStart: Instant(secondsSinceEpoch: Int64(bitPattern: word(8))), nikHash: hash,
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
