import Foundation

extension Language {
    /// The mark between whole and fractional digits: `.` in English, `,` in Indonesian (PUEBI: the
    /// comma is the decimal mark, the dot separates thousands).
    public var decimalMark: Character { self == .id ? "," : "." }

    /// The mark between groups of three whole digits: none in English (Antrean's tables never grouped
    /// them, and scripts read them back), `.` in Indonesian.
    public var groupingMark: Character? { self == .id ? "." : nil }

    /// `value` with exactly `decimals` fractional digits (rounded as C's printf rounds), the
    /// language's decimal mark and digit grouping: `6.4` → "6.4" / "6,4", `40249` → "40249" /
    /// "40.249". "–" for NaN or infinity. O(number of digits).
    public func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        // printf with "%f" uses the C locale, never the system's locale data.
        let plain = String(format: "%.\(max(0, decimals))f", value)
        return self == .en ? plain : localizedDigits(plain)
    }

    /// A whole number with the language's digit grouping: `40249` → "40249" / "40.249". O(digits).
    public func integer<Whole: BinaryInteger>(_ value: Whole) -> String {
        let plain = String(value)
        return self == .en ? plain : localizedDigits(plain)
    }

    /// Re-marks a plain number (optional sign, digits, optional `.` and fraction) in this language.
    private func localizedDigits(_ plain: String) -> String {
        var sign = ""
        var body = Substring(plain)
        if body.first == "-" || body.first == "+" {
            sign = String(body.removeFirst())
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        var grouped = ""
        if let mark = groupingMark {
            for (offset, digit) in whole.enumerated() {
                if offset > 0 && (whole.count - offset) % 3 == 0 { grouped.append(mark) }
                grouped.append(digit)
            }
        } else {
            grouped = whole
        }
        let fraction = parts.count > 1 ? String(decimalMark) + parts[1] : ""
        return sign + grouped + fraction
    }
}

extension Language {
    /// Swift's shortest round-trip text of `value` (e.g. "0.5" or "1e-05") with the language's decimal
    /// mark and no digit grouping. English returns Swift's text unchanged, as the tables always
    /// printed it ("inf" and "nan" included); Indonesian writes "–" for NaN or infinity.
    public func shortest(_ value: Double) -> String {
        let plain = "\(value)"
        guard self == .id else { return plain }
        guard value.isFinite else { return "–" }
        return String(plain.map { $0 == "." ? decimalMark : $0 })
    }
}
