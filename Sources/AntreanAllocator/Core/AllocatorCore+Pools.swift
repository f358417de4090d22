extension AllocatorCore {
    // Pooled counters (``AppointmentPool``). A pooled service keeps its own day ledger on the pool's
    // interval grid, whose places per reserve are what the pool's counter-minutes would give that
    // service alone (⌊minutes ÷ its expected minutes⌋): an upper bound, so the ledger's counts
    // (daily quota, open-slot counts that let a search skip a full day) stay valid. What decides is
    // the pool: a booking needs its expected minutes left in its reserve of its interval, which every
    // service of the pool draws on. The open-slot counts may then overstate a day's room (another
    // service used the minutes); they never understate it, so a search reads such a day's slots
    // instead of skipping it, and finds the truth there.

    /// Adds the slot template of a pooled service's grid: the pool's online counter-minutes raised
    /// as the policy allows plus the pool's extra minutes, and the service's places within them.
    mutating func addPooledSlotTemplate(
        _ grid: WeekdayGrid, pooled: PooledService, office: OfficeID, weekday: Weekday
    ) -> Int32 {
        let limits = pooled.grid.minutes.indices.map { index in
            let minutes = pooled.grid.minutes[index]
            let extra = index < pooled.grid.overbook.count ? pooled.grid.overbook[index] : 0
            let online = max(
                minutes.online, policy.bookableOnlineCapacity(minutes.online, office: office, weekday: weekday))
            return PooledCounters.Minutes(
                online: Int32(clamping: online + extra), walkIn: Int32(clamping: minutes.walkIn),
                priority: Int32(clamping: minutes.priority))
        }
        let length = Int32(pooled.minutes)
        var template = SlotTemplate(grid: grid, bookable: limits.map { $0.online / length })
        template.pooledMinutes = length
        template.pool = Int32(pooled.grid.pool)
        template.poolCounters = pooled.grid.counters
        template.poolLimits = limits
        template.poolPauses = pooled.grid.pauses
        return appendSlotTemplate(template)
    }

    /// The pooled day a new ledger of `key` on slot template `template` draws on (-1: none).
    /// Reads the template's fields in place: a copy of it retains its arrays, once per new ledger.
    mutating func poolDay(_ key: DayKey, template number: Int) -> Int32 {
        let pool = slotTemplates[number].pool
        guard pool >= 0 else { return -1 }
        let limits = slotTemplates[number].poolLimits
        let intervalMinutes = slotTemplates[number].slotMinutes
        let counters = slotTemplates[number].poolCounters
        return pooledCounters.day(
            PooledCounters.Key(office: key.office, pool: pool, day: key.day), limits: limits,
            intervalMinutes: intervalMinutes, counters: counters, pauses: slotTemplates[number].poolPauses)
    }

    /// Counter-minutes one booking of ledger `ledger` consumes (0: not pooled).
    func pooledMinutes(ledger: Int) -> Int32 {
        let template = ledgers[ledger].template
        return template >= 0 ? slotTemplates[Int(template)].pooledMinutes : 0
    }

    /// Places left in `pool` of slot `slot` of ledger `ledger`: the ledger's own, and on a pooled day
    /// no more than the pool's counter-minutes left in that reserve hold. O(1).
    func remaining(_ pool: CapacityPool, ledger: Int, slot: Int) -> Int {
        let places = rows.remaining(pool, of: ledgers[ledger], at: slot)
        let day = ledgers[ledger].poolDay
        guard day >= 0 else { return places }
        let minutes = pooledCounters.remaining(pool, day: day, interval: slot)
        return min(places, max(0, minutes) / Int(pooledMinutes(ledger: ledger)))
    }

    /// Places a booking citizen may take in slot `slot` of ledger `ledger` (see `SlotRows.room`).
    func room(ledger: Int, slot: Int, isPriority: Bool) -> Int {
        guard ledgers[ledger].poolDay >= 0 else {
            return rows.room(of: ledgers[ledger], at: slot, isPriority: isPriority)
        }
        let online = remaining(.online, ledger: ledger, slot: slot)
        return isPriority ? online + remaining(.priority, ledger: ledger, slot: slot) : online
    }

    /// Counts a booking's expected minutes against (`sign` 1) or back to (-1) its pooled interval.
    mutating func countPooledMinutes(_ sign: Int32, at position: LedgerPosition, pool: CapacityPool) {
        let ledger = Int(position.ledger)
        let day = ledgers[ledger].poolDay
        guard day >= 0 else { return }
        pooledCounters.add(sign * pooledMinutes(ledger: ledger), to: pool, day: day, interval: Int(position.slot))
    }

    /// Puts the booking at `index` on its pooled interval's timeline (at `storedMinutes` when given)
    /// and sets its appointment minutes. Its `place` becomes 0: it holds a segment to give back.
    mutating func takePooledPlace(bookingAt index: Int, storedMinutes: Int?) {
        let ledger = Int(bookings[index].ledger)
        let minute = pooledCounters.take(
            day: ledgers[ledger].poolDay, interval: Int(bookings[index].slot),
            length: Int(pooledMinutes(ledger: ledger)), at: storedMinutes)
        bookings[index].place = 0
        bookings[index].appointmentMinutes = UInt16(clamping: minute)
    }

    /// Takes the booking at `index`'s segment off its pooled interval's timeline.
    mutating func releasePooledPlace(bookingAt index: Int) {
        let ledger = Int(bookings[index].ledger)
        pooledCounters.release(
            day: ledgers[ledger].poolDay, interval: Int(bookings[index].slot),
            minute: Int(bookings[index].appointmentMinutes), length: Int(pooledMinutes(ledger: ledger)))
    }

    /// Whether the pooled interval of `position` has `pool` counter-minutes left for one more booking
    /// of its service (true where no pool governs). O(1).
    func pooledRoom(for pool: CapacityPool, at position: LedgerPosition) -> Bool {
        let ledger = Int(position.ledger)
        let day = ledgers[ledger].poolDay
        guard day >= 0 else { return true }
        return pooledCounters.remaining(pool, day: day, interval: Int(position.slot))
            >= Int(pooledMinutes(ledger: ledger))
    }

    /// The counter-minutes sold and sellable per reserve of interval `index` of the pool governing
    /// `office`/`service` on `date` (nil: no pool governs that day, or it is closed), for dashboards
    /// and tests: the pool's own accounting, independent of any one service's places. O(1) after the
    /// day's ledger exists.
    public mutating func pooledMinutes(
        office: OfficeID, service: ServiceID, date: LocalDate
    ) -> [(sold: SlotCapacity, sellable: SlotCapacity)]? {
        guard let officeNumber = officeIndex[office], let serviceNumber = serviceIndex[service],
            Self.supportedDays.contains(date.daysSinceEpoch)
        else { return nil }
        let number = ledgerNumber(DayKey(office: officeNumber, service: serviceNumber, day: Int32(date.daysSinceEpoch)))
        let day = ledgers[number].poolDay
        guard day >= 0 else { return nil }
        return (0..<Int(ledgers[number].slotCount)).map { index in
            let interval = pooledCounters.interval(day: day, index)
            return (
                SlotCapacity(
                    online: Int(interval.used.online), walkIn: Int(interval.used.walkIn),
                    priority: Int(interval.used.priority)),
                SlotCapacity(
                    online: Int(interval.limit.online), walkIn: Int(interval.limit.walkIn),
                    priority: Int(interval.limit.priority))
            )
        }
    }
}
