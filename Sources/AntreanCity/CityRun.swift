import AntreanAllocator
import AntreanEngine
import DequeModule
import Foundation

/// The events of the city model. Visitors and offices are small integer ids.
enum CityEvent {
    case dayStart(Int32)
    /// A citizen opening the app to book; like walk-ins, the visitor record is made when this fires.
    /// 16-bit office and service numbers (larger models are refused by `CityPlans`), after the minute,
    /// keep the event within 16 bytes.
    case bookingRequest(wishedMinute: Double, office: Int16, service: Int16, isPriority: Bool, isAssisted: Bool)
    case cancel(Int32)
    case bookedArrival(Int32)
    /// A walk-in carries who comes (office, service, priority); the visitor record is made on arrival,
    /// not hours earlier when the day's arrivals are drawn, so it is still in cache when used.
    case walkInArrival(office: Int32, service: Int32, isPriority: Bool)
    case renege(Int32, ticket: UInt32)
    case serviceEnd(office: Int32, counter: Int32, visitor: Int32)
    case breakStart(office: Int32, counters: Int32)
    case breakEnd(Int32)
    /// The roster changes the office's counters: `offDuty` of its desk's counters are not rostered.
    case rosterChange(office: Int32, offDuty: Int32)
    case releaseNoShows
}

/// A citizen with one errand, from the wish to visit to leaving the office.
struct Visitor {
    enum State { case planned, waiting, inService }

    var office: Int32
    var home: Int32
    var service: Int32
    var isPriority: Bool
    var isAssisted = false
    var state = State.planned
    /// When the wait that counts began: the later of arrival and slot start for booked citizens.
    var waitStart = 0.0
    /// When the citizen joined a line (checked in or registered as a walk-in): the start of their time
    /// in line and in the office, which Little's law pairs with the time-average numbers present.
    var joinedMinute = 0.0
    var wishedMinute = 0.0
    /// The booking's appointment minute: its slot's start, or its own minute inside the slot where an
    /// appointment template gives one (punctuality, lateness and the counted wait start from it).
    var slotStart = 0.0
    var booking: BookingID?
    /// The citizen's number (their synthetic NIK is derived from it), shown at a desk check-in.
    var citizen: UInt64 = 0
    var measured = false
    /// Distinguishes this citizen from later ones reusing the record (for lazily cancelled events).
    /// 32 bits (a run numbers far fewer citizens) keep `CityEvent` at 16 bytes, so four heap entries
    /// fill two cache lines.
    var ticket: UInt32 = 0
}

/// One replication: the kernel's event loop with the allocator inside.
struct CityRun {
    /// Office queue state: three lines (priority, booked, walk-in) and the counters.
    struct Desk {
        var lines = Lines()
        var busy: BusyCounters
        var paused = 0
        /// Counters of the desk (sized for the most the roster ever has) not rostered now.
        var offDuty = 0
        var waiting = 0
        var openMinute = 0.0
        var closeMinute = 0.0
        /// `closeMinute`, or the next day's closing when the office closes at midnight and opens again
        /// at once: service across that midnight is within opening hours.
        var openUntil = 0.0
        var overtimeMark = 0.0
        /// Measured citizens in line, and in line or at a counter, since `presenceMark`.
        var inLine = 0
        var present = 0
        var presenceMark = 0.0
    }

    /// The three lines of a desk, inline rather than in an array: every join and every call to the
    /// counter would otherwise check the uniqueness of one more buffer.
    struct Lines {
        var priority: Deque<Int32> = []
        var booked: Deque<Int32> = []
        var walkIn: Deque<Int32> = []

        subscript(line: Int) -> Deque<Int32> {
            get {
                switch line {
                case CityRun.priorityLine: priority
                case CityRun.bookedLine: booked
                default: walkIn
                }
            }
            _modify {
                switch line {
                case CityRun.priorityLine: yield &priority
                case CityRun.bookedLine: yield &booked
                default: yield &walkIn
                }
            }
        }
    }

    static let priorityLine = 0
    static let bookedLine = 1
    static let walkInLine = 2

    let plans: CityPlans
    let model: CityModel
    let measuredDays: Int
    let totalDays: Int
    /// The day indices whose citizens are measured (after the warm-up).
    let measuredDayRange: Range<Int>
    let baseDate: LocalDate
    let baseInstant: Instant
    let salt: UInt64
    let officeIDs: [OfficeID]
    let serviceIDs: [ServiceID]
    let officeIndex: [OfficeID: Int32]

    /// The run's events on a calendar queue rather than `Simulation`'s 4-ary heap: a city holds
    /// thousands of pending events (the day's booking requests, arrivals booked weeks ahead), where the
    /// calendar queue's O(1) operations beat the heap's chain of cache misses (docs/engine.md).
    var simulation = EventScheduler<CityEvent, CalendarQueue<CityEvent>>(expectedPendingEvents: 4096)
    var allocator: AllocatorCore
    var visitors = Slab<Visitor>()
    var desks: [Desk]
    var tallies: [CityTally]
    /// By office, when the model measures hour blocks (``CityModel/measuresBlocks``); else empty.
    var blocks: [BlockTally]
    /// Office of each booking (by booking number − 1) when its visit day is measured, else −1.
    var bookingOffice: [Int32] = []
    /// Cache of ``dayOffer(office:date:)`` by office × 7 + weekday.
    var dayOffersByWeekday: [Int: DayOffer] = [:]
    /// Opening hours (nil when closed) by day index, over the run and a booking horizon beyond it:
    /// each visit's wished time looks them up.
    let openingHoursByDay: [ClosedRange<Int>?]
    /// ``weekdayNumber(day:)`` and whether the day is a digital day, by day index over the run: read
    /// for every walk-in and every wait recorded, where deriving them from the date showed in profiles.
    let weekdayNumberByDay: [Int8]
    /// ``profileWeight(on:)`` by day index, over the same days as `openingHoursByDay`.
    let profileWeightByDay: [Double]
    let digitalDayByDay: [Bool]
    var serial: UInt64 = 0
    /// The per-citizen trace, when one is written (`simulate --trace`).
    var trace: CityTraceRecorder?

    var demandStreams: [RandomStream]
    var bookingStreams: [RandomStream]
    var serviceStreams: [RandomStream]
    var patienceStreams: [RandomStream]

    init(plans: CityPlans, model: CityModel, days: Int, seed: UInt64, replication: Int) {
        self.plans = plans
        self.model = model
        measuredDays = days
        totalDays = model.calendar.warmUpDays + days
        measuredDayRange = min(model.calendar.warmUpDays, totalDays)..<totalDays
        baseDate = model.calendar.startDate.adding(days: -model.calendar.warmUpDays)
        baseInstant = OfficeTimeZone.wita.instant(on: baseDate, minuteOfDay: 0)
        salt = UInt64(truncatingIfNeeded: replication) &* 0x9E37_79B9_7F4A_7C15 ^ seed
        officeIDs = model.offices.map { OfficeID($0.id) }
        serviceIDs = model.services.map { ServiceID($0.id) }
        officeIndex = Dictionary(uniqueKeysWithValues: officeIDs.enumerated().map { ($1, Int32($0)) })
        allocator = plans.emptyAllocator
        // `CityPlans` refused larger models with an error; booking-request events rely on it.
        precondition(model.offices.count <= Int(Int16.max) && model.services.count <= Int(Int16.max))
        let baseDate = baseDate
        openingHoursByDay = (0..<(totalDays + allocator.rules.bookingHorizonDays + 1)).map {
            model.calendar.openingHours(on: baseDate.adding(days: $0))
        }
        profileWeightByDay = openingHoursByDay.map {
            Self.weightTotal(over: $0 ?? Self.closedDayProfileHours, plans.hourWeights)
        }
        weekdayNumberByDay = (0..<totalDays).map { Int8(Self.weekdayNumber(of: baseDate.adding(days: $0))) }
        digitalDayByDay = (0..<totalDays).map { model.citizens.digitalDays.contains(baseDate.adding(days: $0).weekday) }
        desks = model.offices.map { Desk(busy: BusyCounters(count: $0.maximumCounters)) }
        tallies = Array(repeating: CityTally(), count: model.offices.count)
        blocks = model.measuresBlocks ? Array(repeating: BlockTally(), count: model.offices.count) : []
        func streams(_ purpose: String) -> [RandomStream] {
            model.offices.map { RandomStream(seed: seed, replication: replication, purpose: "\(purpose)/\($0.id)") }
        }
        demandStreams = streams("demand")
        bookingStreams = streams("booking")
        serviceStreams = streams("service")
        patienceStreams = streams("patience")
        // One allocator record per visit at most: reserving what the allocator holds at once spares the
        // booking and NIK tables their doubling copies (and the pages they touch) as they grow. It
        // holds about a booking horizon of bookings, twice that just before compacting (each morning
        // retires the settled bookings of past days: `startDay`).
        let plans = plans
        let totalDays = totalDays
        let openDays = openingHoursByDay.prefix(totalDays).count { $0 != nil }
        let expectedVisits = plans.offices.reduce(0.0) {
            $0 + $1.visitsPerDay
                * ($1.bookingShare * plans.openWeekdayFactorSum / 7 * Double(totalDays)
                    + (1 - $1.bookingShare) * Double(openDays))
        }
        let heldDays = min(totalDays, 2 * (allocator.rules.bookingHorizonDays + 2))
        // Day ledgers likewise: those of about a horizon behind and a horizon ahead are held.
        allocator.reserveCapacity(
            bookings: Int(expectedVisits * Double(heldDays) / Double(max(1, totalDays))),
            days: heldDays + allocator.rules.bookingHorizonDays + 1)
    }

    // MARK: Time

    func instant(_ minute: Double) -> Instant { Self.instant(minute, base: baseInstant) }
    /// ``instant(_:)`` from the run's `baseInstant`, for the mutating event handlers (see
    /// ``requestBooking(_:at:)``).
    static func instant(_ minute: Double, base: Instant) -> Instant {
        base.adding(seconds: Int64((minute * 60).rounded(.down)))
    }
    func minute(_ instant: Instant) -> Double { Double(instant.secondsSinceEpoch - baseInstant.secondsSinceEpoch) / 60 }
    func dayIndex(_ minute: Double) -> Int { Self.dayIndex(minute) }
    /// The day index of a run minute. Static so that the mutating event handlers call it without `self`
    /// (see ``weekdayNumber(day:table:base:)``).
    static func dayIndex(_ minute: Double) -> Int { Int((minute / 1440).rounded(.down)) }
    func isMeasured(day: Int) -> Bool { measuredDayRange.contains(day) }
    /// Monday 0 … Friday 4, weekend 5 (the index of the per-weekday tallies).
    func weekdayNumber(day: Int) -> Int { Self.weekdayNumber(day: day, table: weekdayNumberByDay, base: baseDate) }

    /// ``weekdayNumber(day:)`` from the run's table, for the mutating event handlers: they pass the two
    /// fields, because a call on `self` there made the optimizer copy the whole run (retaining every
    /// array in it) around each call, 40% of a city year in a profile.
    static func weekdayNumber(day: Int, table: [Int8], base: LocalDate) -> Int {
        table.indices.contains(day) ? Int(table[day]) : weekdayNumber(of: base.adding(days: day))
    }

    static func weekdayNumber(of date: LocalDate) -> Int {
        switch date.weekday {
        case .monday: 0
        case .tuesday: 1
        case .wednesday: 2
        case .thursday: 3
        case .friday: 4
        default: 5
        }
    }

    // MARK: Loop

    mutating func simulate() {
        _ = simulation.schedule(.dayStart(0), at: 0)
        while let (time, event) = simulation.next(until: Double(totalDays) * 1440) {
            handle(event, at: time)
        }
        traceFinish()
    }

    mutating func handle(_ event: CityEvent, at now: Double) {
        switch event {
        case .dayStart(let day): startDay(Int(day), at: now)
        case .bookingRequest(let wishedMinute, let office, let service, let isPriority, let isAssisted):
            var visitor = Visitor(
                office: Int32(office), home: Int32(office), service: Int32(service), isPriority: isPriority)
            visitor.isAssisted = isAssisted
            visitor.wishedMinute = wishedMinute
            let id = visitors.insert(visitor)
            trace?.begin(id, channel: isAssisted ? .assisted : .online)
            requestBooking(id, at: now)
        case .cancel(let visitor): cancel(visitor, at: now)
        case .bookedArrival(let visitor): arriveBooked(visitor, at: now)
        case .walkInArrival(let office, let service, let isPriority):
            let visitor = visitors.insert(
                Visitor(office: office, home: office, service: service, isPriority: isPriority))
            trace?.begin(visitor, channel: .walkIn)
            arriveWalkIn(visitor, at: now)
        case .renege(let visitor, let ticket): renege(visitor, ticket: ticket, at: now)
        case .serviceEnd(let office, let counter, let visitor): endService(office, counter, visitor, at: now)
        case .breakStart(let office, let counters):
            desks[Int(office)].paused = Int(counters)
        case .breakEnd(let office):
            desks[Int(office)].paused = 0
            dispatch(office, at: now)
        case .rosterChange(let office, let offDuty):
            let moreCounters = Int(offDuty) < desks[Int(office)].offDuty
            desks[Int(office)].offDuty = Int(offDuty)
            // Fewer counters: those serving finish their citizen first (as a break does).
            if moreCounters { dispatch(office, at: now) }
        case .releaseNoShows:
            for id in allocator.releaseNoShows(now: instant(now)) {
                let office = bookingOffice[Int(id.rawValue) - 1]
                if office >= 0 {
                    tallies[Int(office)].noShows += 1
                    traceReleased(id)
                }
            }
        }
    }
}
