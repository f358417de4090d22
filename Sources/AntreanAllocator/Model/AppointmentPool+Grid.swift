extension AllocatorConfiguration {
    /// The pool (its index in `appointmentPools`) that governs `office`/`service` on `date`, if any:
    /// the most specific match, the later entry on a tie. O(pools × services per pool).
    public func appointmentPool(office: OfficeID, service: ServiceID, date: LocalDate) -> Int? {
        let weekday = date.weekday
        return appointmentPools.mostSpecific {
            $0.matches(office: office, service: service, date: date, weekday: weekday)
        }
    }

    /// The pool that governs `office`/`service` on every `weekday` outside date entries.
    func appointmentPool(office: OfficeID, service: ServiceID, weekday: Weekday) -> Int? {
        appointmentPools.mostSpecific { $0.matches(office: office, service: service, weekday: weekday) }
    }

    /// Local days some dated pool names (their ledgers look for a dated grid first).
    var datedPoolDays: Set<Int> { appointmentPools.datedDays }

    /// The counter-minutes pool `number` gives `office` on a day of `weekday`, per interval and
    /// reserve (before the policy's overbooking), checked against the day: the interval divides the
    /// opening hours, `overbook` has one entry per interval. An interval has its counters × its
    /// minutes, less minute by minute the counters on a break then (never below none): a break from
    /// 11:30 in a 11:20–11:40 interval takes its counters for 10 of the 20 minutes. A pool without
    /// counters of its own follows the office's `shifts` (a roster): its counters are the most rostered
    /// at any minute of the day, and the minutes with fewer are pauses of the difference, so both the
    /// counter-minutes and the appointment minutes follow the roster. Nil when the office is closed
    /// that weekday. O(intervals), O(open minutes × (breaks + shifts)) with breaks or shifts.
    func poolGrid(_ number: Int, office: OfficeConfig, weekday: Weekday) throws(TemplateFitError) -> PoolGrid? {
        let pool = appointmentPools[number]
        guard let hours = office.openingHours[weekday] else { return nil }
        let length = pool.intervalMinutes
        let count = try Self.intervalCount(length: length, hours: hours, weekday: weekday)
        let base =
            pool.counters
            ?? office.services.filter { pool.services.contains($0.service) }.map(\.counters).max() ?? 0
        let open = hours.opensAtMinute..<max(hours.opensAtMinute, hours.closesAtMinute)
        let followsShifts = pool.counters == nil && !(office.shifts[weekday] ?? []).isEmpty
        var office = office
        if !followsShifts { office.shifts = [:] }
        let counters =
            followsShifts ? open.map { office.rosteredCounters(base, on: weekday, at: $0) }.max() ?? base : base
        if followsShifts && counters == 0 {
            throw TemplateFitError(
                field: "counters",
                message: "the pool has no counters of its own, and the office's roster (shifts.\(weekday.rawValue)) "
                    + "has no counter at any open minute; roster one, give the pool counters, or close the office that day"
            )
        }
        guard (1...1000).contains(counters) else {
            throw TemplateFitError(field: "counters", message: "must lie in 1…1000, got \(counters)")
        }
        try Self.checkOverbook(pool.overbook, count: count, unit: "counter-minutes")
        let walkInShare = office.walkInShare[weekday] ?? 0
        let priorityShare = office.priorityShare[weekday] ?? 0
        // Counters at the desk minute by minute from opening (away: on break, or not rostered), counted
        // once for both the pauses and the intervals' counter-minutes; not needed without either.
        let byMinute =
            followsShifts || !(office.breaks[weekday] ?? []).isEmpty
            ? open.map { office.staffedCounters(base, on: weekday, at: $0) } : []
        let pauses =
            followsShifts
            ? Self.pauses(staffed: byMinute, counters: counters)
            : Self.pauses(office.breaks[weekday] ?? [], hours: hours)
        let minutes = (0..<count).map { (interval: Int) -> SlotCapacity in
            let first = interval * length
            let staffed =
                pauses.isEmpty
                ? counters * length
                : byMinute[min(first, byMinute.count)..<min(first + length, byMinute.count)].reduce(0, +)
            return SlotCapacity.split(total: staffed, walkInShare: walkInShare, priorityShare: priorityShare)
        }
        return PoolGrid(
            pool: number, firstMinute: hours.opensAtMinute, intervalMinutes: length, counters: counters,
            minutes: minutes, overbook: pool.overbook ?? [], pauses: pauses)
    }

    /// The minutes with fewer than `counters` at the desk (`staffed`, one entry per minute from
    /// opening) as pauses of the difference, one per run of equal shortfall. O(minutes).
    static func pauses(staffed: [Int], counters: Int) -> [PooledCounters.Pause] {
        var pauses: [PooledCounters.Pause] = []
        var start = 0
        while start < staffed.count {
            let away = counters - staffed[start]
            var end = start + 1
            while end < staffed.count, counters - staffed[end] == away { end += 1 }
            if away > 0 {
                pauses.append(
                    PooledCounters.Pause(
                        start: Int32(clamping: start), end: Int32(clamping: end), counters: Int32(clamping: away)))
            }
            start = end
        }
        return pauses
    }

    /// `breaks` as minutes after opening, cut to the opening `hours` (those outside them dropped).
    static func pauses(_ breaks: [OfficeBreak], hours: OpeningHours) -> [PooledCounters.Pause] {
        breaks.compactMap { pause in
            let start = max(pause.startMinute, hours.opensAtMinute)
            let end = min(pause.endMinute, hours.closesAtMinute)
            guard start < end, pause.counters > 0 else { return nil }
            return PooledCounters.Pause(
                start: Int32(clamping: start - hours.opensAtMinute), end: Int32(clamping: end - hours.opensAtMinute),
                counters: Int32(clamping: pause.counters))
        }
    }

    /// The pooled grid of `office`/`service` on `weekday` (every day outside dated entries), if a
    /// pool governs it. Nil also when the pool does not fit the day (validation refuses that). O(intervals).
    func pooledGrid(office: OfficeConfig, service: ServiceConfig, weekday: Weekday) -> WeekdayGrid? {
        guard !appointmentPools.isEmpty,
            let number = appointmentPool(office: office.id, service: service.id, weekday: weekday)
        else { return nil }
        return pooledGrid(number, office: office, service: service, weekday: weekday)
    }

    func pooledGrid(_ number: Int, office: OfficeConfig, service: ServiceConfig, weekday: Weekday) -> WeekdayGrid? {
        guard office.services.contains(where: { $0.service == service.id }),
            let grid = try? poolGrid(number, office: office, weekday: weekday)
        else { return nil }
        let minutes = appointmentPools[number].minutes(of: service.id, meanServiceMinutes: service.meanServiceMinutes)
        guard minutes >= 1 else { return nil }
        // The public plan shows how many of this service alone each interval could hold.
        let slots = grid.minutes.map {
            SlotCapacity(online: $0.online / minutes, walkIn: $0.walkIn / minutes, priority: $0.priority / minutes)
        }
        return WeekdayGrid(
            firstSlotMinute: grid.firstMinute, slotMinutes: grid.intervalMinutes, slots: slots,
            individualTimes: true, pooled: PooledService(grid: grid, minutes: minutes))
    }
}

/// A pool's counter-minutes on one office's weekday, per interval.
struct PoolGrid: Hashable, Sendable {
    /// Index in `AllocatorConfiguration.appointmentPools`.
    var pool: Int
    var firstMinute: Int
    var intervalMinutes: Int
    var counters: Int
    /// Counter-minutes per interval and reserve (online before the policy's overbooking).
    var minutes: [SlotCapacity]
    /// Extra online counter-minutes per interval (empty: none).
    var overbook: [Int]
    /// The office's breaks that day, in minutes after opening (empty: none).
    var pauses: [PooledCounters.Pause] = []
}

/// What a service's grid needs of the pool that governs it.
struct PooledService: Hashable, Sendable {
    var grid: PoolGrid
    /// Counter-minutes one booking of the service consumes.
    var minutes: Int
}
