/// A structurally valid Nomor Induk Kependudukan (16 digits): region code of first registration (6),
/// birth date DDMMYY with 40 added to the day for women (6), serial (4) — Dukcapil's layout.
///
/// Only used transiently to derive a `NIKHash`; never stored.
public struct NIK: Hashable, Sendable {
    public let digits: String
    /// Province-regency-district code of the place of first registration, e.g. `647201`.
    public let regionCode: String
    public let birthDay: Int
    public let birthMonth: Int
    /// Two-digit year as written (the century is not encoded).
    public let birthYearTwoDigits: Int
    public let isFemale: Bool
    public let serial: Int

    /// Validates `text` (exactly 16 ASCII digits, nothing else). O(1).
    public init(_ text: String) throws(NIKError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16 else { throw .wrongLength(bytes.count) }
        guard bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw .nonDigit }
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let province = number(0..<2)
        guard province >= 11 else { throw .invalidRegionCode }  // Kemendagri province codes start at 11 (Aceh).
        guard number(2..<4) > 0, number(4..<6) > 0 else { throw .invalidRegionCode }
        let encodedDay = number(6..<8)
        let female = encodedDay > 40
        let day = female ? encodedDay - 40 : encodedDay
        let month = number(8..<10)
        let year = number(10..<12)
        // Validate against both centuries' calendars: 29 Feb is real if either 19yy or 20yy is a leap year.
        let plausible = [1900 + year, 2000 + year].contains { LocalDate(year: $0, month: month, day: day).isValid }
        guard plausible else { throw .invalidBirthDate }
        let serial = number(12..<16)
        guard serial > 0 else { throw .zeroSerial }
        digits = text
        regionCode = String(decoding: bytes[0..<6], as: UTF8.self)
        birthDay = day
        birthMonth = month
        birthYearTwoDigits = year
        isFemale = female
        self.serial = serial
    }
}

/// Why a NIK is structurally invalid.
public enum NIKError: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongLength(Int)
    case nonDigit
    case invalidRegionCode
    /// The day (as encoded, 1–31 or 41–71), month or year do not form a date. Carries no digits: they
    /// are the citizen's birth date (personal data), and errors end up in logs.
    case invalidBirthDate
    case zeroSerial

    public var description: String {
        switch self {
        case .wrongLength(let count): "expected 16 digits, got \(count) characters"
        case .nonDigit: "contains a character that is not a digit"
        case .invalidRegionCode: "region code (first 6 digits) is not a province-regency-district code"
        case .invalidBirthDate: "digits 7-12 (birth date DDMMYY, day+40 for women) are not a date"
        case .zeroSerial: "serial (last 4 digits) is 0000"
        }
    }
}
