/// The synchronous allocator: capacity ledgers, bookings, limits and tokens in memory, with no locks,
/// no async hops and no clock of its own (every operation takes `now`).
///
/// The simulator drives it directly; the portal uses `Allocator`, which wraps it in a mutex and makes
/// every change durable before acknowledging. Operations are O(1) amortized except availability
/// (O(slots scanned)) and the lazy expiry of holds (O(log n) per expired hold).
public struct AllocatorCore: Sendable {
    public let configuration: AllocatorConfiguration
    public let directory: OfficeDirectory
    public private(set) var policy: any AllocationPolicy {
        didSet { resetCandidateMemo() }
    }
    /// Candidate offices by `home * services + service`, for a policy whose candidates depend on
    /// those two only (nil until first asked): building the list per placement allocated an array
    /// every time, and for the kecamatan and least-loaded policies hashed and sorted office ids.
    var candidateMemo: [CandidateOffices?] = []
    public internal(set) var tokenSigner: QRTokenSigner {
        // A changed key set may refuse tokens the cache would still accept (see `IssuedTokenCache`).
        didSet { issuedTokens.removeAll() }
    }
    /// Tokens issued here and not yet scanned: their check-in skips the HMAC.
    var issuedTokens = IssuedTokenCache()
    /// When false, changes are not collected for a store (pure in-memory simulation).
    public var journalsChanges: Bool

    let officeIndex: IdentifierIndex<OfficeID>
    let serviceIndex: IdentifierIndex<ServiceID>
    /// Ledgers in creation order; `ledgerDirectory` finds them. An array keeps hot-path access copy-free;
    /// positions below `ledgers.startIndex` were retired with the bookings of their days.
    var ledgers = SlidingArray<DayLedger>()
    /// Local days before this one answer as closed: their ledgers were retired or may have been
    /// (`retireHistory(before:)`). `Int.min` when nothing was retired.
    var retiredDaysBefore = Int.min
    var ledgerDirectory: LedgerDirectory
    /// Slot grids of open weekdays, shared by their ledgers; `weekdayTemplates` finds them.
    var slotTemplates: [SlotTemplate] = []
    /// The templates' per-slot limits and the ledgers' per-slot usage.
    var rows = SlotRows()
    /// `place`'s candidate buffers, kept between calls so a placement allocates no arrays of its own.
    var placementCandidates: [SlotAvailability] = []
    var placementPositions: [LedgerPosition] = []
    /// `weekdayTemplates[(office * services + service) * 7 + weekday]`: the index in `slotTemplates`,
    /// `closedWeekday` when that weekday has no grid, `unknownWeekday` until first needed.
    var weekdayTemplates: [Int32]
    /// Per office, the local days (since the epoch) it is closed: city holidays and its own closures.
    let closedDays: [Set<Int>]
    /// Per service, its daily quota (read without copying the service's configuration).
    let dailyQuotas: [Int?]
    /// `offers[office * services + service]`: whether the office offers the service.
    let offers: [Bool]
    /// `officeIDs[n]` is office number `n` (as in `officeIndex`); same for services.
    let officeIDs: [OfficeID]
    let serviceIDs: [ServiceID]
    /// Booking `id` is at position `id - 1`; compact records, materialized by `record(at:)`. Positions
    /// below `bookings.startIndex` were retired (`retireHistory(before:)`).
    var bookings = SlidingArray<StoredBooking>()
    /// Every retired booking's slot started before this (seconds since the epoch; `Int64.min` when
    /// none was retired): ledgers of earlier slots count places of bookings no longer held.
    var retiredSlotsBefore = Int64.min
    /// NIK numbers of bookings (a NIK's active bookings share one); `activeCounts[number]` is its held
    /// or booked count.
    var niks = NIKTable()
    var activeCounts = SlidingArray<Int32>()
    /// Accounts that have booked, numbered in order of first use (`accountNumbers` finds them).
    var accountIDs: [AccountID] = []
    var accountNumbers: [AccountID: Int32] = [:]
    /// Creation instants of holds/bookings per account, ascending.
    var accountHistory: [AccountID: [Instant]] = [:]
    /// Each booking's idempotency key, and the booking each citizen's key made.
    var idempotency = IdempotencyIndex()
    var holdDeadlines = DeadlineQueue()
    var noShowDeadlines = DeadlineQueue()
    var changed: [BookingID] = []
    /// Free places below the highest taken one, by usage row position (``SlotRows``), ascending, for
    /// the slots of days with individual appointment times; a slot with none free is absent.
    var freedPlaces: [Int: [UInt16]] = [:]
    /// Local days some date template or pool names (their ledgers look for one before the weekday's grid).
    let datedTemplateDays: Set<Int>
    /// Counter-minutes and timelines of the office-days where a pool governs (``AppointmentPool``).
    var pooledCounters = PooledCounters()

    /// A fresh allocator. Throws when the configuration is inconsistent.
    public init(
        configuration: AllocatorConfiguration, policy: any AllocationPolicy = HomeOfficeEarliestPolicy(),
        tokenSigner: QRTokenSigner, journalsChanges: Bool = true
    ) throws(ConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.directory = OfficeDirectory(configuration.offices)
        self.policy = policy
        self.tokenSigner = tokenSigner
        self.journalsChanges = journalsChanges
        ledgerDirectory = LedgerDirectory(
            offices: configuration.offices.count, services: configuration.services.count)
        officeIDs = configuration.offices.map(\.id)
        serviceIDs = configuration.services.map(\.id)
        officeIndex = IdentifierIndex(configuration.offices.map(\.id))
        serviceIndex = IdentifierIndex(configuration.services.map(\.id))
        offers = configuration.offices.flatMap { office in
            configuration.services.map { service in office.services.contains { $0.service == service.id } }
        }
        weekdayTemplates = Array(
            repeating: Self.unknownWeekday, count: configuration.offices.count * configuration.services.count * 7)
        // A date that is not a real one (e.g. 2027-02-30) never equals a day's date, so it closes nothing.
        let holidays = configuration.rules.holidays.filter { LocalDate(daysSinceEpoch: $0.daysSinceEpoch) == $0 }
        let holidayDays = Set(holidays.map(\.daysSinceEpoch))
        closedDays = configuration.offices.map { office in
            holidayDays.union(
                office.closedDates.filter { LocalDate(daysSinceEpoch: $0.daysSinceEpoch) == $0 }.map(\.daysSinceEpoch))
        }
        dailyQuotas = configuration.services.map(\.dailyQuota)
        datedTemplateDays = configuration.datedTemplateDays.union(configuration.datedPoolDays)
        resetCandidateMemo()
    }

    mutating func resetCandidateMemo() {
        candidateMemo = Array(repeating: nil, count: officeIDs.count * serviceIDs.count)
    }

    /// A policy's candidate offices with their numbers (nil for an office the allocator does not know).
    struct CandidateOffices {
        var ids: [OfficeID]
        var numbers: [Int32?]
    }

    /// The policy's candidate offices for `request`, whose home office and service have numbers
    /// `home` and `service`; from the memo when the policy allows it.
    mutating func candidateOffices(for request: PlacementRequest, home: Int32, service: Int32) -> CandidateOffices {
        let memoizable = policy.candidatesDependOnlyOnHomeAndService
        let slot = Int(home) * serviceIDs.count + Int(service)
        if memoizable, let known = candidateMemo[slot] { return known }
        let ids = policy.candidateOffices(for: request, in: directory)
        // Most policies offer the home office first: its number is known already.
        let offices = CandidateOffices(
            ids: ids, numbers: ids.map { $0 == request.homeOffice ? home : officeIndex[$0] })
        if memoizable { candidateMemo[slot] = offices }
        return offices
    }

    static let unknownWeekday: Int32 = -2
    static let closedWeekday: Int32 = -1

    public var rules: AllocatorRules { configuration.rules }

    /// Number of bookings ever made (all states), retired ones included: the last id given out.
    public var bookingCount: Int { bookings.endIndex }

    /// Bookings still held in memory: those made, less those retired by `retireHistory(before:)`.
    public var retainedBookingCount: Int { bookings.indices.count }

    /// Office-service-days whose capacity ledger is held (created on first use, until retired).
    public var ledgerCount: Int { ledgers.indices.count }

    /// Booking `id` as a public record (built from its compact form); nil when unknown or retired. O(1).
    public func booking(_ id: BookingID) -> BookingRecord? {
        storedIndex(id).map { record(at: $0) }
    }

    /// The state of booking `id` (nil if unknown or retired), without building its record.
    public func state(of id: BookingID) -> BookingState? {
        storedIndex(id).map { bookings[$0].state }
    }

    /// All bookings held (not retired), in id order. O(n): each record is built from its compact form.
    public var allBookings: [BookingRecord] { bookings.indices.map { record(at: $0) } }

    /// Records changed since the last call, in the order of their first change, each once (latest state).
    public mutating func drainChanges() -> [BookingRecord] {
        guard !changed.isEmpty else { return [] }
        var seen = Set<BookingID>()
        var out: [BookingRecord] = []
        out.reserveCapacity(changed.count)
        for id in changed where seen.insert(id).inserted { out.append(record(at: Int(id.rawValue - 1))) }
        changed.removeAll(keepingCapacity: true)
        return out
    }

    /// Makes room for `additional` more bookings (and as many new citizens), and for the day ledgers of
    /// `days` more days of every office and service it offers, so those arrays never regrow on the way
    /// there; and for `keys` more idempotency keys. A hint: callers that know their volume (the city
    /// simulator, a restore) save the copies and page faults of repeated doubling — and a restore the
    /// moment when a table's old and new storage are both alive, which was its memory peak (a year's
    /// 400,000 keys doubled both idempotency tables near the end). O(capacity).
    public mutating func reserveCapacity(bookings additional: Int, days: Int = 0, keys: Int = 0) {
        bookings.reserveCapacity(bookings.indices.count + max(0, additional))
        idempotency.reserveCapacity(
            bookings: bookings.indices.count + max(0, additional), scopes: keys > 0 ? idempotency.count + keys : 0)
        niks.reserveCapacity(niks.heldCount + max(0, additional))
        activeCounts.reserveCapacity(activeCounts.indices.count + max(0, additional))
        let ledgersAhead = max(0, days) * offers.count { $0 }
        ledgers.reserveCapacity(ledgers.indices.count + ledgersAhead)
        // Rows of a typical open day: 32 slots (08:00–16:00 by quarter hours).
        rows.reserveUsage(ledgersAhead * 32)
    }

    /// Makes `key` the current signing key (see ``QRTokenSigner/rotate(to:key:)``, whose checks it runs).
    public mutating func rotateTokenKey(to keyID: String, key: [UInt8]) throws(SecretError) {
        try tokenSigner.rotate(to: keyID, key: .init(data: key))
    }

    public mutating func retireTokenKey(_ keyID: String) { tokenSigner.retire(keyID) }

    // MARK: - Ledger plumbing

    /// The ledger of `key`, creating it from the capacity plan on first use.
    func offers(office: Int32, service: Int32) -> Bool {
        offers[Int(office) * configuration.services.count + Int(service)]
    }

    /// The index of the ledger of `key`, creating it from the capacity plan on first use. O(1).
    mutating func ledgerNumber(_ key: DayKey) -> Int {
        // A dense grid, not a dictionary: availability scans look up the same few hundred
        // office-service-days over and over, and SipHash dominated those lookups.
        if let existing = ledgerDirectory.number(of: key) { return Int(existing) }
        let day = Int(key.day)
        let closed = closedDays[Int(key.office)]
        // A day's plan depends on its date only through closures, its weekday and its first instant: a
        // city of 70 offices creates ~80,000 ledgers a year, and building a plan for each showed in profiles.
        let isClosed = day < retiredDaysBefore || (!closed.isEmpty && closed.contains(day))
        let template =
            isClosed
            ? -1
            : !datedTemplateDays.isEmpty && datedTemplateDays.contains(day)
                ? datedTemplateNumber(key) : templateNumber(key, weekday: weekdayIndex(day))
        let ledger: DayLedger
        if template >= 0 {
            // The mutating calls come before the ledger is built: made inside its arguments, they made
            // the optimizer copy the slot template (retaining its arrays) for every new ledger.
            let usageStart = rows.appendUsage(count: Int(slotTemplates[Int(template)].slotCount))
            let pooledDay = poolDay(key, template: Int(template))
            let first = Int64(slotTemplates[Int(template)].firstSlotMinute) * 60
            ledger = DayLedger(
                key: key, template: slotTemplates[Int(template)], number: template,
                firstSlotStart: Int64(day) * 86_400 + first - rules.timeZone.secondsEastOfUTC,
                usageStart: usageStart, poolDay: pooledDay)
        } else {
            ledger = DayLedger(closed: key)
        }
        ledgers.append(ledger)
        ledgerDirectory.set(Int32(ledgers.endIndex - 1), for: key)
        return ledgers.endIndex - 1
    }

    /// `Weekday.allCases` index of local day `day` (as `LocalDate.weekday`; 1970-01-01 was a Thursday).
    func weekdayIndex(_ day: Int) -> Int { ((day % 7) + 7 + 3) % 7 }

    /// The template of `key`'s office and service on a weekday, derived on first use; -1 when closed.
    mutating func templateNumber(_ key: DayKey, weekday: Int) -> Int32 {
        let slot = (Int(key.office) * configuration.services.count + Int(key.service)) * 7 + weekday
        let known = weekdayTemplates[slot]
        if known != Self.unknownWeekday { return known }
        let office = configuration.offices[Int(key.office)]
        let day = Weekday.allCases[weekday]
        var number = Self.closedWeekday
        if let grid = configuration.weekdayGrid(
            office: office, service: configuration.services[Int(key.service)], weekday: day)
        {
            number = addSlotTemplate(grid, office: office.id, weekday: day)
        }
        weekdayTemplates[slot] = number
        return number
    }

    /// The template of a day some date template names (its own, not shared with the weekday's); -1
    /// when the office is closed or does not give the service that day.
    mutating func datedTemplateNumber(_ key: DayKey) -> Int32 {
        let office = configuration.offices[Int(key.office)]
        let date = LocalDate(daysSinceEpoch: Int(key.day))
        guard
            let grid = configuration.dayGrid(
                office: office, service: configuration.services[Int(key.service)], date: date)
        else { return Self.closedWeekday }
        return addSlotTemplate(grid, office: office.id, weekday: date.weekday)
    }

    /// Adds the slot template of `grid` (online places as the policy allows, plus the appointment
    /// template's extra places) and returns its number.
    private mutating func addSlotTemplate(_ grid: WeekdayGrid, office: OfficeID, weekday: Weekday) -> Int32 {
        if let pooled = grid.pooled {
            return addPooledSlotTemplate(grid, pooled: pooled, office: office, weekday: weekday)
        }
        let bookable = grid.slots.indices.map { index in
            let online = grid.slots[index].online
            let extra = index < grid.overbook.count ? grid.overbook[index] : 0
            return Int32(
                clamping: max(online, policy.bookableOnlineCapacity(online, office: office, weekday: weekday)) + extra)
        }
        return appendSlotTemplate(SlotTemplate(grid: grid, bookable: bookable))
    }

    /// Appends `template` (its limits into ``SlotRows``) and returns its number.
    mutating func appendSlotTemplate(_ template: SlotTemplate) -> Int32 {
        let number = Int32(slotTemplates.count)
        var template = template
        template.limitsStart = rows.appendLimits(template.limits)
        slotTemplates.append(template)
        return number
    }

    /// The public plan of ledger `number` (nil when closed), built from its grid. O(slots).
    func plan(ofLedger number: Int) -> DayPlan? {
        let ledger = ledgers[number]
        guard ledger.template >= 0 else { return nil }
        let template = slotTemplates[Int(ledger.template)]
        return DayPlan(
            office: officeIDs[Int(ledger.key.office)], service: serviceIDs[Int(ledger.key.service)],
            date: LocalDate(daysSinceEpoch: Int(ledger.key.day)), firstSlotMinute: template.firstSlotMinute,
            slotMinutes: template.slotMinutes, firstSlotStart: Instant(secondsSinceEpoch: ledger.firstSlotStart),
            slots: template.slots, overbook: template.overbook, individualTimes: template.individualTimes)
    }

    /// Resolves a slot to its ledger position, or the reason it does not exist.
    mutating func position(of slot: SlotRef) -> Result<LedgerPosition, AllocationRefusal> {
        guard let office = officeIndex[slot.office] else { return .failure(.unknownOffice(slot.office)) }
        guard let service = serviceIndex[slot.service] else { return .failure(.unknownService(slot.service)) }
        guard offers(office: office, service: service) else { return .failure(.serviceNotOffered) }
        // A slot on a day no ledger can number (from a stored row or a caller) is no slot, not a trap.
        guard let day = rules.timeZone.ledgerDay(of: slot.start) else { return .failure(.noSuchSlot) }
        let key = DayKey(office: office, service: service, day: day)
        let number = ledgerNumber(key)
        guard let index = ledgers[number].slotIndex(startingAt: slot.start.secondsSinceEpoch) else {
            return .failure(.noSuchSlot)
        }
        return .success(LedgerPosition(key: key, ledger: Int32(number), slot: Int32(index)))
    }

    /// Counts a place of `pool` as used. On a pooled day the counter-minutes follow the booking's
    /// segment (`takePlace` and `releasePlace` charge and give them back).
    mutating func occupy(_ position: LedgerPosition, pool: CapacityPool) {
        rows.add(1, to: pool, of: &ledgers[Int(position.ledger)], at: Int(position.slot))
    }

    mutating func vacate(_ position: LedgerPosition, pool: CapacityPool) {
        rows.add(-1, to: pool, of: &ledgers[Int(position.ledger)], at: Int(position.slot))
    }

    /// Moves a booking to `state`, keeping ledgers and NIK counts in step. O(1), no hashing.
    mutating func transition(_ id: BookingID, to state: BookingState, now: Instant) {
        let index = Int(id.rawValue - 1)
        let previous = bookings[index].state
        let position = position(ofBookingAt: index)
        let pool = bookings[index].pool
        if previous.occupiesCapacity && !state.occupiesCapacity {
            vacate(position, pool: pool)
            releasePlace(bookingAt: index)
        }
        if !previous.occupiesCapacity && state.occupiesCapacity {
            takePlace(bookingAt: index)
            occupy(position, pool: pool)
        }
        let nik = Int(bookings[index].nik)
        if previous.isActive && !state.isActive {
            activeCounts[nik] -= 1
            if activeCounts[nik] == 0 { niks.retire(Int32(nik)) }
        }
        // No transition makes a booking active again (a retired NIK number stays retired).
        assert(previous.isActive || !state.isActive, "\(previous) → \(state) would reactivate a booking")
        bookings[index].state = state
        bookings[index].updatedAt = now.secondsSinceEpoch
        if state != .held { bookings[index].holdExpiresAt = StoredBooking.absent }
        if journalsChanges { changed.append(id) }
    }

    /// Lets holds whose time is up lapse. Every operation calls this first. O(k log n) for k lapsed holds.
    public mutating func expireHolds(now: Instant) {
        while let next = holdDeadlines.min, next.at <= now {
            holdDeadlines.removeMin()
            // Entries of retired bookings are stale: only inactive bookings are retired.
            guard let index = storedIndex(next.booking) else { continue }
            if bookings[index].state == .held, bookings[index].holdExpiresAt == next.at.secondsSinceEpoch {
                transition(next.booking, to: .expired, now: next.at)
            }
        }
    }
}
