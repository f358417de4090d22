/// The rules every office shares: slot length, windows, limits, holidays.
public struct AllocatorRules: Hashable, Sendable, Codable {
    public var slotMinutes: Int = 15
    /// Bookings may be made for slots up to this many local days ahead (Dukcapil Tuban: a month).
    public var bookingHorizonDays: Int = 30
    /// A slot must start at least this many minutes after `now` to be booked online.
    public var minimumLeadMinutes: Int = 0
    /// How long a hold lasts before it lapses by itself.
    public var holdSeconds: Int64 = 300
    /// Active (held or booked, not yet served) bookings allowed per NIK.
    public var maxActiveBookingsPerNIK: Int = 2
    /// New bookings (and holds) allowed per account/device within `accountWindowSeconds`.
    public var maxBookingsPerAccountPerWindow: Int = 5
    public var accountWindowSeconds: Int64 = 86_400
    /// How many times one booking may be moved.
    public var maxReschedules: Int = 2
    /// Check-in opens this many minutes before the slot …
    public var checkInOpensMinutesBefore: Int = 30
    /// … and is on time up to this many minutes after its start; later the booking is a no-show.
    public var graceMinutesAfter: Int = 15
    /// A late citizen checking in the same day is called after this many others (Dukcapil Tuban: 5).
    public var requeueAfterOthers: Int = 5
    /// City-wide closed days (national holidays).
    public var holidays: Set<LocalDate> = []
    public var timeZone: OfficeTimeZone = .wita

    public init() {}

    enum CodingKeys: String, CodingKey {
        case slotMinutes, bookingHorizonDays, minimumLeadMinutes, holdSeconds, maxActiveBookingsPerNIK
        case maxBookingsPerAccountPerWindow, accountWindowSeconds, maxReschedules, checkInOpensMinutesBefore
        case graceMinutesAfter, requeueAfterOthers, holidays, utcOffsetHours
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try container.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        slotMinutes = try value(.slotMinutes, slotMinutes)
        bookingHorizonDays = try value(.bookingHorizonDays, bookingHorizonDays)
        minimumLeadMinutes = try value(.minimumLeadMinutes, minimumLeadMinutes)
        holdSeconds = try value(.holdSeconds, holdSeconds)
        maxActiveBookingsPerNIK = try value(.maxActiveBookingsPerNIK, maxActiveBookingsPerNIK)
        maxBookingsPerAccountPerWindow = try value(.maxBookingsPerAccountPerWindow, maxBookingsPerAccountPerWindow)
        accountWindowSeconds = try value(.accountWindowSeconds, accountWindowSeconds)
        maxReschedules = try value(.maxReschedules, maxReschedules)
        checkInOpensMinutesBefore = try value(.checkInOpensMinutesBefore, checkInOpensMinutesBefore)
        graceMinutesAfter = try value(.graceMinutesAfter, graceMinutesAfter)
        requeueAfterOthers = try value(.requeueAfterOthers, requeueAfterOthers)
        holidays = try value(.holidays, holidays)
        let hours = try value(.utcOffsetHours, 8.0)
        timeZone = OfficeTimeZone(secondsEastOfUTC: Int64((hours * 3600).rounded()))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slotMinutes, forKey: .slotMinutes)
        try container.encode(bookingHorizonDays, forKey: .bookingHorizonDays)
        try container.encode(minimumLeadMinutes, forKey: .minimumLeadMinutes)
        try container.encode(holdSeconds, forKey: .holdSeconds)
        try container.encode(maxActiveBookingsPerNIK, forKey: .maxActiveBookingsPerNIK)
        try container.encode(maxBookingsPerAccountPerWindow, forKey: .maxBookingsPerAccountPerWindow)
        try container.encode(accountWindowSeconds, forKey: .accountWindowSeconds)
        try container.encode(maxReschedules, forKey: .maxReschedules)
        try container.encode(checkInOpensMinutesBefore, forKey: .checkInOpensMinutesBefore)
        try container.encode(graceMinutesAfter, forKey: .graceMinutesAfter)
        try container.encode(requeueAfterOthers, forKey: .requeueAfterOthers)
        try container.encode(holidays, forKey: .holidays)
        try container.encode(Double(timeZone.secondsEastOfUTC) / 3600, forKey: .utcOffsetHours)
    }
}

/// Everything the allocator needs to know about the city: offices, services, rules and the
/// appointment templates that replace the rules' slot grid where they apply.
public struct AllocatorConfiguration: Hashable, Sendable, Codable {
    public var offices: [OfficeConfig]
    public var services: [ServiceConfig]
    public var rules: AllocatorRules
    /// Interval lengths and places per interval by office, service, weekday and date (none: every day
    /// keeps the rules' slot grid, every place at its slot's start).
    public var appointmentTemplates: [AppointmentTemplate]
    /// Counters pooled by several services, sized in counter-minutes (none: every service has its
    /// own places). A pool beats every template on the days it covers.
    public var appointmentPools: [AppointmentPool]

    public init(
        offices: [OfficeConfig], services: [ServiceConfig], rules: AllocatorRules = AllocatorRules(),
        appointmentTemplates: [AppointmentTemplate] = [], appointmentPools: [AppointmentPool] = []
    ) {
        self.offices = offices
        self.services = services
        self.rules = rules
        self.appointmentTemplates = appointmentTemplates
        self.appointmentPools = appointmentPools
    }

    enum CodingKeys: String, CodingKey {
        case offices, services, rules, appointmentTemplates, appointmentPools
    }

    /// Configurations written before templates (or pools) existed have no `appointmentTemplates` (or
    /// `appointmentPools`) key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        offices = try container.decode([OfficeConfig].self, forKey: .offices)
        services = try container.decode([ServiceConfig].self, forKey: .services)
        rules = try container.decode(AllocatorRules.self, forKey: .rules)
        appointmentTemplates =
            try container.decodeIfPresent([AppointmentTemplate].self, forKey: .appointmentTemplates) ?? []
        appointmentPools = try container.decodeIfPresent([AppointmentPool].self, forKey: .appointmentPools) ?? []
    }

    /// Leaves `appointmentTemplates` and `appointmentPools` out when there are none, as configurations before them read.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(offices, forKey: .offices)
        try container.encode(services, forKey: .services)
        try container.encode(rules, forKey: .rules)
        if !appointmentTemplates.isEmpty { try container.encode(appointmentTemplates, forKey: .appointmentTemplates) }
        if !appointmentPools.isEmpty { try container.encode(appointmentPools, forKey: .appointmentPools) }
    }
}
