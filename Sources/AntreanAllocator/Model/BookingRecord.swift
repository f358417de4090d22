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
    /// When the citizen is to come: the slot's start, or their own minute inside it where an
    /// appointment template governs the day. Check-in window, lateness and no-show release count from it.
    public var appointment: Instant
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

    /// `appointment` nil: the slot's start.
    public init(
        id: BookingID, office: OfficeID, service: ServiceID, slotStart: Instant, appointment: Instant? = nil,
        nikHash: NIKHash,
        account: AccountID?, pool: CapacityPool, state: BookingState, createdAt: Instant, updatedAt: Instant,
        holdExpiresAt: Instant?, reschedules: Int, idempotencyKey: String?, checkedInAt: Instant?
    ) {
        self.id = id
        self.office = office
        self.service = service
        self.slotStart = slotStart
        self.appointment = appointment ?? slotStart
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

extension BookingRecord {
    enum CodingKeys: String, CodingKey {
        case id, office, service, slotStart, appointment, nikHash, account, pool, state, createdAt, updatedAt
        case holdExpiresAt, reschedules, idempotencyKey, checkedInAt
    }

    /// Records written before individual appointment times have no `appointment`: the slot's start.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let slotStart = try container.decode(Instant.self, forKey: .slotStart)
        self.init(
            id: try container.decode(BookingID.self, forKey: .id),
            office: try container.decode(OfficeID.self, forKey: .office),
            service: try container.decode(ServiceID.self, forKey: .service), slotStart: slotStart,
            appointment: try container.decodeIfPresent(Instant.self, forKey: .appointment),
            nikHash: try container.decode(NIKHash.self, forKey: .nikHash),
            account: try container.decodeIfPresent(AccountID.self, forKey: .account),
            pool: try container.decode(CapacityPool.self, forKey: .pool),
            state: try container.decode(BookingState.self, forKey: .state),
            createdAt: try container.decode(Instant.self, forKey: .createdAt),
            updatedAt: try container.decode(Instant.self, forKey: .updatedAt),
            holdExpiresAt: try container.decodeIfPresent(Instant.self, forKey: .holdExpiresAt),
            reschedules: try container.decode(Int.self, forKey: .reschedules),
            idempotencyKey: try container.decodeIfPresent(String.self, forKey: .idempotencyKey),
            checkedInAt: try container.decodeIfPresent(Instant.self, forKey: .checkedInAt))
    }
}
