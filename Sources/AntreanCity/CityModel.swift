public import AntreanAllocator
public import AntreanEngine

/// The whole city as a planner describes it: offices, services, citizens' behaviour and the calendar.
/// Times of day are minutes after local midnight (WITA); durations are minutes.
public struct CityModel: Sendable {
    public var name: String
    public var calendar: CityCalendar
    public var services: [CityService]
    public var kecamatan: [Kecamatan]
    public var offices: [Office]
    public var citizens: CitizenBehaviour
    /// Allocation policy the citizens' bookings go through: `home-earliest`, `kecamatan-earliest`,
    /// `least-loaded` or `overbooking`.
    public var policy: String
    /// Booked citizens within their slot window are served before walk-ins (priority citizens first always).
    public var bookedBeforeWalkIns: Bool
    public var waitTargetMinutes: Double
    /// Wait quantiles reported per scope as `wait_minutes.p50` … (levels in (0, 1); see `WaitQuantile`).
    public var waitQuantiles: [Double] = WaitQuantile.standard
    /// How the desk checks a booked citizen in. Both ways go through the allocator's check-in, with the
    /// same window, re-queueing and no-show rules, so every figure of a run is the same either way.
    public var checkIn: CheckInMethod
    /// The counter-time each office's slot plan sells, as a share of what its counters have: 1 (the
    /// default) sells no more than the counters can serve; above 1 overbooks on purpose (reported as
    /// `counter_minutes.overbooked`).
    public var counterTimeSold: Double = 1
    /// Appointment templates the allocator applies (interval lengths, places per interval, each booked
    /// citizen's own minute); none: the 15-minute slot grid with every place at the slot's start.
    public var appointmentTemplates: [AppointmentTemplate] = []
    /// Counters pooled by several services (capacity in counter-minutes, each booking drawing its
    /// service's expected minutes); none: every service has its own places.
    public var appointmentPools: [AppointmentPool] = []
    /// Also measure waits and counter utilization by office × weekday × hour of the day
    /// (`offices.<id>.block.mon.08.…`), as hour-block rosters are checked; off by default (the
    /// figures are many and the waits are kept to find exact quantiles).
    public var measuresBlocks = false
    /// Places per slot that replace the apportioned ones (``PlacesOverrideKey``); empty by default.
    public var placesOverride: [PlacesOverrideKey: [Int]] = [:]

    public init(
        name: String, calendar: CityCalendar, services: [CityService], kecamatan: [Kecamatan], offices: [Office],
        citizens: CitizenBehaviour, policy: String = "home-earliest", bookedBeforeWalkIns: Bool = true,
        waitTargetMinutes: Double = 15, checkIn: CheckInMethod = .qrToken
    ) {
        self.name = name
        self.calendar = calendar
        self.services = services
        self.kecamatan = kecamatan
        self.offices = offices
        self.citizens = citizens
        self.policy = policy
        self.bookedBeforeWalkIns = bookedBeforeWalkIns
        self.waitTargetMinutes = waitTargetMinutes
        self.checkIn = checkIn
    }
}

/// How booked citizens are checked in at the desk (``CityModel/checkIn``).
public enum CheckInMethod: String, Sendable, Hashable, CaseIterable {
    /// The app's QR token: issued (HMAC-signed) for each booked arrival and verified by
    /// ``AllocatorCore/checkIn(token:at:now:)``, the portal's path end to end. Signing and checking
    /// take about a third of a city run.
    case qrToken = "qr_token"
    /// The booking number and the citizen's e-KTP, through ``AllocatorCore/checkIn(booking:nik:at:now:)``:
    /// the same outcomes without the cryptography, for long runs and sweeps.
    case bookingReference = "booking_reference"
}

/// Opening hours by weekday, holidays and the first simulated day.
public struct CityCalendar: Sendable, Hashable {
    /// The first day whose visits are measured.
    public var startDate: LocalDate
    /// Opening and closing minute by weekday; a weekday without an entry is closed.
    public var hours: [Weekday: ClosedRange<Int>]
    public var holidays: Set<LocalDate>
    /// Calendar days simulated before `startDate` so that bookings made in advance exist on day one.
    public var warmUpDays: Int

    public init(startDate: LocalDate, hours: [Weekday: ClosedRange<Int>], holidays: Set<LocalDate>, warmUpDays: Int) {
        self.startDate = startDate
        self.hours = hours
        self.holidays = holidays
        self.warmUpDays = warmUpDays
    }

    /// Opening hours of `date`, or nil when the offices are closed that day.
    public func openingHours(on date: LocalDate) -> ClosedRange<Int>? {
        holidays.contains(date) ? nil : hours[date.weekday]
    }
}

/// A service citizens ask for, where it is given and how long it takes.
public struct CityService: Sendable, Hashable {
    public var id: String
    public var name: String
    public var serviceTime: Distribution
    /// Visits per 1,000 residents per working day (of the office's catchment population).
    public var visitsPerThousandPerDay: Double
    /// The kind of office that gives it.
    public var givenAt: OfficeKind
    /// Share of this service's demand that goes to the Mal Pelayanan Publik instead (kelurahan services).
    public var mppShare: Double
    /// At most this many per office and day (e.g. KK 20 a day), nil for no quota.
    public var dailyQuota: Int?

    public init(
        id: String, name: String, serviceTime: Distribution, visitsPerThousandPerDay: Double, givenAt: OfficeKind,
        mppShare: Double = 0, dailyQuota: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.serviceTime = serviceTime
        self.visitsPerThousandPerDay = visitsPerThousandPerDay
        self.givenAt = givenAt
        self.mppShare = mppShare
        self.dailyQuota = dailyQuota
    }
}

public enum OfficeKind: String, Sendable, Hashable, CaseIterable {
    case kelurahan, kecamatan, mpp
}

public struct Kecamatan: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// One office: its place in the city, its catchment population and its counters.
public struct Office: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: OfficeKind
    /// Parent kecamatan id (the MPP's is the kecamatan it stands in).
    public var kecamatanId: String
    /// Residents the office serves (a kecamatan office: the whole kecamatan; the MPP: unused).
    public var population: Int
    public var populationEstimated: Bool
    /// One of the kelurahan the city reports as "digital" (higher booking adoption).
    public var digital: Bool
    public var counters: Int
    /// Counters that pause during `breakWindow` (lunch; Friday prayers), by weekday.
    public var breaks: [Weekday: CounterBreak]
    /// Where the office stands, when the scenario says (`lat`, `lon`); reports draw it on a map.
    public var position: GeoPosition?
    /// Counters by weekday and time block (``RosterBlock``), sorted by start and not overlapping;
    /// minutes no block covers keep `counters`. Breaks take counters away within a block.
    public var roster: [Weekday: [RosterBlock]] = [:]

    public init(
        id: String, name: String, kind: OfficeKind, kecamatanId: String, population: Int,
        populationEstimated: Bool = false, digital: Bool = false, counters: Int, breaks: [Weekday: CounterBreak] = [:],
        position: GeoPosition? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.kecamatanId = kecamatanId
        self.population = population
        self.populationEstimated = populationEstimated
        self.digital = digital
        self.counters = counters
        self.breaks = breaks
        self.position = position
    }
}

/// `counters` counters stop serving from `window.lowerBound` to `window.upperBound` (minutes of the day).
public struct CounterBreak: Sendable, Hashable {
    public var counters: Int
    public var window: ClosedRange<Int>

    public init(counters: Int, window: ClosedRange<Int>) {
        self.counters = counters
        self.window = window
    }
}

/// How citizens choose a channel, book, arrive, wait and give up.
public struct CitizenBehaviour: Sendable, Hashable {
    /// Share of visits booked in advance at a "digital" kelurahan and elsewhere.
    public var bookingShareDigital: Double
    public var bookingShareOther: Double
    /// Share of bookings made through the 112 line for citizens who struggle with the app.
    public var assistedShare: Double
    /// Share of citizens with legal priority (elderly, disabled, pregnant, with small children).
    public var priorityShare: Double
    /// Days between booking and the wished visit day.
    public var leadDays: Distribution
    /// Probability that a booked citizen does not come, for bookings up to four weeks ahead …
    public var noShowProbability: Double
    /// … and the odds ratio for bookings made more than four weeks ahead (5.45 in the literature).
    public var farBookingOddsRatio: Double
    /// Share of bookings cancelled before the day.
    public var cancelShare: Double
    /// Arrival relative to the slot start (negative: early).
    public var punctuality: Distribution
    /// How long a walk-in waits before leaving.
    public var walkInPatience: Distribution
    /// A walk-in who finds this many or more waiting leaves at once.
    public var balkQueueLength: Int
    /// Weekdays on which walk-ins are discouraged ("digital days").
    public var digitalDays: Set<Weekday>
    /// On digital days, share of would-be walk-ins who book instead.
    public var digitalDayConversion: Double
    /// Relative demand by weekday (1 = average).
    public var weekdayFactor: [Weekday: Double]
    /// Relative walk-in arrivals by hour of the day (hour → weight), over opening hours.
    public var hourWeights: [Int: Double]
    /// Capacity kept for walk-ins and for priority citizens, by weekday.
    public var walkInReserve: [Weekday: Double]
    public var priorityReserve: [Weekday: Double]

    public init(
        bookingShareDigital: Double, bookingShareOther: Double, assistedShare: Double, priorityShare: Double,
        leadDays: Distribution, noShowProbability: Double, farBookingOddsRatio: Double, cancelShare: Double,
        punctuality: Distribution, walkInPatience: Distribution, balkQueueLength: Int, digitalDays: Set<Weekday>,
        digitalDayConversion: Double, weekdayFactor: [Weekday: Double], hourWeights: [Int: Double],
        walkInReserve: [Weekday: Double], priorityReserve: [Weekday: Double]
    ) {
        self.bookingShareDigital = bookingShareDigital
        self.bookingShareOther = bookingShareOther
        self.assistedShare = assistedShare
        self.priorityShare = priorityShare
        self.leadDays = leadDays
        self.noShowProbability = noShowProbability
        self.farBookingOddsRatio = farBookingOddsRatio
        self.cancelShare = cancelShare
        self.punctuality = punctuality
        self.walkInPatience = walkInPatience
        self.balkQueueLength = balkQueueLength
        self.digitalDays = digitalDays
        self.digitalDayConversion = digitalDayConversion
        self.weekdayFactor = weekdayFactor
        self.hourWeights = hourWeights
        self.walkInReserve = walkInReserve
        self.priorityReserve = priorityReserve
    }

    /// No-show probability of a booking made `leadDays` ahead: the odds rise by the odds ratio beyond 28 days.
    public func noShowProbability(leadDays: Double) -> Double {
        guard leadDays > 28 else { return noShowProbability }
        let odds = noShowProbability / (1 - noShowProbability) * farBookingOddsRatio
        return odds / (1 + odds)
    }
}
