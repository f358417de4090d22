/// The observable state of an allocator, for equality checks (e.g. before and after reopening a store).
public struct AllocatorSnapshot: Hashable, Sendable {
    public var bookings: [BookingRecord]
    /// Used places per slot that has any, keyed "office/service/slotStart/pool".
    public var usage: [String: Int]
    public var activeByNIK: [NIKHash: Int]
    /// Bookings made per account within the window ending at the snapshot's instant.
    public var accountCounts: [AccountID: Int]
    public var idempotencyKeys: [String: BookingID]
    public var pendingHolds: Int
}

extension AllocatorCore {
    /// The state as seen at `now` (account windows are judged at `now`). O(n).
    public func snapshot(at now: Instant) -> AllocatorSnapshot {
        var usage: [String: Int] = [:]
        for number in ledgers.indices {
            let ledger = ledgers[number]
            guard let plan = plan(ofLedger: number) else { continue }
            for index in ledger.slots {
                let used = rows.usage(of: ledger, at: index)
                for pool in CapacityPool.allCases where used[pool] > 0 {
                    usage["\(plan.office)/\(plan.service)/\(plan.slotStart(index))/\(pool.rawValue)"] = Int(used[pool])
                }
            }
        }
        let windowStart = now.adding(seconds: -rules.accountWindowSeconds)
        var accounts: [AccountID: Int] = [:]
        for (account, history) in accountHistory {
            let count = history.filter { $0 > windowStart }.count
            if count > 0 { accounts[account] = count }
        }
        var keys: [String: BookingID] = [:]
        for index in bookings.indices {
            guard let key = idempotency.key(at: index) else { continue }
            let scope = IdempotencyScope(nikHash: niks.hashes[Int(bookings[index].nik)], key: key)
            guard let owner = idempotencyOwner(of: scope) else { continue }
            keys["\(scope.nikHash)/\(key)"] = BookingID(UInt64(owner + 1))
        }
        return AllocatorSnapshot(
            bookings: allBookings, usage: usage, activeByNIK: activeByNIK(), accountCounts: accounts,
            idempotencyKeys: keys, pendingHolds: bookings.indices.count { bookings[$0].state == .held })
    }

    /// Held or booked bookings per NIK, for NIKs that have any. O(citizens seen).
    func activeByNIK() -> [NIKHash: Int] {
        var active: [NIKHash: Int] = [:]
        for number in activeCounts.indices where activeCounts[number] != 0 {
            active[niks.hashes[number]] = Int(activeCounts[number])
        }
        return active
    }

    /// Every invariant the allocator promises, checked from scratch against the booking records:
    /// no pool over capacity, ledgers (and their open-slot counts) equal to a recount of bookings, daily quotas respected, NIK limits
    /// respected, one booking per idempotency key. Slots before the retirement cutoff also count
    /// retired bookings, so there a ledger must hold at least the recount. Returns human-readable
    /// violations (empty = sound). O(n).
    public func invariantViolations() -> [String] {
        var violations: [String] = []
        var recount: [LedgerPosition: SlotUsage] = [:]
        var dayRecount: [DayKey: Int] = [:]
        // Indexed from the first held NIK number.
        let firstNumber = activeCounts.startIndex
        var nikRecount = [Int32](repeating: 0, count: activeCounts.indices.count)
        var keyOwners: [IdempotencyScope: BookingID] = [:]
        if niks.count != activeCounts.endIndex || niks.heldCount != activeCounts.indices.count {
            violations.append("NIK table and active counts differ in size")
        }
        for index in bookings.indices {
            let booking = bookings[index]
            if booking.nik < firstNumber { violations.append("booking \(index + 1) uses a dropped NIK number") }
            let position = position(ofBookingAt: index)
            if booking.state.occupiesCapacity {
                recount[position, default: SlotUsage()][booking.pool] += 1
                dayRecount[position.key, default: 0] += 1
            }
            if booking.state.isActive, nikRecount.indices.contains(Int(booking.nik) - firstNumber) {
                nikRecount[Int(booking.nik) - firstNumber] += 1
            }
            if booking.hasIdempotencyKey != (idempotency.key(at: index) != nil) {
                violations.append("booking \(index + 1) and the idempotency side table disagree")
            }
            if let key = idempotency.key(at: index) {
                let id = BookingID(UInt64(index + 1))
                let scope = IdempotencyScope(nikHash: niks.hashes[Int(booking.nik)], key: key)
                if let other = keyOwners[scope] {
                    violations.append("idempotency key \(key) used by \(other) and \(id)")
                }
                keyOwners[scope] = id
            }
        }
        for number in ledgers.indices {
            let ledger = ledgers[number]
            let key = ledger.key
            if ledgerDirectory.number(of: key) != Int32(number) {
                violations.append("ledger \(number) is not found by its day")
            }
            guard let plan = plan(ofLedger: number) else { continue }
            for slot in plan.slots.indices {
                let used = rows.usage(of: ledger, at: slot)
                let expected = recount[
                    LedgerPosition(key: key, ledger: Int32(number), slot: Int32(slot)), default: SlotUsage()]
                let retired = ledger.slotStart(slot) < retiredSlotsBefore
                if retired
                    ? (used.online < expected.online || used.walkIn < expected.walkIn
                        || used.priority < expected.priority) : used != expected
                {
                    violations.append("ledger \(plan.office)/\(plan.slotStart(slot)) \(used) ≠ recount \(expected)")
                }
                if Int32(used.online) > rows.limits(of: ledger, at: slot).online
                    || Int(used.walkIn) > plan.slots[slot].walkIn
                    || Int(used.priority) > plan.slots[slot].priority
                {
                    violations.append(
                        "slot \(plan.office)/\(plan.service)/\(plan.slotStart(slot)) over capacity: \(used)")
                }
            }
            let open = rows.scanOpenSlots(of: ledger)
            if open.online != ledger.openOnline || open.priority != ledger.openPriority {
                violations.append(
                    "day \(plan.office)/\(plan.service)/\(plan.date) open slots \(ledger.openOnline)/\(ledger.openPriority)"
                        + " ≠ scan \(open.online)/\(open.priority)")
            }
            let dayRetired = ledger.slotStart(0) < retiredSlotsBefore
            if dayRetired
                ? ledger.occupied < dayRecount[key, default: 0] : ledger.occupied != dayRecount[key, default: 0]
            {
                violations.append(
                    "day \(plan.office)/\(plan.date) occupied \(ledger.occupied) ≠ \(dayRecount[key, default: 0])")
            }
            if let quota = configuration.services[Int(key.service)].dailyQuota, ledger.occupied > quota {
                violations.append("day \(plan.office)/\(plan.service)/\(plan.date) over its quota \(quota)")
            }
        }
        for (position, _) in recount where ledgerDirectory.number(of: position.key) != position.ledger {
            violations.append("booking in a ledger that does not match its day")
        }
        if nikRecount != activeCounts.indices.map({ activeCounts[$0] }) {
            violations.append("active-per-NIK counts differ from a recount")
        }
        // The per-NIK limit finds exactly the numbers with active bookings, one per NIK.
        var live = 0
        for number in activeCounts.indices where activeCounts[number] > 0 {
            live += 1
            if niks.number(of: niks.hashes[number]) != Int32(number) {
                violations.append("NIK \(niks.hashes[number]) with active bookings is not found by its hash")
            }
        }
        if live != niks.liveCount { violations.append("NIK table finds \(niks.liveCount) NIKs, \(live) are active") }
        for (offset, count) in nikRecount.enumerated() where count > rules.maxActiveBookingsPerNIK {
            violations.append("NIK \(niks.hashes[firstNumber + offset]) has \(count) active bookings")
        }
        if idempotency.indices != bookings.indices || keyOwners.count != idempotency.count
            || keyOwners.contains(where: { idempotencyOwner(of: $0.key).map { BookingID(UInt64($0 + 1)) } != $0.value })
        {
            violations.append("idempotency index differs from the bookings")
        }
        violations += placeViolations()
        violations += pooledViolations()
        return violations
    }

    /// On pooled days: every interval's sold counter-minutes per reserve are the minutes its occupying
    /// bookings' segments spend in it (at least those, once history was retired) and within what it may
    /// sell, and the timeline holds one segment per occupying booking. O(n + intervals).
    func pooledViolations() -> [String] {
        var violations: [String] = []
        var recount: [Int: PooledCounters.Minutes] = [:]
        var segments: [Int: [PooledCounters.Segment]] = [:]
        for index in bookings.indices where bookings[index].state.occupiesCapacity {
            let booking = bookings[index]
            let ledger = Int(booking.ledger)
            let day = ledgers[ledger].poolDay
            guard day >= 0 else { continue }
            let minutes = Int(pooledMinutes(ledger: ledger))
            let shape = pooledCounters.days[Int(day)]
            let start = Int(booking.slot) * Int(shape.intervalMinutes) + Int(booking.appointmentMinutes)
            PooledCounters.forEachCharge(of: shape, start: start, length: minutes) { interval, charged in
                recount[pooledCounters.position(day: day, interval: interval), default: .init()][booking.pool] +=
                    Int32(charged)
            }
            segments[pooledCounters.position(day: day, interval: Int(booking.slot)), default: []].append(
                PooledCounters.Segment(minute: booking.appointmentMinutes, length: UInt16(clamping: minutes)))
        }
        let retired = retiredSlotsBefore != Int64.min
        for position in pooledCounters.intervals.indices {
            let interval = pooledCounters.intervals[position]
            let expected = recount[position] ?? .init()
            let used = interval.used
            if retired
                ? used.online < expected.online || used.walkIn < expected.walkIn || used.priority < expected.priority
                : used != expected
            {
                violations.append("pooled interval \(position) sold \(used) ≠ recount \(expected)")
            }
            if used.online > interval.limit.online || used.walkIn > interval.limit.walkIn
                || used.priority > interval.limit.priority
            {
                violations.append("pooled interval \(position) sold \(used), beyond its \(interval.limit)")
            }
            let held = (pooledCounters.segments[position] ?? []).sorted {
                ($0.minute, $0.length) < ($1.minute, $1.length)
            }
            let owned = (segments[position] ?? []).sorted { ($0.minute, $0.length) < ($1.minute, $1.length) }
            if !retired && held != owned {
                violations.append("pooled interval \(position)'s timeline differs from its bookings")
            }
        }
        return violations
    }

    /// On days with individual appointment times: every occupying booking holds its own place below
    /// the slot's place count, no free place (`freedPlaces`) is held, and every appointment lies
    /// inside its slot. O(n).
    func placeViolations() -> [String] {
        var violations: [String] = []
        var held: [Int: Set<UInt16>] = [:]
        for index in bookings.indices {
            let booking = bookings[index]
            let ledger = Int(booking.ledger)
            if Int64(booking.appointmentMinutes) * 60 >= max(60, ledgers[ledger].slotSeconds) {
                violations.append("booking \(index + 1)'s appointment lies outside its slot")
            }
            guard booking.state.occupiesCapacity, ledgers[ledger].individualTimes, ledgers[ledger].poolDay < 0
            else { continue }
            let row = Int(ledgers[ledger].usageStart) + Int(booking.slot)
            if Int(booking.place) >= placeCount(ledger: ledger, slot: Int(booking.slot)) {
                violations.append("booking \(index + 1) holds place \(booking.place) beyond its slot's places")
            }
            if !held[row, default: []].insert(booking.place).inserted {
                violations.append("place \(booking.place) of a slot is held twice (booking \(index + 1))")
            }
            if freedPlaces[row]?.contains(booking.place) == true {
                violations.append("booking \(index + 1) holds place \(booking.place), which is listed as free")
            }
        }
        return violations
    }
}
