/// A booking's idempotency key as the allocator keeps it: a UUID in its canonical text form packed into
/// 16 bytes, any other key as its text.
///
/// Portals send a random UUID per request (the common practice, and what `Idempotency-Key` drafts suggest).
/// As a `String`, 36 characters are a separate heap object of 64–80 bytes; a year of Samarinda's bookings
/// with UUID keys held the server 8% above its memory target until the keys were packed (docs/allocator.md,
/// "Memory of idempotency keys"). The text is given back exactly: the case of the hex digits is kept, and
/// a key of mixed case or any other shape stays text.
enum StoredIdempotencyKey: Equatable, Sendable {
    case none
    case lowercaseUUID(high: UInt64, low: UInt64)
    case uppercaseUUID(high: UInt64, low: UInt64)
    case text(String)

    init(_ key: String?) {
        guard let key else {
            self = .none
            return
        }
        self = Self.uuid(key) ?? .text(key)
    }

    /// The key as it was given; nil for `.none`.
    var text: String? {
        switch self {
        case .none: nil
        case .text(let text): text
        case .lowercaseUUID(let high, let low): Self.uuidText(high: high, low: low, digits: Self.lowercaseDigits)
        case .uppercaseUUID(let high, let low): Self.uuidText(high: high, low: low, digits: Self.uppercaseDigits)
        }
    }

    /// Offsets of the four hyphens in `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
    private static func isHyphenOffset(_ offset: Int) -> Bool {
        offset == 8 || offset == 13 || offset == 18 || offset == 23
    }

    private static let lowercaseDigits = Array("0123456789abcdef".utf8)
    private static let uppercaseDigits = Array("0123456789ABCDEF".utf8)

    /// The packed form of a canonical UUID whose letters are all of one case; nil for anything else.
    private static func uuid(_ key: String) -> Self? {
        let bytes = key.utf8
        guard bytes.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        var uppercase: Bool?
        for (offset, byte) in bytes.enumerated() {
            if isHyphenOffset(offset) {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                guard uppercase != true else { return nil }
                uppercase = false
                value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                guard uppercase != false else { return nil }
                uppercase = true
                value = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            if digits < 16 {
                high = high << 4 | UInt64(value)
            } else {
                low = low << 4 | UInt64(value)
            }
            digits += 1
        }
        return uppercase == true ? .uppercaseUUID(high: high, low: low) : .lowercaseUUID(high: high, low: low)
    }

    private static func uuidText(high: UInt64, low: UInt64, digits table: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var digit = 0
            for offset in 0..<36 {
                if isHyphenOffset(offset) {
                    buffer[offset] = UInt8(ascii: "-")
                    continue
                }
                let word = digit < 16 ? high : low
                let shift = UInt64(60 - 4 * (digit % 16))
                buffer[offset] = table[Int(truncatingIfNeeded: (word >> shift) & 0xF)]
                digit += 1
            }
            return 36
        }
    }
}
