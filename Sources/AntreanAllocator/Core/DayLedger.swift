/// Key of one office × service × local day inside the core (dense indexes for speed).
struct DayKey: Hashable, Sendable {
    var office: Int32
    var service: Int32
    var day: Int32
}

/// Places taken in one slot, per pool.
struct SlotUsage: Hashable, Sendable {
    var online: Int32 = 0
    var walkIn: Int32 = 0
    var priority: Int32 = 0

    subscript(pool: CapacityPool) -> Int32 {
        get {
            switch pool {
            case .online: online
            case .walkIn: walkIn
            case .priority: priority
            }
        }
        set {
            switch pool {
            case .online: online = newValue
            case .walkIn: walkIn = newValue
            case .priority: priority = newValue
            }
        }
    }
}

/// Capacity and usage of one office-service-day; `plan == nil` when closed.
struct DayLedger: Sendable {
    var key: DayKey
    var plan: DayPlan?
    /// Online places the policy lets us sell per slot (≥ planned online when overbooking).
    var bookableOnline: [Int32]
    var usage: [SlotUsage]
    /// Occupying bookings over the day (the daily quota counts these).
    var occupied: Int = 0
    /// Sum of sellable places over the day (denominator of utilization).
    var sellable: Int = 0

    /// Capacity left in `pool` of slot `index`.
    func remaining(_ pool: CapacityPool, at index: Int) -> Int {
        guard let plan else { return 0 }
        let capacity = pool == .online ? Int(bookableOnline[index]) : plan.slots[index][pool]
        return capacity - Int(usage[index][pool])
    }

    var utilization: Double { sellable == 0 ? 1 : Double(occupied) / Double(sellable) }
}

/// An entry of the ledger lookup cache; `number < 0` when empty.
struct RecentLedger: Sendable {
    var key: DayKey
    var number: Int32
}

/// Which ledgers may share one slot grid: same office, service and weekday.
struct SlotTemplateKey: Hashable, Sendable {
    var office: Int32
    var service: Int32
    var weekday: Weekday
}

/// A slot grid and its bookable online places, shared copy-on-write by the ledgers of a ``SlotTemplateKey``.
struct SlotTemplate: Sendable {
    var slots: [SlotCapacity]
    var bookable: [Int32]
}

/// Where a booking sits in the ledgers.
struct LedgerPosition: Hashable, Sendable {
    var key: DayKey
    /// Index into `AllocatorCore.ledgers`.
    var ledger: Int32
    var slot: Int32
}

/// A hold's or a booking's deadline in a min-heap.
struct Deadline: Comparable, Sendable {
    var at: Instant
    var booking: BookingID
    static func < (lhs: Deadline, rhs: Deadline) -> Bool {
        lhs.at != rhs.at ? lhs.at < rhs.at : lhs.booking < rhs.booking
    }
}

/// An idempotency key is scoped to the citizen who sent it.
struct IdempotencyScope: Hashable, Sendable {
    var nikHash: NIKHash
    var key: String
}
