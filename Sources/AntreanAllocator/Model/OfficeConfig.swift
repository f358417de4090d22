/// Opening hours of one weekday in local minutes since midnight, e.g. 08:00–16:00 = 480–960.
public struct OpeningHours: Hashable, Sendable, Codable {
    public var opensAtMinute: Int
    public var closesAtMinute: Int

    public init(opensAtMinute: Int, closesAtMinute: Int) {
        self.opensAtMinute = opensAtMinute
        self.closesAtMinute = closesAtMinute
    }

    /// Samarinda's kelurahan hours: Mon–Thu 08:00–16:00, Fri 08:00–14:00, closed at weekends
    /// (kaltim.tribunnews.com, 2023-03-23; see /work/shared/reference/domain.md).
    public static let samarindaKelurahan: [Weekday: OpeningHours] = [
        .monday: .init(opensAtMinute: 480, closesAtMinute: 960),
        .tuesday: .init(opensAtMinute: 480, closesAtMinute: 960),
        .wednesday: .init(opensAtMinute: 480, closesAtMinute: 960),
        .thursday: .init(opensAtMinute: 480, closesAtMinute: 960),
        .friday: .init(opensAtMinute: 480, closesAtMinute: 840),
    ]
}

/// How many counters serve one service at an office, or an explicit capacity per slot.
public struct OfficeServiceConfig: Hashable, Sendable, Codable {
    public var service: ServiceID
    public var counters: Int
    /// Overrides the derived capacity (counters × slot length ÷ mean duration) when set.
    public var slotCapacity: Int?
    /// Places of each slot by weekday and the slot's index from opening (a list shorter than the day
    /// repeats from its start); overrides `slotCapacity` on the weekdays it lists. Lets counters
    /// shared by several services be apportioned without rounding every service up: a service may
    /// have a place in three slots out of four.
    public var slotCapacityByWeekday: [Weekday: [Int]]?

    public init(
        service: ServiceID, counters: Int, slotCapacity: Int? = nil, slotCapacityByWeekday: [Weekday: [Int]]? = nil
    ) {
        self.service = service
        self.counters = counters
        self.slotCapacity = slotCapacity
        self.slotCapacityByWeekday = slotCapacityByWeekday
    }
}

/// One office: where it is, when it opens, what it serves, and how it splits capacity.
public struct OfficeConfig: Hashable, Sendable, Codable {
    public var id: OfficeID
    public var kecamatan: KecamatanID
    public var openingHours: [Weekday: OpeningHours]
    public var services: [OfficeServiceConfig]
    /// Share of each slot kept for walk-ins, by weekday (e.g. less on digital days Tue–Thu).
    public var walkInShare: [Weekday: Double]
    /// Share of each slot kept for priority citizens (elderly, disabled, pregnant; Law 25/2009 art. 29).
    public var priorityShare: [Weekday: Double]
    /// Days this office alone is closed (city holidays are in `AllocatorRules.holidays`).
    public var closedDates: Set<LocalDate>
    /// Planar position in km (for travel constraints of policies); nil when unknown.
    public var positionKm: PlanarPoint?
    /// Counters away from the desk for part of a weekday (the Friday prayer), by weekday. A pool's
    /// counter-minutes and appointment minutes subtract them (``AppointmentPool``); places given per
    /// service (`counters`, `slotCapacity`, `slotCapacityByWeekday`, templates) are taken as they
    /// are, so size those with the breaks in mind, as the city's apportionment does.
    public var breaks: [Weekday: [OfficeBreak]]
    /// Counters staffed by time of day (a roster's hour blocks), by weekday, sorted and not overlapping;
    /// minutes no shift covers keep the services' `counters`. A pool without counters of its own follows
    /// them minute by minute (breaks still subtract); places given per service are taken as they are.
    public var shifts: [Weekday: [CounterShift]]

    public init(
        id: OfficeID, kecamatan: KecamatanID, openingHours: [Weekday: OpeningHours] = OpeningHours.samarindaKelurahan,
        services: [OfficeServiceConfig], walkInShare: [Weekday: Double] = [:], priorityShare: [Weekday: Double] = [:],
        closedDates: Set<LocalDate> = [], positionKm: PlanarPoint? = nil, breaks: [Weekday: [OfficeBreak]] = [:],
        shifts: [Weekday: [CounterShift]] = [:]
    ) {
        self.id = id
        self.kecamatan = kecamatan
        self.openingHours = openingHours
        self.services = services
        self.walkInShare = walkInShare
        self.priorityShare = priorityShare
        self.closedDates = closedDates
        self.positionKm = positionKm
        self.breaks = breaks
        self.shifts = shifts
    }

    enum CodingKeys: String, CodingKey {
        case id, kecamatan, openingHours, services, walkInShare, priorityShare, closedDates, positionKm, breaks,
            shifts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(OfficeID.self, forKey: .id)
        kecamatan = try container.decode(KecamatanID.self, forKey: .kecamatan)
        openingHours =
            try container.decodeIfPresent([Weekday: OpeningHours].self, forKey: .openingHours)
            ?? OpeningHours.samarindaKelurahan
        services = try container.decode([OfficeServiceConfig].self, forKey: .services)
        walkInShare = try container.decodeIfPresent([Weekday: Double].self, forKey: .walkInShare) ?? [:]
        priorityShare = try container.decodeIfPresent([Weekday: Double].self, forKey: .priorityShare) ?? [:]
        closedDates = try container.decodeIfPresent(Set<LocalDate>.self, forKey: .closedDates) ?? []
        positionKm = try container.decodeIfPresent(PlanarPoint.self, forKey: .positionKm)
        breaks = try container.decodeIfPresent([Weekday: [OfficeBreak]].self, forKey: .breaks) ?? [:]
        shifts = try container.decodeIfPresent([Weekday: [CounterShift]].self, forKey: .shifts) ?? [:]
    }

    /// As synthesized, but without `breaks` or `shifts` when there are none: a configuration written
    /// before they existed encodes to the same bytes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kecamatan, forKey: .kecamatan)
        try container.encode(openingHours, forKey: .openingHours)
        try container.encode(services, forKey: .services)
        try container.encode(walkInShare, forKey: .walkInShare)
        try container.encode(priorityShare, forKey: .priorityShare)
        try container.encode(closedDates, forKey: .closedDates)
        try container.encodeIfPresent(positionKm, forKey: .positionKm)
        if !breaks.isEmpty { try container.encode(breaks, forKey: .breaks) }
        if !shifts.isEmpty { try container.encode(shifts, forKey: .shifts) }
    }

    /// Counters rostered at local `minute` of `weekday`: the shift covering it, else `counters`. O(shifts).
    func rosteredCounters(_ counters: Int, on weekday: Weekday, at minute: Int) -> Int {
        for shift in shifts[weekday] ?? [] where shift.startMinute <= minute && minute < shift.endMinute {
            return shift.counters
        }
        return counters
    }

    /// Counters at the desk at local `minute` of `weekday`: those rostered then (`counters` where no
    /// shift says otherwise), less those of every break covering the minute, never below none.
    /// O(breaks + shifts).
    func staffedCounters(_ counters: Int, on weekday: Weekday, at minute: Int) -> Int {
        let counters = rosteredCounters(counters, on: weekday, at: minute)
        var away = 0
        for pause in breaks[weekday] ?? [] where pause.startMinute <= minute && minute < pause.endMinute {
            away += min(max(0, pause.counters), counters)
        }
        return max(0, counters - away)
    }
}

/// `counters` counters of an office away from `startMinute` to `endMinute` (local minutes since
/// midnight, end excluded) of a weekday: the Friday prayer, a lunch break.
public struct OfficeBreak: Hashable, Sendable, Codable {
    public var counters: Int
    public var startMinute: Int
    public var endMinute: Int

    public init(counters: Int, startMinute: Int, endMinute: Int) {
        self.counters = counters
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}

/// A position on a local planar projection, in kilometres.
public struct PlanarPoint: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
    public func distance(to other: PlanarPoint) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }
}

extension Weekday: CodingKeyRepresentable {}

/// `counters` counters staffed from `startMinute` to `endMinute` (local minutes since midnight, end
/// excluded) of a weekday, in place of the services' counters: one block of a roster.
public struct CounterShift: Hashable, Sendable, Codable {
    public var counters: Int
    public var startMinute: Int
    public var endMinute: Int

    public init(counters: Int, startMinute: Int, endMinute: Int) {
        self.counters = counters
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}
