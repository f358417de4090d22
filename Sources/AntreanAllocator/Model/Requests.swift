/// Who asks: the keyed hash of the NIK, the account/device, and whether they are a priority citizen.
public struct Citizen: Hashable, Sendable {
    public var nikHash: NIKHash
    public var account: AccountID?
    /// Elderly, disabled, pregnant, … (Law 25/2009 art. 29): may use the priority reserve.
    public var isPriority: Bool

    public init(nikHash: NIKHash, account: AccountID? = nil, isPriority: Bool = false) {
        self.nikHash = nikHash
        self.account = account
        self.isPriority = isPriority
    }
}

/// One slot: office, service and its UTC start.
public struct SlotRef: Hashable, Sendable, Codable {
    public var office: OfficeID
    public var service: ServiceID
    public var start: Instant

    public init(office: OfficeID, service: ServiceID, start: Instant) {
        self.office = office
        self.service = service
        self.start = start
    }
}

/// A slot with places left, as availability queries and policies see it.
public struct SlotAvailability: Hashable, Sendable {
    public var slot: SlotRef
    /// Places left for the asking citizen's pools (online, plus priority for priority citizens).
    public var remaining: Int
    /// Share of the office-day's bookable places already taken (0…1), for load-aware policies.
    public var dayUtilization: Double

    public init(slot: SlotRef, remaining: Int, dayUtilization: Double) {
        self.slot = slot
        self.remaining = remaining
        self.dayUtilization = dayUtilization
    }
}

/// A request for the policy to place: which service, from which home office, for whom.
public struct PlacementRequest: Hashable, Sendable {
    public var service: ServiceID
    public var homeOffice: OfficeID
    public var citizen: Citizen
    /// Only slots starting at or after this instant (default: now).
    public var notBefore: Instant?
    /// Hold the slot for confirmation instead of booking it outright.
    public var holdOnly: Bool
    public var idempotencyKey: String?

    public init(
        service: ServiceID, homeOffice: OfficeID, citizen: Citizen, notBefore: Instant? = nil, holdOnly: Bool = false,
        idempotencyKey: String? = nil
    ) {
        self.service = service
        self.homeOffice = homeOffice
        self.citizen = citizen
        self.notBefore = notBefore
        self.holdOnly = holdOnly
        self.idempotencyKey = idempotencyKey
    }
}

/// A successful hold, booking or walk-in registration.
public struct BookingReceipt: Hashable, Sendable {
    public var booking: BookingRecord
    /// True when an earlier request with the same idempotency key already made this booking.
    public var isRepeat: Bool

    public init(booking: BookingRecord, isRepeat: Bool) {
        self.booking = booking
        self.isRepeat = isRepeat
    }
}

/// A new booking as ``AllocatorCore/placeBooking(_:now:)`` answers it: what a caller needs to follow
/// it up, without the whole ``BookingRecord``.
public struct PlacedBooking: Hashable, Sendable {
    public var id: BookingID
    public var office: OfficeID
    public var slotStart: Instant
    /// The citizen's own minute (the slot's start unless an appointment template governs the day).
    public var appointment: Instant

    public init(id: BookingID, office: OfficeID, slotStart: Instant, appointment: Instant? = nil) {
        self.id = id
        self.office = office
        self.slotStart = slotStart
        self.appointment = appointment ?? slotStart
    }
}

/// A successful check-in.
public struct CheckInReceipt: Hashable, Sendable {
    public enum Timing: Hashable, Sendable {
        case onTime
        /// Late but the same day: called after this many other citizens (as Indonesian offices do).
        case requeued(afterOthers: Int)
    }

    public var booking: BookingRecord
    public var timing: Timing

    public init(booking: BookingRecord, timing: Timing) {
        self.booking = booking
        self.timing = timing
    }
}
