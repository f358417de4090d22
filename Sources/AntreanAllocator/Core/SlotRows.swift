/// The per-slot rows of every day ledger, back to back in two arrays: what each slot may sell per pool
/// (one row per slot template, shared by its days) and what each day has taken (one row per ledger).
///
/// One arena instead of arrays inside each ledger: a day's ledger stays plain data (see ``DayLedger``),
/// a new day's row is appended where the previous day's ended (so the days a placement search
/// walks sit together), and writing a count checks the uniqueness of one buffer, not one per day.
/// Every operation is O(1) except `scanOpenSlots` (O(slots)).
struct SlotRows: Sendable {
    private(set) var limits: [SlotLimits] = []
    /// Usage rows by absolute position: rows of retired ledgers are dropped from the front.
    private(set) var usage = SlidingArray<SlotUsage>()
    /// Where each distinct limits row starts: templates with equal rows share one.
    private var limitsRows: [[SlotLimits]: Int32] = [:]

    /// Copies a template's limits in (unless an equal row is there already) and returns where they
    /// start. Offices of one size share their weekday grids: Samarinda's 1,595 office-service-weekday
    /// templates have 8 distinct rows. Every placement and walk-in reads them, and a row per template
    /// (≈ 600 KB) did not stay in cache.
    mutating func appendLimits(_ row: [SlotLimits]) -> Int32 {
        if let start = limitsRows[row] { return start }
        let start = Int32(limits.count)
        limits.append(contentsOf: row)
        limitsRows[row] = start
        return start
    }

    /// Distinct limits rows stored.
    var limitsRowCount: Int { limitsRows.count }

    /// Appends an empty usage row of `count` slots and returns where it starts.
    mutating func appendUsage(count: Int) -> Int32 {
        let start = Int32(usage.endIndex)
        usage.append(repeating: SlotUsage(), count: count)
        return start
    }

    mutating func reserveUsage(_ additional: Int) { usage.reserveCapacity(usage.indices.count + additional) }

    /// Forgets the usage rows before `position` (those of retired ledgers).
    mutating func dropUsage(below position: Int) { usage.dropPositions(below: position) }

    func limits(of ledger: DayLedger, at index: Int) -> SlotLimits { limits[Int(ledger.limitsStart) + index] }

    func usage(of ledger: DayLedger, at index: Int) -> SlotUsage { usage[Int(ledger.usageStart) + index] }

    /// Capacity left in `pool` of slot `index` of `ledger`.
    func remaining(_ pool: CapacityPool, of ledger: DayLedger, at index: Int) -> Int {
        let limit = limits(of: ledger, at: index)
        let used = usage(of: ledger, at: index)
        return switch pool {
        case .online: Int(limit.online) - Int(used.online)
        case .walkIn: Int(limit.walkIn) - Int(used.walkIn)
        case .priority: Int(limit.priority) - Int(used.priority)
        }
    }

    /// Places a booking citizen may take in slot `index`: online ones, and for a priority citizen the
    /// priority reserve too.
    func room(of ledger: DayLedger, at index: Int, isPriority: Bool) -> Int {
        let online = remaining(.online, of: ledger, at: index)
        return isPriority ? online + remaining(.priority, of: ledger, at: index) : online
    }

    /// Takes (`delta` 1) or frees (-1) a place of `pool` in slot `index` of `ledger`, keeping its
    /// `occupied` and open-slot counts in step.
    mutating func add(_ delta: Int32, to pool: CapacityPool, of ledger: inout DayLedger, at index: Int) {
        let online = remaining(.online, of: ledger, at: index)
        let withPriority = online + remaining(.priority, of: ledger, at: index)
        usage[Int(ledger.usageStart) + index][pool] += Int16(delta)
        ledger.occupied += delta
        guard pool != .walkIn else { return }
        let onlineAfter = remaining(.online, of: ledger, at: index)
        let withPriorityAfter = onlineAfter + remaining(.priority, of: ledger, at: index)
        ledger.openOnline += (onlineAfter > 0 ? 1 : 0) - (online > 0 ? 1 : 0)
        ledger.openPriority += (withPriorityAfter > 0 ? 1 : 0) - (withPriority > 0 ? 1 : 0)
    }

    /// `ledger`'s `openOnline` and `openPriority` recounted from every slot, for invariant checks.
    func scanOpenSlots(of ledger: DayLedger) -> (online: Int32, priority: Int32) {
        var online: Int32 = 0
        var priority: Int32 = 0
        for index in ledger.slots {
            let room = remaining(.online, of: ledger, at: index)
            if room > 0 { online += 1 }
            if room + remaining(.priority, of: ledger, at: index) > 0 { priority += 1 }
        }
        return (online, priority)
    }
}
