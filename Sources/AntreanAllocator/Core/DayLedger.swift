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
///
/// The grid is also kept flat (`slotCount`, `firstSlotStart`, `slotSeconds`, `slotCapacity`) so hot
/// paths never copy the optional plan out of the ledgers array (that retained its strings and arrays).
struct DayLedger: Sendable {
    // Fields the availability scans read for every day come first, so one cache line holds them
    // (the scans visit many ledgers once each, and the load of each ledger was their main cost).
    var key: DayKey
    /// Slots in the day (0 when closed).
    let slotCount: Int
    /// Start of slot 0 in seconds since the epoch (0 when closed).
    var firstSlotStart: Int64
    /// Length of a slot in seconds (0 when closed).
    var slotSeconds: Int64
    /// Occupying bookings over the day (the daily quota counts these).
    var occupied: Int = 0
    /// Sum of sellable places over the day (denominator of utilization).
    var sellable: Int = 0
    /// Online places the policy lets us sell per slot (≥ planned online when overbooking).
    var bookableOnline: [Int32]
    var usage: [SlotUsage]
    /// The plan's slots (the same copy-on-write buffer), empty when closed.
    var slotCapacity: [SlotCapacity]
    var plan: DayPlan?

    init(key: DayKey, plan: DayPlan?, bookableOnline: [Int32], usage: [SlotUsage], sellable: Int) {
        self.key = key
        self.plan = plan
        self.bookableOnline = bookableOnline
        self.usage = usage
        self.slotCapacity = plan?.slots ?? []
        self.slotCount = slotCapacity.count
        self.firstSlotStart = plan?.firstSlotStart.secondsSinceEpoch ?? 0
        self.slotSeconds = Int64(plan?.slotMinutes ?? 0) * 60
        self.sellable = sellable
    }

    /// Start of slot `index` in seconds since the epoch.
    func slotStart(_ index: Int) -> Int64 { firstSlotStart + Int64(index) * slotSeconds }

    /// The first slot starting at or after `seconds` (`slotCount` when none does). O(1).
    func firstSlot(startingAtOrAfter seconds: Int64) -> Int {
        guard slotSeconds > 0 else { return slotCount }
        guard seconds > firstSlotStart else { return 0 }
        let offset = seconds - firstSlotStart
        return Int(min(Int64(slotCount), (offset + slotSeconds - 1) / slotSeconds))
    }

    /// Index of the slot starting exactly at `seconds`, if any. O(1).
    func slotIndex(startingAt seconds: Int64) -> Int? {
        guard slotSeconds > 0 else { return nil }
        let offset = seconds - firstSlotStart
        guard offset >= 0, offset % slotSeconds == 0 else { return nil }
        let index = offset / slotSeconds
        return index < Int64(slotCount) ? Int(index) : nil
    }

    /// Capacity left in `pool` of slot `index`.
    func remaining(_ pool: CapacityPool, at index: Int) -> Int {
        switch pool {
        case .online: Int(bookableOnline[index]) - Int(usage[index].online)
        case .walkIn: slotCapacity[index].walkIn - Int(usage[index].walkIn)
        case .priority: slotCapacity[index].priority - Int(usage[index].priority)
        }
    }

    var utilization: Double { sellable == 0 ? 1 : Double(occupied) / Double(sellable) }
}

/// Which ledgers may share one slot grid: same office, service and weekday.
struct SlotTemplateKey: Hashable, Sendable {
    var office: Int32
    var service: Int32
    var weekday: Weekday
}

/// A slot grid with what follows from it (bookable online places under the policy, which is pure and
/// fixed for the allocator's life; the sellable total; an empty usage row), shared copy-on-write by the
/// ledgers of a ``SlotTemplateKey``: a day whose grid matches builds none of them again, and its usage
/// row is copied only when the day's first booking writes it.
struct SlotTemplate: Sendable {
    var slots: [SlotCapacity]
    var bookable: [Int32]
    var sellable: Int
    var emptyUsage: [SlotUsage]
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
