/// What a client key may call. Each role is the least a kind of client needs (issue 19): a display only
/// reads the queue, a kiosk only checks in by QR token and registers walk-ins, the 112 line books on a
/// citizen's behalf (its bookings are marked assisted), a desk serves its office, an admin may do all.
public enum ClientRole: String, CaseIterable, Codable, Sendable {
    case portal
    case callCentre = "call_centre"
    case desk
    case kiosk
    case display
    case admin

    /// The OpenAPI operation ids (openapi.yaml) this role may call. O(1) per check (a set lookup).
    package var operations: Set<String> {
        let reads: Set<String> = ["listOffices", "getOffice", "getAppointmentGrid", "getAvailability"]
        let citizenBooking: Set<String> = [
            "createHold", "confirmHold", "createBooking", "getBooking", "cancelBooking", "rescheduleBooking",
            "issueToken", "getQueue",
        ]
        switch self {
        case .portal, .callCentre: return reads.union(citizenBooking)
        case .desk:
            return reads.union([
                "getBooking", "cancelBooking", "rescheduleBooking", "issueToken", "checkIn", "registerWalkIn",
                "getQueue", "callNext",
            ])
        case .kiosk: return ["checkIn", "registerWalkIn"]
        case .display: return ["getQueue"]
        case .admin: return reads.union(citizenBooking).union(["checkIn", "registerWalkIn", "callNext"])
        }
    }

    /// Whether the role may act for an office without the citizen's NIK (cancel, reschedule, check in by
    /// booking code at the desk): the office's own staff.
    package var actsForOffice: Bool { self == .desk || self == .admin }

    /// The roles' names, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
