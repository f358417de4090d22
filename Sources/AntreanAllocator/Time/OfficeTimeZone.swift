/// A fixed UTC offset without daylight saving; offices in Samarinda use Asia/Makassar (WITA, UTC+8).
///
/// Slot grids are computed in local time through this type only, and instants are stored in UTC,
/// so a server running in another zone can never shift the grid (and with it the per-slot limit).
public struct OfficeTimeZone: Hashable, Sendable, Codable {
    public var secondsEastOfUTC: Int64

    public init(secondsEastOfUTC: Int64) { self.secondsEastOfUTC = secondsEastOfUTC }

    /// Asia/Makassar: UTC+8, no DST.
    public static let wita = OfficeTimeZone(secondsEastOfUTC: 8 * 3600)

    /// The local date at `instant`.
    public func localDate(of instant: Instant) -> LocalDate {
        let local = instant.secondsSinceEpoch + secondsEastOfUTC
        return LocalDate(daysSinceEpoch: Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400))
    }

    /// Minutes since local midnight at `instant` (may be fractional minutes truncated).
    public func localMinuteOfDay(of instant: Instant) -> Int {
        let local = instant.secondsSinceEpoch + secondsEastOfUTC
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        return Int(secondOfDay / 60)
    }

    /// The UTC instant of local `minuteOfDay` on `date`.
    public func instant(on date: LocalDate, minuteOfDay: Int) -> Instant {
        Instant(secondsSinceEpoch: Int64(date.daysSinceEpoch) * 86_400 + Int64(minuteOfDay) * 60 - secondsEastOfUTC)
    }
}
