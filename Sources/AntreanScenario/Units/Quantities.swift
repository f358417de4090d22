/// Parsing of the quantities planners write: durations (`15m`, `1h30m`, `30d`), rates (`4.5/min`,
/// `120/h`), shares (`60%` or `0.6`), clock times (`08:00`) and time ranges (`08:00-16:00`).
/// Durations are returned in minutes, rates in events per minute, clock times in minutes after midnight.
public enum Quantities {
    static let minutesPerUnit: [String: Double] = [
        "s": 1.0 / 60, "sec": 1.0 / 60, "second": 1.0 / 60, "seconds": 1.0 / 60,
        "m": 1, "min": 1, "minute": 1, "minutes": 1,
        "h": 60, "hr": 60, "hour": 60, "hours": 60,
        "d": 1440, "day": 1440, "days": 1440,
        "w": 10080, "week": 10080, "weeks": 10080,
    ]

    /// `"1h30m"` → 90. Returns nil when the text is not a duration with units.
    public static func minutes(_ text: String) -> Double? {
        var rest = Substring(text.filter { !$0.isWhitespace })
        var sign = 1.0
        if rest.first == "-" {
            sign = -1
            rest.removeFirst()
        }
        if rest == "0" { return 0 }
        var total = 0.0
        var parsedAny = false
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            let unit = rest.dropFirst(number.count).prefix { $0.isLetter }
            guard let value = Double(number), let factor = minutesPerUnit[String(unit)] else { return nil }
            total += value * factor
            parsedAny = true
            rest = rest.dropFirst(number.count + unit.count)
        }
        return parsedAny ? sign * total : nil
    }

    /// `"4.5/min"` → 4.5, `"120/h"` → 2.
    static func ratePerMinute(_ text: String) -> Double? {
        let parts = text.filter { !$0.isWhitespace }.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let count = Double(parts[0]), count >= 0 else { return nil }
        let unit = parts[1].hasPrefix("1") ? String(parts[1].dropFirst()) : String(parts[1])
        guard let per = minutesPerUnit[unit] else { return nil }
        return count / per
    }

    /// `"60%"` → 0.6, `"0.6"` → 0.6.
    static func share(_ text: String) -> Double? {
        let trimmed = text.filter { !$0.isWhitespace }
        if trimmed.hasSuffix("%") { return Double(trimmed.dropLast()).map { $0 / 100 } }
        return Double(trimmed)
    }

    /// `"08:30"` → 510.
    static func clockMinutes(_ text: String) -> Double? {
        let parts = text.trimmingWhitespace().split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440
        else { return nil }
        return Double(hours * 60 + minutes)
    }
}

extension ScenarioNode {
    public func int(atLeast minimum: Int = .min, atMost maximum: Int = .max) throws(ScenarioError) -> Int {
        let text = try text().replacingUnderscores()
        guard let value = Int(text) else {
            if !text.isEmpty, text.drop(while: { $0 == "-" || $0 == "+" }).allSatisfy(\.isASCIIDigit) {
                throw error("\(text) is out of range; expected a whole number from \(minimum) to \(maximum)")
            }
            if let number = Double(text), number.isFinite, number == number.rounded() {
                throw error("write whole numbers with digits (e.g. 1000000, or 1_000_000), got \"\(text)\"")
            }
            throw error("expected a whole number, got \"\(text)\"")
        }
        guard value >= minimum else { throw error("expected a whole number of at least \(minimum), got \(value)") }
        guard value <= maximum else { throw error("expected a whole number of at most \(maximum), got \(value)") }
        return value
    }

    public func double() throws(ScenarioError) -> Double {
        let text = try text().replacingUnderscores()
        guard let value = Double(text), value.isFinite else { throw error("expected a number, got \"\(text)\"") }
        return value
    }

    public func bool() throws(ScenarioError) -> Bool {
        switch try text().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error("expected true or false, got \"\(other)\"")
        }
    }

    /// A duration with units (`90s`, `15m`, `1h30m`, `8h`, `30d`), in minutes.
    public func minutes(allowNegative: Bool = false) throws(ScenarioError) -> Double {
        let text = try text()
        guard let value = Quantities.minutes(text) else {
            throw error("expected a duration with a unit such as 90s, 15m, 1h30m, 8h or 30d, got \"\(text)\"")
        }
        guard allowNegative || value >= 0 else { throw error("a duration here cannot be negative, got \"\(text)\"") }
        return value
    }

    /// A rate such as `4.5/min`, `270/h` or `2/s`, in events per minute.
    public func ratePerMinute() throws(ScenarioError) -> Double {
        let text = try text()
        guard let value = Quantities.ratePerMinute(text) else {
            throw error("expected a rate such as 4.5/min or 270/h, got \"\(text)\"")
        }
        return value
    }

    /// A share between 0 and 1, written `60%` or `0.6`.
    public func share() throws(ScenarioError) -> Double {
        let text = try text()
        guard let value = Quantities.share(text), (0...1).contains(value) else {
            throw error("expected a share between 0% and 100% (e.g. 60% or 0.6), got \"\(text)\"")
        }
        return value
    }

    /// A clock time `HH:MM`, in minutes after midnight.
    public func clockMinutes() throws(ScenarioError) -> Double {
        let text = try text()
        guard let value = Quantities.clockMinutes(text) else {
            throw error("expected a clock time HH:MM such as 08:00, got \"\(text)\"")
        }
        return value
    }

    /// A time range `HH:MM-HH:MM` with the end after the start, in minutes after midnight.
    public func clockRange() throws(ScenarioError) -> ClosedRange<Double> {
        let text = try text()
        let parts = text.split(separator: "-")
        guard parts.count == 2, let start = Quantities.clockMinutes(String(parts[0])),
            let end = Quantities.clockMinutes(String(parts[1]))
        else { throw error("expected a time range such as 08:00-16:00, got \"\(text)\"") }
        guard end > start else { throw error("the range \(text) ends before it starts") }
        return start...end
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// Allows `200_000` for readability, as Swift and YAML 1.1 do.
    func replacingUnderscores() -> String { filter { $0 != "_" } }
}
