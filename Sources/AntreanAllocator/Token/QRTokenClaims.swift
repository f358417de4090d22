/// What a QR token asserts; signed as a whole.
///
/// Instants are whole minutes (slot grids are, in any time zone the allocator accepts), so the token
/// carries minutes: see ``QRTokenSigner`` for the bytes.
public struct QRTokenClaims: Hashable, Sendable {
    public var keyID: String
    public var booking: BookingID
    public var office: OfficeID
    public var slotStart: Instant
    /// The first 64 bits of the citizen's NIK hash (``NIKHash/word0``): binds the token to the citizen
    /// (a 2⁻⁶⁴ chance that another citizen's matches) without carrying the whole hash in the QR code.
    public var nikHashPrefix: UInt64
    public var expiresAt: Instant

    public init(
        keyID: String, booking: BookingID, office: OfficeID, slotStart: Instant, nikHashPrefix: UInt64,
        expiresAt: Instant
    ) {
        self.keyID = keyID
        self.booking = booking
        self.office = office
        self.slotStart = slotStart
        self.nikHashPrefix = nikHashPrefix
        self.expiresAt = expiresAt
    }

    public init(
        keyID: String, booking: BookingID, office: OfficeID, slotStart: Instant, nikHash: NIKHash, expiresAt: Instant
    ) {
        self.init(
            keyID: keyID, booking: booking, office: office, slotStart: slotStart, nikHashPrefix: nikHash.word0,
            expiresAt: expiresAt)
    }

    /// Whether the compact form can carry these claims: whole-minute instants, a slot after 1970 (and
    /// before 10136), and at most 45 days (65,535 minutes) from slot start to expiry.
    public var fitsToken: Bool {
        let slot = slotStart.secondsSinceEpoch
        let expiry = expiresAt.secondsSinceEpoch
        return slot % 60 == 0 && expiry % 60 == 0 && slot >= 0 && slot / 60 <= Int64(UInt32.max) && expiry >= slot
            && (expiry - slot) / 60 <= Int64(UInt16.max)
    }
}

/// Fields of a token, with the office id as bytes (`checkIn` compares them with the scanning office's,
/// building no string). `office` points into the verifier's buffer: valid only inside its closure.
struct TokenFields {
    var booking: BookingID
    var slotStart: Int64
    var expiresAt: Int64
    var nikHashPrefix: UInt64
    var office: UnsafeBufferPointer<UInt8>

    func claims(keyID: String) -> QRTokenClaims {
        QRTokenClaims(
            keyID: keyID, booking: booking, office: OfficeID(String(decoding: office, as: UTF8.self)),
            slotStart: Instant(secondsSinceEpoch: slotStart), nikHashPrefix: nikHashPrefix,
            expiresAt: Instant(secondsSinceEpoch: expiresAt))
    }
}

/// A verified token's fields as a check-in needs them: `otherOffice` is nil when the token names the
/// office where it was scanned, the office it names otherwise.
struct ScannedToken {
    var booking: BookingID
    var slotStart: Int64
    var expiresAt: Int64
    var nikHashPrefix: UInt64
    var otherOffice: OfficeID?

    init(booking: BookingID, slotStart: Int64, expiresAt: Int64, nikHashPrefix: UInt64, otherOffice: OfficeID?) {
        self.booking = booking
        self.slotStart = slotStart
        self.expiresAt = expiresAt
        self.nikHashPrefix = nikHashPrefix
        self.otherOffice = otherOffice
    }

    init(_ fields: TokenFields, scannedAt office: UnsafeBufferPointer<UInt8>) {
        booking = fields.booking
        slotStart = fields.slotStart
        expiresAt = fields.expiresAt
        nikHashPrefix = fields.nikHashPrefix
        otherOffice =
            fields.office.elementsEqual(office) ? nil : OfficeID(String(decoding: fields.office, as: UTF8.self))
    }
}

/// Why a QR token was refused at check-in.
public enum TokenRefusal: String, Hashable, Sendable, Codable, CaseIterable {
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
