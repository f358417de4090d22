/// How a ticket ended, as a log writes it (several spellings each, case-insensitive).
public enum LogOutcome: Int, Sendable, CaseIterable {
    case served, noShow, cancelled, balked, reneged, refused, inSystem

    public var label: String {
        ["served", "no_show", "cancelled", "balked", "reneged", "refused", "in_system"][rawValue]
    }

    static let spellings: [String: LogOutcome] = [
        "served": .served, "done": .served, "selesai": .served, "completed": .served,
        "no_show": .noShow, "no-show": .noShow, "noshow": .noShow, "missed": .noShow, "tidak_hadir": .noShow,
        "cancelled": .cancelled, "canceled": .cancelled, "batal": .cancelled,
        "balked": .balked, "reneged": .reneged, "left": .reneged, "abandoned": .reneged,
        "refused": .refused, "booking_refused": .refused, "in_system": .inSystem, "waiting": .inSystem,
    ]
}

/// The channel a citizen came by; a log without a channel column counts rows with an appointment
/// as booked (online) and the others as walk-ins.
public enum LogChannel: Int, Sendable, CaseIterable {
    case online, assisted, walkIn, converted

    public var label: String { ["online", "112", "walk-in", "converted"][rawValue] }
    public var isBooked: Bool { self != .walkIn }

    static let spellings: [String: LogChannel] = [
        "online": .online, "app": .online, "booked": .online, "112": .assisted, "assisted": .assisted,
        "phone": .assisted, "walk-in": .walkIn, "walk_in": .walkIn, "walkin": .walkIn, "converted": .converted,
    ]
}

/// One row of a log, decoded: names as numbers, times in seconds since 1970 (UTC), NaN when empty.
struct LogRecord {
    var replication = 0
    var office: Int32 = 0
    var service: Int32 = 0
    var channel = LogChannel.walkIn
    var isPriority = false
    var outcome = LogOutcome.served
    var bookingTime = Double.nan
    var appointmentTime = Double.nan
    var arrivalTime = Double.nan
    var checkInTime = Double.nan
    var serviceStart = Double.nan
    var serviceEnd = Double.nan
    var leftTime = Double.nan
}
