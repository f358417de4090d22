extension Instant {
    /// The instants the allocator accepts: 2000-01-01T00:00:00Z through 2199-12-31T23:59:59Z.
    ///
    /// Why these bounds: every slot, token and day ledger the allocator makes lies near "now", so a
    /// century on either side of today's service is ample, while each bound keeps a wide margin from
    /// what the stored and signed forms can carry (a token's slot is unsigned minutes since 1970, so
    /// nothing before 1970; a day ledger numbers days in 32 bits). Requests outside the range are
    /// refused with ``AllocationRefusal/instantOutOfRange`` before anything changes.
    public static let supportedRange =
        Instant(secondsSinceEpoch: 946_684_800)...Instant(secondsSinceEpoch: 7_258_118_399)

    /// Whether the allocator accepts this instant (see ``supportedRange``).
    public var isSupported: Bool { Self.supportedRange.contains(self) }

    /// Parses an ISO 8601 / RFC 3339 instant, strictly: `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`.
    ///
    /// Every field has exactly its digits (ASCII 0–9, no signs or spaces) and its range: a real
    /// calendar date (proleptic Gregorian), hour 00–23, minute and second 00–59 (no leap second), an
    /// offset of at most ±14:00 with minutes 00–59. Nothing else is accepted: no fraction, no week or
    /// ordinal dates, no missing offset. Returns nil for anything malformed; the result may still lie
    /// outside ``supportedRange`` (check ``isSupported``). A pure function of its input, O(n).
    public init?(iso8601 text: some StringProtocol) {
        guard let instant = ISO8601Parser(Array(text.utf8)).parse() else { return nil }
        self = instant
    }
}

/// The grammar of ``Instant/init(iso8601:)`` over UTF-8 bytes.
private struct ISO8601Parser {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func parse() -> Instant? {
        // Date (10) · T · HH:MM (5) · [:SS (3)] · Z (1) or ±HH:MM (6).
        guard bytes.count >= 17, bytes.count <= 25, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
            let hour = digits(11, 2), let minute = digits(14, 2), hour < 24, minute < 60
        else { return nil }
        let date = LocalDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        var index = 16
        var second = 0
        if bytes[index] == UInt8(ascii: ":") {
            guard let parsed = digits(17, 2), parsed < 60 else { return nil }
            second = parsed
            index = 19
        }
        guard index < bytes.count else { return nil }
        let offsetSeconds: Int
        switch bytes[index] {
        case UInt8(ascii: "Z"):
            guard index + 1 == bytes.count else { return nil }
            offsetSeconds = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                let hours = digits(index + 1, 2), let minutes = digits(index + 4, 2),
                minutes < 60, hours * 60 + minutes <= 14 * 60
            else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Instant(secondsSinceEpoch: local - Int64(offsetSeconds))
    }

    /// The number written by `count` ASCII digits from `start`; nil if any byte is not a digit.
    private func digits(_ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
