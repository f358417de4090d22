import AntreanAllocator

/// Something that happened to a booking that a client may want to tell the citizen about (WhatsApp,
/// SMS). The server hands each event to its `BookingEventSink` after the change is durable in the store.
public struct BookingEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case held, booked, confirmed, rescheduled
        case checkedIn = "checked_in"
        case requeued
        case walkIn = "walk_in"
        /// Cancelled by the citizen (through a portal or the 112 line).
        case cancelled
        /// Cancelled by the office (a desk or admin key, without the citizen's NIK).
        case cancelledByOffice = "cancelled_by_office"
        /// Released by the no-show timer.
        case noShow = "no_show"
    }

    public var kind: Kind
    public var booking: BookingRecord
    /// The client key's client that caused it (nil for the no-show timer).
    public var client: String?

    public init(kind: Kind, booking: BookingRecord, client: String?) {
        self.kind = kind
        self.booking = booking
        self.client = client
    }
}

/// Where the server sends booking events: the seam for the notification outbox (module AntreanOutbox),
/// which stores them durably and delivers them to each client's webhook. Called after the allocator's
/// change is durable and before the HTTP answer is sent, so an event is recorded for every 2xx answer
/// unless the process dies between the two (the outbox can close that gap by reconciling with the
/// store's records at start). Implementations must be quick or queue the work: the request waits.
public protocol BookingEventSink: Sendable {
    func publish(_ events: [BookingEvent]) async
}
