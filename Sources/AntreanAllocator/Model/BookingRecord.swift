/// Where a booking is in its life.
public enum BookingState: String, Hashable, Sendable, Codable {
    /// Reserved while the citizen confirms; lapses at `holdExpiresAt`.
    case held
    case booked
    case checkedIn = "checked_in"
    case cancelled
    /// A hold that lapsed unconfirmed.
    case expired
    /// Not checked in by the end of the grace period; its place was released.
    case noShow = "no_show"
    /// Checked in late the same day, re-queued after a few others.
    case requeued

    /// Whether the booking occupies a place in its slot (and in the daily quota).
    public var occupiesCapacity: Bool { self == .held || self == .booked || self == .checkedIn }

    /// Whether the booking counts against the citizen's limit of active bookings.
    public var isActive: Bool { self == .held || self == .booked }
}

/// One booking, hold or walk-in: the unit the store persists. The citizen appears only as a keyed hash.
public struct BookingRecord: Hashable, Sendable, Codable {
    public var id: BookingID
    public var office: OfficeID
    public var service: ServiceID
    public var slotStart: Instant
    public var nikHash: NIKHash
    public var account: AccountID?
    public var pool: CapacityPool
    public var state: BookingState
    public var createdAt: Instant
    public var updatedAt: Instant
    public var holdExpiresAt: Instant?
    public var reschedules: Int
    public var idempotencyKey: String?
    public var checkedInAt: Instant?

    public init(
        id: BookingID, office: OfficeID, service: ServiceID, slotStart: Instant, nikHash: NIKHash,
        account: AccountID?, pool: CapacityPool, state: BookingState, createdAt: Instant, updatedAt: Instant,
        holdExpiresAt: Instant?, reschedules: Int, idempotencyKey: String?, checkedInAt: Instant?
    ) {
        self.id = id
        self.office = office
        self.service = service
        self.slotStart = slotStart
        self.nikHash = nikHash
        self.account = account
        self.pool = pool
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.holdExpiresAt = holdExpiresAt
        self.reschedules = reschedules
        self.idempotencyKey = idempotencyKey
        self.checkedInAt = checkedInAt
    }
}
