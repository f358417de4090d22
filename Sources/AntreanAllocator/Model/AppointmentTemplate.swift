/// How an appointment template sizes the places of its intervals when it gives no explicit vector.
///
/// Each rule starts from the office's *base* vector at the template's interval length (what the
/// office's counters and the service's mean duration give, or its explicit slot capacities re-binned:
/// see `AllocatorConfiguration.basePlaces`) and keeps its day total.
public enum PlacesRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// The base vector itself: today's grid when the interval is the rules' slot length.
    case uniform
    /// Bailey (1952) and Welch (1964): the last interval's places move to the first, so a
    /// one-counter day with intervals equal to the mean service time reads 2, 1, 1, …, 1, 0 — two
    /// citizens at the start keep the counter from idling while the first is late or absent.
    case baileyWelch = "bailey_welch"
    /// Dome-shaped gaps (Robinson & Chen 2003; Cayirli, Veral & Rosen 2006): the gaps between
    /// appointments widen towards midday and narrow again towards closing, so the intervals near
    /// opening and closing get more places than those around midday.
    case dome
}

/// Places per interval: an explicit vector (one entry per interval of the day, from opening) or a rule.
public enum TemplatePlaces: Hashable, Sendable {
    case explicit([Int])
    case rule(PlacesRule)
}

/// An appointment template: the interval length and places per interval that an office gives a
/// service on some weekdays or dates.
///
/// A template gives each booking its own appointment minute inside its interval (place k of n at
/// ⌊k × interval ÷ n⌋ minutes, see ``AppointmentTemplate/offsetMinutes(place:of:intervalMinutes:)``);
/// a day no template covers keeps the rules' slot grid with every place at the slot's start.
/// When several templates match a day, the most specific wins: a date entry beats a weekday entry,
/// then office and service > office > service > neither, then explicit weekdays > every weekday,
/// then the later entry.
public struct AppointmentTemplate: Hashable, Sendable, AppointmentScheduleEntry {
    /// Nil: every office.
    public var office: OfficeID?
    /// Nil: every service the office gives.
    public var service: ServiceID?
    /// Nil: every open weekday.
    public var weekdays: Set<Weekday>?
    /// Only these dates (nil: any date of the weekdays); `weekdays` is then not consulted. A date
    /// entry beats a weekday entry.
    public var dates: Set<LocalDate>?
    /// Length of one appointment interval; must divide the office's opening hours of each day it covers.
    public var intervalMinutes: Int
    /// Total places per interval before the walk-in and priority reserves are split off.
    public var places: TemplatePlaces
    /// Extra online places per interval where no-shows are expected (nil: none), same length as the
    /// day's intervals; added on top of what the allocation policy's own overbooking allows.
    public var overbook: [Int]?

    public init(
        office: OfficeID? = nil, service: ServiceID? = nil, weekdays: Set<Weekday>? = nil, dates: Set<LocalDate>? = nil,
        intervalMinutes: Int, places: TemplatePlaces, overbook: [Int]? = nil
    ) {
        self.office = office
        self.service = service
        self.weekdays = weekdays
        self.dates = dates
        self.intervalMinutes = intervalMinutes
        self.places = places
        self.overbook = overbook
    }

    /// Minutes after its interval's start at which place `place` (0-based) of `count` places starts:
    /// ⌊place × interval ÷ count⌋, so the places spread evenly (three in 15 minutes: 0, 5, 10). O(1).
    public static func offsetMinutes(place: Int, of count: Int, intervalMinutes: Int) -> Int {
        guard count > 0, place > 0 else { return 0 }
        return place * intervalMinutes / count
    }

    /// Whether the template covers `service`: its own, or every service when it names none.
    func covers(_ service: ServiceID) -> Bool { self.service.map { $0 == service } ?? true }

    /// Higher is more specific (see the type's documentation).
    var specificity: Int {
        let scope = (office != nil ? 2 : 0) + (service != nil ? 1 : 0)
        return (dates != nil ? 100 : 0) + scope * 10 + (weekdays != nil ? 1 : 0)
    }
}

extension AppointmentTemplate: Codable {
    enum CodingKeys: String, CodingKey {
        case office, service, weekdays, dates, intervalMinutes, places, rule, overbook
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        office = try container.decodeIfPresent(OfficeID.self, forKey: .office)
        service = try container.decodeIfPresent(ServiceID.self, forKey: .service)
        weekdays = try container.decodeIfPresent(Set<Weekday>.self, forKey: .weekdays)
        dates = try container.decodeIfPresent(Set<LocalDate>.self, forKey: .dates)
        intervalMinutes = try container.decode(Int.self, forKey: .intervalMinutes)
        let vector = try container.decodeIfPresent([Int].self, forKey: .places)
        let rule = try container.decodeIfPresent(PlacesRule.self, forKey: .rule)
        switch (vector, rule) {
        case (let vector?, nil): places = .explicit(vector)
        case (nil, let rule): places = .rule(rule ?? .uniform)
        case (.some, .some):
            throw DecodingError.dataCorruptedError(
                forKey: .rule, in: container, debugDescription: "give either places or rule, not both")
        }
        overbook = try container.decodeIfPresent([Int].self, forKey: .overbook)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(office, forKey: .office)
        try container.encodeIfPresent(service, forKey: .service)
        try container.encodeIfPresent(weekdays.map { Weekday.allCases.filter($0.contains) }, forKey: .weekdays)
        try container.encodeIfPresent(dates.map { $0.sorted() }, forKey: .dates)
        try container.encode(intervalMinutes, forKey: .intervalMinutes)
        switch places {
        case .explicit(let vector): try container.encode(vector, forKey: .places)
        case .rule(let rule): try container.encode(rule, forKey: .rule)
        }
        try container.encodeIfPresent(overbook, forKey: .overbook)
    }
}
