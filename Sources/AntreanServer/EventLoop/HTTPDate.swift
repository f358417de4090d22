import AntreanAllocator
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `Date` header's text (RFC 9110 §5.6.7, IMF-fixdate: `Mon, 07 Dec 2026 05:39:23 GMT`) of the current
/// second, made once per second: what Hummingbird's own date cache puts on the answers of the router, for
/// the answers written on the event loop. O(1) per call.
final class HTTPDate: Sendable {
    private let current = Mutex<(second: Int64, text: String)>((Int64.min, ""))

    init() {}

    /// The text of the wall clock's current second.
    func now() -> String {
        let second = Int64(time(nil))
        return current.withLock { current in
            if current.second != second { current = (second, Self.text(secondsSinceEpoch: second)) }
            return current.text
        }
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// IMF-fixdate of `secondsSinceEpoch` (UTC), for instants from 1970 to 9999.
    static func text(secondsSinceEpoch: Int64) -> String {
        let seconds = Int(secondsSinceEpoch)
        let secondOfDay = (seconds % 86_400 + 86_400) % 86_400
        let date = LocalDate(daysSinceEpoch: (seconds - secondOfDay) / 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let weekday = Weekday.allCases.firstIndex(of: date.weekday) ?? 0
        return weekdays[weekday] + ", " + two(date.day) + " " + months[date.month - 1] + " \(date.year) "
            + two(secondOfDay / 3600) + ":" + two(secondOfDay % 3600 / 60) + ":" + two(secondOfDay % 60) + " GMT"
    }
}
