extension AllocatorCore {
    // Pooled counters (``AppointmentPool``). A pooled service keeps its own day ledger on the pool's
    // interval grid. Its places per slot and reserve are the pool's counter-minutes: every booking
    // starting in an interval is charged at least one of its minutes, so the ledger's counts (daily
    // quota, open-slot counts that let a search skip a full day) stay valid upper bounds. What decides
    // is the pool: a booking needs its expected minutes left in its reserve of every interval it is
    // charged to (``PooledCounters``), which every service of the pool draws on. The open-slot counts
    // may then overstate a day's room (another service used the minutes); they never understate it,
    // so a search reads such a day's slots instead of skipping it, and finds the truth there.

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
        // Limits in counter-minutes (see above); the public plan and the utilization keep the places
        // this service alone could have.
        var bounds = grid
        bounds.slots = limits.map {
            SlotCapacity(online: Int($0.online), walkIn: Int($0.walkIn), priority: Int($0.priority))
        }
        var template = SlotTemplate(grid: bounds, bookable: limits.map(\.online))
        template.slots = grid.slots
        template.sellable = zip(grid.slots, limits).reduce(0) {
            $0 + Int($1.1.online / length) + $1.0.walkIn + $1.0.priority
        }
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
    /// no more than the pool's counter-minutes left in that reserve admit. O(1).
    func remaining(_ pool: CapacityPool, ledger: Int, slot: Int) -> Int {
        let places = rows.remaining(pool, of: ledgers[ledger], at: slot)
        let day = ledgers[ledger].poolDay
        guard day >= 0 else { return places }
        return min(
            places, pooledCounters.places(pool, day: day, interval: slot, length: Int(pooledMinutes(ledger: ledger))))
    }

    /// Places a booking citizen may take in slot `slot` of ledger `ledger` (see `SlotRows.room`).
    func room(ledger: Int, slot: Int, isPriority: Bool) -> Int {
        guard ledgers[ledger].poolDay >= 0 else {
            return rows.room(of: ledgers[ledger], at: slot, isPriority: isPriority)
        }
        let online = remaining(.online, ledger: ledger, slot: slot)
        return isPriority ? online + remaining(.priority, ledger: ledger, slot: slot) : online
    }

    /// Puts the booking at `index` on its pooled day's timeline (at `storedMinutes` when given), charges
    /// its minutes to its reserve and sets its appointment minutes. Its `place` becomes 0: it holds a
    /// segment to give back.
    mutating func takePooledPlace(bookingAt index: Int, storedMinutes: Int?) {
        let ledger = Int(bookings[index].ledger)
        let minute = pooledCounters.take(
            day: ledgers[ledger].poolDay, interval: Int(bookings[index].slot),
            length: Int(pooledMinutes(ledger: ledger)), pool: bookings[index].pool, at: storedMinutes)
        bookings[index].place = 0
        bookings[index].appointmentMinutes = UInt16(clamping: minute)
    }

    /// Takes the booking at `index`'s segment off its pooled day's timeline and gives its minutes back.
    mutating func releasePooledPlace(bookingAt index: Int) {
        let ledger = Int(bookings[index].ledger)
        pooledCounters.release(
            day: ledgers[ledger].poolDay, interval: Int(bookings[index].slot),
            minute: Int(bookings[index].appointmentMinutes), length: Int(pooledMinutes(ledger: ledger)),
            pool: bookings[index].pool)
    }

    /// Whether a booking of `position`'s service at `minute` after its interval's start fits the unsold
    /// `pool` counter-minutes of every interval it is charged to (true where no pool governs). A
    /// restored booking keeps its minute, so this, not the admission of a new booking, is its test.
    func pooledFits(_ pool: CapacityPool, at position: LedgerPosition, minute: Int) -> Bool {
        let ledger = Int(position.ledger)
        let day = ledgers[ledger].poolDay
        guard day >= 0 else { return true }
        return pooledCounters.fits(
            pool, day: day, interval: Int(position.slot), minute: minute, length: Int(pooledMinutes(ledger: ledger)))
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
