/// Counters an office pools for several services (as a kelurahan's desks serve KTP, KK and
/// certificates alike): one capacity per appointment interval in counter-minutes, which every
/// booking of a pooled service draws on by its service's expected minutes.
///
/// Per interval of `intervalMinutes` the pool has `counters × intervalMinutes` counter-minutes
/// (plus `overbook`), split into the walk-in, priority and online reserves by the office's shares as
/// places are. A booking of service s runs `minutes(s)` from its appointment minute, each minute
/// charged to the interval it falls in; it is accepted while its reserve has room for one starting at
/// its interval's start. Its appointment minute is the earliest minute of the interval from which,
/// through its expected service, a counter is free of the day's other bookings, across interval
/// boundaries (see docs/templates.md, "Pooled counters").
///
/// A pool governs its services at its office on its weekdays or dates and beats every appointment
/// template there. When several pools match a service on a day the most specific wins as for
/// templates: a date entry beats a weekday entry, then an office entry beats an every-office entry,
/// then explicit weekdays beat every weekday, then the later entry.
public struct AppointmentPool: Hashable, Sendable, AppointmentScheduleEntry {
    /// Nil: every office, pooling those of `services` it gives.
    public var office: OfficeID?
    /// The services that share the counters (at least one).
    public var services: [ServiceID]
    /// Nil: every open weekday.
    public var weekdays: Set<Weekday>?
    /// Only these dates (nil: any date of the weekdays); a date entry beats a weekday entry.
    public var dates: Set<LocalDate>?
    /// Counters shared; nil: the most counters the office gives any of the pooled services.
    public var counters: Int?
    /// Length of one appointment interval; must divide the office's opening hours of each day it covers.
    public var intervalMinutes: Int
    /// Counter-minutes a booking of a service consumes, for services whose expected minutes are not
    /// their rounded mean service time (every value ≥ 1).
    public var serviceMinutes: [ServiceID: Int]?
    /// Extra online counter-minutes per interval where no-shows are expected (nil: none), one entry
    /// per interval of the day; added on top of what the allocation policy's own overbooking allows.
    public var overbook: [Int]?

    public init(
        office: OfficeID? = nil, services: [ServiceID], weekdays: Set<Weekday>? = nil, dates: Set<LocalDate>? = nil,
        counters: Int? = nil, intervalMinutes: Int, serviceMinutes: [ServiceID: Int]? = nil, overbook: [Int]? = nil
    ) {
        self.office = office
        self.services = services
        self.weekdays = weekdays
        self.dates = dates
        self.counters = counters
        self.intervalMinutes = intervalMinutes
        self.serviceMinutes = serviceMinutes
        self.overbook = overbook
    }

    /// Counter-minutes one booking of `service` (mean `meanServiceMinutes`) consumes: the explicit
    /// value, else the mean rounded to whole minutes, at least 1. O(1).
    public func minutes(of service: ServiceID, meanServiceMinutes: Double) -> Int {
        if let explicit = serviceMinutes?[service] { return explicit }
        let rounded = meanServiceMinutes.isFinite ? meanServiceMinutes.rounded() : 1
        return Int(min(max(rounded, 1), Double(Int16.max)))
    }

    /// Whether `service` is one of the pooled services. O(services).
    func covers(_ service: ServiceID) -> Bool { services.contains(service) }

    /// Higher is more specific (see the type's documentation).
    var specificity: Int { (dates != nil ? 100 : 0) + (office != nil ? 10 : 0) + (weekdays != nil ? 1 : 0) }
}

extension AppointmentPool: Codable {
    enum CodingKeys: String, CodingKey {
        case office, services, weekdays, dates, counters, intervalMinutes, serviceMinutes, overbook
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        office = try container.decodeIfPresent(OfficeID.self, forKey: .office)
        services = try container.decode([ServiceID].self, forKey: .services)
        weekdays = try container.decodeIfPresent(Set<Weekday>.self, forKey: .weekdays)
        dates = try container.decodeIfPresent(Set<LocalDate>.self, forKey: .dates)
        counters = try container.decodeIfPresent(Int.self, forKey: .counters)
        intervalMinutes = try container.decode(Int.self, forKey: .intervalMinutes)
        let minutes = try container.decodeIfPresent([String: Int].self, forKey: .serviceMinutes)
        serviceMinutes = minutes.map { Dictionary(uniqueKeysWithValues: $0.map { (ServiceID($0.key), $0.value) }) }
        overbook = try container.decodeIfPresent([Int].self, forKey: .overbook)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(office, forKey: .office)
        try container.encode(services, forKey: .services)
        try container.encodeIfPresent(weekdays.map { Weekday.allCases.filter($0.contains) }, forKey: .weekdays)
        try container.encodeIfPresent(dates.map { $0.sorted() }, forKey: .dates)
        try container.encodeIfPresent(counters, forKey: .counters)
        try container.encode(intervalMinutes, forKey: .intervalMinutes)
        try container.encodeIfPresent(
            serviceMinutes.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) }) },
            forKey: .serviceMinutes)
        try container.encodeIfPresent(overbook, forKey: .overbook)
    }
}
