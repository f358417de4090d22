/// ISO 8601 timestamps read from bytes: `YYYY-MM-DDTHH:MM[:SS[.fraction]]` (a space may replace the
/// `T`) followed by `Z`, `±HH:MM`, `±HHMM` or `±HH`, or by nothing — then the time is local in the
/// default zone (WITA, +08:00, unless told otherwise). O(length), no allocation.
public enum Timestamp {
    /// Seconds since 1970-01-01T00:00Z, or nil when `bytes[range]` is not such a timestamp.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, defaultOffsetSeconds: Int
    ) -> Double? {
        var index = range.lowerBound
        let end = range.upperBound
        func digits(_ count: Int) -> Int? {
            guard index + count <= end else { return nil }
            var value = 0
            for _ in 0..<count {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
                index += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < end, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")),
            let day = digits(2), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            index < end, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ")
        else { return nil }
        index += 1
        guard let hour = digits(2), expect(UInt8(ascii: ":")), let minute = digits(2), hour <= 23, minute <= 59
        else { return nil }
        var second = 0.0
        if expect(UInt8(ascii: ":")) {
            guard let whole = digits(2), whole <= 60 else { return nil }
            second = Double(whole)
            if index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                var scale = 0.1
                let start = index
                while index < end, (48...57).contains(bytes[index]) {
                    second += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        var offset = defaultOffsetSeconds
        if index < end {
            if bytes[index] == UInt8(ascii: "Z") {
                offset = 0
                index += 1
            } else if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                guard let hours = digits(2), hours <= 14 else { return nil }
                var minutes = 0
                if expect(UInt8(ascii: ":")) {
                    guard let value = digits(2) else { return nil }
                    minutes = value
                } else if index < end {
                    guard let value = digits(2) else { return nil }
                    minutes = value
                }
                guard minutes <= 59 else { return nil }
                offset = sign * (hours * 3600 + minutes * 60)
            }
        }
        guard index == end else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
    }

    /// The timestamp in `text` (for tests and the mapping's zone option).
    public static func parse(_ text: String, defaultOffsetSeconds: Int = witaOffsetSeconds) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { parse($0, 0..<bytes.count, defaultOffsetSeconds: defaultOffsetSeconds) }
    }

    /// WITA, Waktu Indonesia Tengah: UTC+8, no daylight saving.
    public static let witaOffsetSeconds = 8 * 3600

    /// "+08:00", "-05:30", "Z" → seconds east of UTC; nil for anything else.
    public static func offsetSeconds(_ text: String) -> Int? {
        if text == "Z" || text.uppercased() == "UTC" { return 0 }
        if text.uppercased() == "WITA" { return witaOffsetSeconds }
        if text.uppercased() == "WIB" { return 7 * 3600 }
        if text.uppercased() == "WIT" { return 9 * 3600 }
        guard let stamp = parse("1970-01-01T00:00" + text, defaultOffsetSeconds: 0) else { return nil }
        return -Int(stamp)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's `days_from_civil`). O(1).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
