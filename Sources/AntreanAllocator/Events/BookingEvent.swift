/// A notification about one booking, derived from a change of its record (see `BookingEvents`).
///
/// It carries no NIK and no NIK hash: the portal that made the booking knows its citizen by the booking
/// id, and a keyed hash repeated in every event would be a stable pseudonym that lets any subscriber
/// link one citizen's bookings across offices and portals.
public struct BookingEvent: Hashable, Sendable {
    public var type: BookingEventType
    public var booking: BookingID
    public var office: OfficeID
    public var service: ServiceID
    /// The citizen's appointment minute (the slot's start unless a template spreads the slot's places;
    /// after a reschedule, the new one).
    public var appointment: Instant
    /// When the change happened (the operation's "now"); for a reminder, when it falls due.
    public var occurredAt: Instant
    /// When the event may be delivered: `occurredAt`, or later for a scheduled event (a reminder).
    public var dueAt: Instant
    /// The booking's reschedule count after the change: a reminder is void once the booking has moved on.
    public var reschedules: Int

    public init(
        type: BookingEventType, booking: BookingID, office: OfficeID, service: ServiceID, appointment: Instant,
        occurredAt: Instant, dueAt: Instant, reschedules: Int
    ) {
        self.type = type
        self.booking = booking
        self.office = office
        self.service = service
        self.appointment = appointment
        self.occurredAt = occurredAt
        self.dueAt = dueAt
        self.reschedules = reschedules
    }

    /// The webhook body (compact JSON, keys in a fixed order) for this event under id `eventID`.
    /// Built once, when the event is stored, so every retry sends — and signs — the same bytes. O(length).
    public func payload(eventID: String) -> String {
        var json =
            #"{"id":"# + JSONStringLiteral.quoted(eventID) + #","type":"# + JSONStringLiteral.quoted(type.rawValue)
        json += #","occurred_at":"# + JSONStringLiteral.quoted(occurredAt.description)
        json +=
            #","booking":{"id":"# + String(booking.rawValue) + #","office":"#
            + JSONStringLiteral.quoted(office.rawValue)
        json += #","service":"# + JSONStringLiteral.quoted(service.rawValue)
        json += #","appointment_at":"# + JSONStringLiteral.quoted(appointment.description)
        json += #","reschedules":"# + String(reschedules) + "}}"
        return json
    }
}
