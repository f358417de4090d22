/// The three pools a slot's capacity is split into.
public enum CapacityPool: String, Hashable, Sendable, Codable, CaseIterable {
    /// Booked ahead through the portal.
    case online
    /// Kept for citizens who come without a booking.
    case walkIn = "walk_in"
    /// Kept for priority citizens (elderly, disabled, pregnant), booked or walking in.
    case priority
}

/// Capacity of one slot, per pool.
public struct SlotCapacity: Hashable, Sendable, Codable {
    public var online: Int
    public var walkIn: Int
    public var priority: Int

    public init(online: Int, walkIn: Int, priority: Int) {
        self.online = online
        self.walkIn = walkIn
        self.priority = priority
    }

    public var total: Int { online + walkIn + priority }

    public subscript(pool: CapacityPool) -> Int {
        switch pool {
        case .online: online
        case .walkIn: walkIn
        case .priority: priority
        }
    }

    /// Splits `total` by the reserve shares, rounding each reserve to the nearest whole place;
    /// the online pool gets the rest (never negative).
    public static func split(total: Int, walkInShare: Double, priorityShare: Double) -> SlotCapacity {
        let walkIn = min(total, Int((Double(total) * max(0, walkInShare)).rounded()))
        let priority = min(total - walkIn, Int((Double(total) * max(0, priorityShare)).rounded()))
        return SlotCapacity(online: total - walkIn - priority, walkIn: walkIn, priority: priority)
    }
}

/// The slot grid of one office, service and local day.
public struct DayPlan: Hashable, Sendable {
    public var office: OfficeID
    public var service: ServiceID
    public var date: LocalDate
    /// Local minute of the first slot's start.
    public var firstSlotMinute: Int
    public var slotMinutes: Int
    /// UTC instant of the first slot's start.
    public var firstSlotStart: Instant
    public var slots: [SlotCapacity]
    /// Extra online places per slot from the appointment template (empty: none).
    public var overbook: [Int] = []
    /// Whether each place has its own appointment minute (an appointment template governs the day);
    /// otherwise every place starts at its slot's start.
    public var individualTimes = false

    /// UTC start of slot `index`.
    public func slotStart(_ index: Int) -> Instant { firstSlotStart.adding(minutes: index * slotMinutes) }

    /// Index of the slot starting exactly at `instant`, if any.
    public func slotIndex(startingAt instant: Instant) -> Int? {
        let offset = instant.secondsSinceEpoch - firstSlotStart.secondsSinceEpoch
        let length = Int64(slotMinutes) * 60
        guard offset >= 0, offset % length == 0 else { return nil }
        let index = Int(offset / length)
        return index < slots.count ? index : nil
    }
}

extension AllocatorConfiguration {
    /// The capacity plan for `office`/`service` on local `date`, or nil when the office is closed that day
    /// (weekend, holiday, office closure) or does not offer the service.
    ///
    /// Per-slot capacity = ⌊counters × slot minutes ÷ mean service minutes⌋ unless set explicitly (one
    /// number for every slot, or a list by weekday and slot index);
    /// the grid runs in the office's local time from opening to the last slot that ends by closing. O(slots).
    public func dayPlan(office officeID: OfficeID, service serviceID: ServiceID, date: LocalDate) -> DayPlan? {
        guard let office = offices.first(where: { $0.id == officeID }),
            let service = services.first(where: { $0.id == serviceID })
        else { return nil }
        return dayPlan(office: office, service: service, date: date)
    }

    func dayPlan(office: OfficeConfig, service: ServiceConfig, date: LocalDate) -> DayPlan? {
        guard !rules.holidays.contains(date), !office.closedDates.contains(date),
            let grid = dayGrid(office: office, service: service, date: date)
        else { return nil }
        return DayPlan(
            office: office.id, service: service.id, date: date, firstSlotMinute: grid.firstSlotMinute,
            slotMinutes: grid.slotMinutes,
            firstSlotStart: rules.timeZone.instant(on: date, minuteOfDay: grid.firstSlotMinute),
            slots: grid.slots, overbook: grid.overbook, individualTimes: grid.individualTimes)
    }

    /// The grid of `date` (closures aside): a date template's when one names the date, else the weekday's.
    func dayGrid(office: OfficeConfig, service: ServiceConfig, date: LocalDate) -> WeekdayGrid? {
        // A pool beats every template on the days it covers.
        if !appointmentPools.isEmpty, let pool = appointmentPool(office: office.id, service: service.id, date: date) {
            return pooledGrid(pool, office: office, service: service, weekday: date.weekday)
        }
        if let template = appointmentTemplate(office: office.id, service: service.id, date: date),
            template.dates != nil
        {
            return templateGrid(template, office: office, service: service, weekday: date.weekday)
        }
        return weekdayGrid(office: office, service: service, weekday: date.weekday)
    }

    /// The grid every open `weekday` of `office`/`service` gets (holidays and closures aside: the
    /// caller checks those), or nil when there is none. A day's plan depends on its date only through
    /// those, its weekday and its first instant, so the allocator derives this once per weekday. O(slots).
    func weekdayGrid(office: OfficeConfig, service: ServiceConfig, weekday: Weekday) -> WeekdayGrid? {
        if let pooled = pooledGrid(office: office, service: service, weekday: weekday) { return pooled }
        if !appointmentTemplates.isEmpty,
            let template = appointmentTemplate(office: office.id, service: service.id, weekday: weekday)
        {
            return templateGrid(template, office: office, service: service, weekday: weekday)
        }
        guard let hours = office.openingHours[weekday],
            let offered = office.services.first(where: { $0.service == service.id })
        else { return nil }
        let slotMinutes = rules.slotMinutes
        let count = max(0, (hours.closesAtMinute - hours.opensAtMinute) / slotMinutes)
        guard count > 0 else { return nil }
        // A tiny epsilon keeps 2 × 15 ÷ 7.5 at 4 despite binary rounding.
        let derived = Int((Double(offered.counters * slotMinutes) / service.meanServiceMinutes + 1e-9).rounded(.down))
        let walkInShare = office.walkInShare[weekday] ?? 0
        let priorityShare = office.priorityShare[weekday] ?? 0
        if let pattern = offered.slotCapacityByWeekday?[weekday], !pattern.isEmpty {
            return WeekdayGrid(
                firstSlotMinute: hours.opensAtMinute, slotMinutes: slotMinutes,
                slots: (0..<count).map {
                    SlotCapacity.split(
                        total: pattern[$0 % pattern.count], walkInShare: walkInShare, priorityShare: priorityShare)
                })
        }
        let total = offered.slotCapacity ?? derived
        let capacity = SlotCapacity.split(total: total, walkInShare: walkInShare, priorityShare: priorityShare)
        return WeekdayGrid(
            firstSlotMinute: hours.opensAtMinute, slotMinutes: slotMinutes,
            slots: Array(repeating: capacity, count: count))
    }
}

/// The slot grid of an open weekday, without the date (see `AllocatorConfiguration.weekdayGrid`).
struct WeekdayGrid: Sendable {
    var firstSlotMinute: Int
    var slotMinutes: Int
    var slots: [SlotCapacity]
    /// Extra online places per slot (empty: none).
    var overbook: [Int] = []
    /// Whether places get their own minutes (see ``DayPlan/individualTimes``).
    var individualTimes = false
    /// The pool the service's bookings draw counter-minutes from (nil: its own places).
    var pooled: PooledService? = nil
}
