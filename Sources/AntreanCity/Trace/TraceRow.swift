/// How a citizen came: booked in the app, booked by the 112 line (assisted), walked in, or walked
/// in on a digital day and booked at the door instead (converted).
public enum TraceChannel: UInt8, Sendable, CaseIterable {
    case online, assisted, walkIn, converted

    /// The word in a trace's `channel` column.
    public var label: String {
        switch self {
        case .online: "online"
        case .assisted: "112"
        case .walkIn: "walk-in"
        case .converted: "converted"
        }
    }

    /// Booked channels have an appointment; walk-ins do not.
    public var isBooked: Bool { self != .walkIn }
}

/// How a citizen's visit ended; each counts under one of the report's metrics (in brackets).
public enum TraceOutcome: UInt8, Sendable, CaseIterable {
    /// Served (`served`).
    case served
    /// Booked and never checked in, or came after the place was released (`no_shows`).
    case noShow
    /// Cancelled the booking before the day (`cancelled`).
    case cancelled
    /// A walk-in who found the line too long or the day's places gone (`balked`).
    case balked
    /// A walk-in who left the line before being called (`reneged`).
    case reneged
    /// Asked for a booking and got no place (`booking_refused`, at the home office).
    case refused
    /// Still in line or at a counter when the run ended (`in_system_at_end`).
    case inSystem

    public var label: String {
        switch self {
        case .served: "served"
        case .noShow: "no_show"
        case .cancelled: "cancelled"
        case .balked: "balked"
        case .reneged: "reneged"
        case .refused: "refused"
        case .inSystem: "in_system"
        }
    }
}

/// One citizen's visit as the trace writes it: times in simulated minutes since the run's first
/// midnight (WITA), NaN where there is none.
struct TraceRow {
    var office: Int32
    var service: Int32
    var channel: TraceChannel
    var isPriority: Bool
    var bookedAt = Double.nan
    var appointment = Double.nan
    var arrival = Double.nan
    var checkIn = Double.nan
    var serviceStart = Double.nan
    var serviceEnd = Double.nan
    /// 0-based counter number, −1 when not served.
    var counter: Int32 = -1
    /// When a citizen left unserved: the time of reneging, balking or cancelling.
    var leftAt = Double.nan
    var outcome: TraceOutcome
}
