/// A point in time as whole seconds since 1970-01-01T00:00:00Z (UTC).
///
/// The allocator never reads the wall clock: every operation receives its `Instant` from the caller,
/// so the simulator can drive the same code with simulated time and tests are reproducible.
public struct Instant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    public func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }
    public func adding(minutes: Int) -> Instant { adding(seconds: Int64(minutes) * 60) }

    public init(from decoder: any Decoder) throws {
        secondsSinceEpoch = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(secondsSinceEpoch)
    }

    /// ISO 8601 in UTC, e.g. `2026-11-23T01:00:00Z`. Defined for every value, `Int64.min` included (a
    /// floored division by remainder, which cannot overflow): a stored or logged instant never traps.
    public var description: String {
        let remainder = secondsSinceEpoch % 86_400
        let days = secondsSinceEpoch / 86_400 - (remainder < 0 ? 1 : 0)
        let secondOfDay = Int(remainder < 0 ? remainder + 86_400 : remainder)
        let date = LocalDate(daysSinceEpoch: Int(days))
        return date.description + "T" + twoDigits(secondOfDay / 3600) + ":" + twoDigits(secondOfDay / 60 % 60) + ":"
            + twoDigits(secondOfDay % 60) + "Z"
    }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
