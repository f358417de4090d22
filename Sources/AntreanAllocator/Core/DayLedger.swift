/// Key of one office × service × local day inside the core (dense indexes for speed).
struct DayKey: Hashable, Sendable {
    var office: Int32
    var service: Int32
    var day: Int32
}

/// One count per pool (`online`, `walkIn`, `priority`), readable and writable by pool. The places taken
/// in a slot (``SlotUsage``) and a pooled interval's counter-minutes (`PooledCounters.Minutes`) are both
/// this shape; each picks the narrowest integer its bound allows.
struct PoolCounts<Count: FixedWidthInteger & Sendable>: Hashable, Sendable {
    var online: Count = 0
    var walkIn: Count = 0
    var priority: Count = 0

    subscript(pool: CapacityPool) -> Count {
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

/// Places taken in one slot, per pool: 16-bit counts (``SlotLimits`` caps a slot at 32,767 places per
/// pool), so a day's row of 32 slots takes 192 bytes. A city year creates ~150,000 rows, and their
/// first-touch page faults showed in profiles at 32-bit counts.
typealias SlotUsage = PoolCounts<Int16>

/// Capacity and usage counts of one office-service-day; `slotCount == 0` when closed.
///
/// Plain data, no arrays: the per-slot limits and usage live in ``SlotRows`` at `limitsStart` and
/// `usageStart`, so a ledger is copied without retains, written without copy-on-write checks, and a
/// new day allocates nothing of its own (a city year makes ~150,000 ledgers; one heap row each was
/// a malloc, a page-scattered first touch and a uniqueness check per booking). The public ``DayPlan``
/// is built only on request (`AllocatorCore.plan(ofLedger:)`).
struct DayLedger: Sendable {
    // Fields the availability scans read for every day come first, so one cache line holds them
    // (the scans visit many ledgers once each, and the load of each ledger was their main cost).
    var key: DayKey
    /// Slots with online room (`remaining(.online) > 0`): a search skips a day with none in O(1)
    /// instead of reading each of its slots.
    var openOnline: Int32 = 0
    /// Slots with room for a priority citizen (`remaining(.online) + remaining(.priority) > 0`).
    var openPriority: Int32 = 0
    /// Slots in the day (0 when closed).
    let slotCount: Int32
    /// Start of slot 0 in seconds since the epoch (0 when closed).
    var firstSlotStart: Int64
    /// Length of a slot in seconds (0 when closed); 32 bits keep the ledger at 64 bytes.
    private let slotLength: Int32
    var slotSeconds: Int64 { Int64(slotLength) }
    /// Occupying bookings over the day (the daily quota counts these).
    var occupied: Int32 = 0
    /// Sum of sellable places over the day (denominator of utilization).
    var sellable: Int32 = 0
    /// Index into `AllocatorCore.slotTemplates`, -1 when closed.
    let template: Int32
    /// Where the day's per-slot limits (its template's) and usage start in ``SlotRows``.
    let limitsStart: Int32
    let usageStart: Int32
    /// The pooled office-day its bookings draw counter-minutes from (``PooledCounters``), -1: none.
    let poolDay: Int32
    /// Whether its places have their own appointment minutes (an appointment template governs the day).
    let individualTimes: Bool

    /// An open day on `template`'s grid, its first slot starting at `firstSlotStart` (seconds since
    /// the epoch), with a fresh usage row at `usageStart`.
    init(
        key: DayKey, template: SlotTemplate, number: Int32, firstSlotStart: Int64, usageStart: Int32,
        poolDay: Int32 = -1
    ) {
        self.key = key
        self.template = number
        self.slotCount = template.slotCount
        self.firstSlotStart = firstSlotStart
        self.slotLength = Int32(template.slotMinutes) * 60
        self.poolDay = poolDay
        self.sellable = Int32(clamping: template.sellable)
        self.openOnline = template.openOnline
        self.openPriority = template.openPriority
        self.limitsStart = template.limitsStart
        self.usageStart = usageStart
        self.individualTimes = template.individualTimes
    }

    /// A closed day: no slots.
    init(closed key: DayKey) {
        self.key = key
        self.template = -1
        self.slotCount = 0
        self.firstSlotStart = 0
        self.slotLength = 0
        self.limitsStart = 0
        self.usageStart = 0
        self.poolDay = -1
        self.individualTimes = false
    }

    /// Start of slot `index` in seconds since the epoch.
    func slotStart(_ index: Int) -> Int64 { firstSlotStart + Int64(index) * slotSeconds }

    /// The first slot starting at or after `seconds` (`slotCount` when none does). O(1).
    func firstSlot(startingAtOrAfter seconds: Int64) -> Int {
        guard slotSeconds > 0 else { return Int(slotCount) }
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

    /// Whether a search may find a place for a booking citizen on this day: open, under the daily
    /// `quota`, and with a slot open to them (the open-slot counts, so a full day costs O(1)).
    func mayHaveRoom(isPriority: Bool, quota: Int?) -> Bool {
        guard slotCount > 0 else { return false }
        if let quota, occupied >= quota { return false }
        return (isPriority ? openPriority : openOnline) > 0
    }

    var utilization: Double { sellable == 0 ? 1 : Double(occupied) / Double(sellable) }

    /// The slot indexes, as `Int`.
    var slots: Range<Int> { 0..<Int(slotCount) }
}

/// A weekday's slot grid with what follows from it (bookable online places under the policy, which is
/// pure and fixed for the allocator's life; the sellable total; the open-slot counts of an empty day),
/// shared by the ledgers of one office, service and weekday: a new day builds none of them again.
struct SlotTemplate: Sendable {
    var firstSlotMinute: Int
    var slotMinutes: Int
    /// `slots.count`, kept beside the scalars: making a day's ledger reads only this struct, not the
    /// header of its arrays (a second cache miss per new ledger).
    var slotCount: Int32
    var slots: [SlotCapacity]
    var limits: [SlotLimits]
    /// Where `limits` is copied in ``SlotRows`` (its ledgers read it there).
    var limitsStart: Int32 = 0
    var sellable: Int
    var openOnline: Int32
    var openPriority: Int32
    /// Whether places get their own appointment minutes (see ``DayPlan/individualTimes``).
    var individualTimes: Bool
    /// The appointment template's extra online places per slot (empty: none), for the public plan.
    var overbook: [Int]
    /// Counter-minutes a booking consumes where a pool governs the day (0: no pool).
    var pooledMinutes: Int32 = 0
    /// The pool's number in the configuration (-1: none) and its counter-minutes per interval and
    /// reserve after the policy's overbooking and the pool's own extra minutes.
    var pool: Int32 = -1
    var poolCounters = 0
    var poolLimits: [PooledCounters.Minutes] = []
    /// The office's breaks on the pooled day, in minutes after opening (empty: none).
    var poolPauses: [PooledCounters.Pause] = []

    /// `bookable[i]`: online places slot `i` may sell under the policy (and the template's extra places).
    init(grid: WeekdayGrid, bookable: [Int32]) {
        firstSlotMinute = grid.firstSlotMinute
        slotMinutes = grid.slotMinutes
        individualTimes = grid.individualTimes
        overbook = grid.overbook
        slots = grid.slots
        slotCount = Int32(grid.slots.count)
        limits = zip(bookable, grid.slots).map { SlotLimits(online: $0, walkIn: $1.walkIn, priority: $1.priority) }
        sellable = zip(slots, bookable).reduce(0) { $0 + Int($1.1) + $1.0.walkIn + $1.0.priority }
        openOnline = Int32(bookable.count { $0 > 0 })
        openPriority = Int32(zip(bookable, slots).count { Int($0) + $1.priority > 0 })
    }
}

/// What one slot may sell per pool: online as the policy allows (≥ planned when overbooking), the
/// reserves as planned. One buffer for all three, so checking a slot's room reads one cache line
/// (a separate capacity array cost a cache miss per booking).
struct SlotLimits: Hashable, Sendable {
    var online: Int32
    var walkIn: Int32
    var priority: Int32

    /// Places beyond `Int16.max` per pool are clamped: usage counts are `Int16`, so no slot could use
    /// more (and no office serves 32,767 citizens in one slot).
    init(online: Int32, walkIn: Int, priority: Int) {
        self.online = min(online, Int32(Int16.max))
        self.walkIn = Int32(clamping: min(walkIn, Int(Int16.max)))
        self.priority = Int32(clamping: min(priority, Int(Int16.max)))
    }
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
