import AntreanAllocator
import Foundation
import Testing

/// Pooled counters: one capacity in counter-minutes per interval shared by the pool's services, each
/// booking drawing its service's expected minutes, and the appointment minute where the pooled
/// timeline has a free counter.
@Suite struct PooledCounterTests {
    typealias P = PoolFixture

    func book(_ core: inout AllocatorCore, _ service: ServiceID, interval: Int, citizen: Int, priority: Bool = false)
        -> Result<BookingReceipt, AllocationRefusal>
    {
        core.book(P.slot(service, interval: interval), for: Fixture.citizen(citizen, priority: priority), now: P.sunday)
    }

    @Test func servicesShareTheIntervalsCounterMinutesAndGetTheEarliestFreeCounter() throws {
        var core = try P.core()
        // 39 online counter-minutes in interval 0 on 2 counters of 30 minutes.
        let first = try book(&core, P.b, interval: 0, citizen: 1).get().booking  // [0, 10) counter 1
        let second = try book(&core, P.b, interval: 0, citizen: 2).get().booking  // [0, 10) counter 2
        let third = try book(&core, P.a, interval: 0, citizen: 3).get().booking  // both busy until 10
        let fourth = try book(&core, P.b, interval: 0, citizen: 4).get().booking  // [10, 20): a counter is free
        #expect([first, second, third, fourth].map(P.offset) == [0, 0, 10, 10])
        // 35 minutes sold: 4 left, less than a's 5.
        #expect(book(&core, P.a, interval: 0, citizen: 5).refusal == .slotFull)
        #expect(book(&core, P.b, interval: 0, citizen: 6).refusal == .slotFull)
        // The priority reserve (6 minutes) takes one a for a priority citizen, not a b.
        #expect(book(&core, P.b, interval: 0, citizen: 7, priority: true).refusal == .slotFull)
        let priority = try book(&core, P.a, interval: 0, citizen: 8, priority: true).get().booking
        #expect(priority.pool == .priority)
        // Counters are busy [0,10) ×2, [10,15), [10,20): the first minute with a counter free for 5 is 15.
        #expect(P.offset(priority) == 15)
        // Service c keeps its own places: the pool's minutes do not limit it.
        #expect(book(&core, P.c, interval: 0, citizen: 9).value != nil)
        let soldFound = core.pooledMinutes(office: P.office, service: P.a, date: P.monday)
        let sold = try #require(soldFound)
        #expect(sold[0].sold == SlotCapacity(online: 35, walkIn: 0, priority: 5))
        #expect(sold[0].sellable == SlotCapacity(online: 39, walkIn: 15, priority: 6))
        // Cancelling gives the minutes and the stretch of the timeline back.
        _ = try core.cancel(second.id, now: P.sunday).get()
        let again = try book(&core, P.b, interval: 0, citizen: 10).get().booking
        #expect(P.offset(again) == 0)
        #expect(core.invariantViolations().isEmpty)
    }

    /// Random book, cancel, reschedule, walk-in and no-show sequences against a reference that
    /// counts counter-minutes itself: every decision is the reference's, no interval's reserve ever
    /// sells more counter-minutes than C × interval split by the shares, and every minute is the
    /// earliest at which fewer than C bookings of the day are being served through the whole service,
    /// across interval boundaries. Service b takes 10 minutes, or 45: longer than an interval.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6], [10, 45])
    func capacityInCounterMinutesIsNeverExceeded(seed: UInt64, bMinutes: Int) throws {
        var core = try P.core(
            P.configuration(pools: [
                AppointmentPool(
                    office: P.office, services: [P.a, P.b], intervalMinutes: P.interval, serviceMinutes: [P.b: bMinutes]
                )
            ]))
        var model = ReferencePool()
        model.minutes[P.b] = bMinutes
        var random = SplitMix64(seed: seed)
        var citizen = 0
        var ids: [BookingID] = []
        for _ in 0..<300 {
            let roll = Int.random(in: 0..<10, using: &random)
            if roll < 5 || ids.isEmpty {
                let service = Bool.random(using: &random) ? P.a : P.b
                let interval = Int.random(in: 0..<P.intervals, using: &random)
                let priority = Int.random(in: 0..<5, using: &random) == 0
                citizen += 1
                let expected = model.poolFor(service, interval: interval, priority: priority)
                let answer = book(&core, service, interval: interval, citizen: citizen, priority: priority)
                if let expected {
                    let record = try answer.get().booking
                    #expect(record.pool == expected)
                    #expect(P.offset(record) == model.expectedMinute(service, interval: interval, pool: expected))
                    model.add(record, service: service)
                    ids.append(record.id)
                } else {
                    #expect(answer.refusal == .slotFull)
                }
            } else if roll < 7 {
                let id = ids[Int.random(in: 0..<ids.count, using: &random)]
                let active = core.state(of: id).map(\.isActive) ?? false
                let answer = core.cancel(id, now: P.sunday)
                #expect((answer.value != nil) == active)
                if active { model.remove(id) }
            } else {
                let id = ids[Int.random(in: 0..<ids.count, using: &random)]
                let interval = Int.random(in: 0..<P.intervals, using: &random)
                let before = try #require(core.booking(id))
                let expected = model.reschedule(before, to: interval)
                let answer = core.reschedule(
                    id, to: P.slot(before.service, interval: interval), now: P.sunday)
                switch (expected, answer) {
                case (.moved(let pool, let minute), .success(let after)):
                    #expect(after.pool == pool)
                    #expect(P.offset(after) == minute)
                    model.add(after, service: after.service)
                case (.refused(let refusal), .failure(let got)):
                    #expect(got == refusal)
                    #expect(core.booking(id)?.appointment == before.appointment)
                default:
                    Issue.record("reschedule of \(id) to interval \(interval): expected \(expected), got \(answer)")
                }
            }
            try checkAgainst(model, core: &core)
        }
        // The day itself: no-shows release their minutes, walk-ins draw on the walk-in reserve.
        for minute in stride(from: 480, to: 600, by: 5) {
            let now = P.at(minute)
            let released = Set(core.releaseNoShows(now: now))
            #expect(released == model.noShows(before: now))
            for id in released { model.remove(id) }
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let service = Bool.random(using: &random) ? P.a : P.b
                citizen += 1
                let expected = model.walkInInterval(service, from: (minute - 480) / P.interval)
                let answer = core.registerWalkIn(
                    office: P.office, service: service, citizen: Fixture.citizen(citizen), now: now)
                if let expected {
                    let record = try answer.get().booking
                    #expect(P.interval(of: record.slotStart) == expected)
                    #expect(P.offset(record) == model.expectedMinute(service, interval: expected, pool: .walkIn))
                    model.add(record, service: service)
                } else {
                    #expect(answer.refusal == .walkInReserveFull)
                }
            }
            try checkAgainst(model, core: &core)
        }
    }

    /// The allocator's records, summed here, never exceed the reference limits and agree with both
    /// the reference and the allocator's own accounting.
    func checkAgainst(_ model: ReferencePool, core: inout AllocatorCore) throws {
        let sold = P.sold(core.allBookings, minutes: model.minutes)
        let accountedFound = core.pooledMinutes(office: P.office, service: P.a, date: P.monday)
        let accounted = try #require(accountedFound)
        for interval in 0..<P.intervals {
            for pool in CapacityPool.allCases {
                let used = sold[interval]?[pool] ?? 0
                #expect(used <= P.limit[pool] ?? 0)
                #expect(used == model.used(interval, pool))
                #expect(used == accounted[interval].sold[pool])
            }
        }
        #expect(core.invariantViolations().isEmpty)
    }

    /// A pool of one service decides exactly as that service's own template of ⌊C × L ÷ d⌋ places per
    /// interval, whose reserves come out the same when the shares split whole places and whole
    /// services' minutes alike; with one counter every minute is the same too (place k of n at k × d).
    @Test(arguments: [(1, UInt64(11)), (1, 12), (2, 13), (2, 14)])
    func aPoolOfOneServiceDecidesAsItsOwnTemplate(counters: Int, seed: UInt64) throws {
        typealias F = TemplateFixture
        let priority = counters == 1 ? 0 : 1.0 / 6
        let templated = F.configuration(
            [AppointmentTemplate(office: F.office, intervalMinutes: 15, places: .rule(.uniform))],
            counters: counters, walkIn: 1.0 / 3, priority: priority)
        var pooled = templated
        pooled.appointmentTemplates = []
        pooled.appointmentPools = [AppointmentPool(office: F.office, services: [F.service], intervalMinutes: 15)]
        var cores = [try F.core(templated), try F.core(pooled)]
        var random = SplitMix64(seed: seed)
        var ids: [BookingID] = []
        for step in 0..<400 {
            let roll = Int.random(in: 0..<10, using: &random)
            let minute = 480 + 15 * Int.random(in: 0..<8, using: &random)
            let citizen = Fixture.citizen(step, priority: Int.random(in: 0..<4, using: &random) == 0)
            let target = ids.isEmpty ? nil : ids[Int.random(in: 0..<ids.count, using: &random)]
            var answers: [String] = []
            for index in cores.indices {
                let answer: Result<BookingRecord, AllocationRefusal> =
                    switch (roll, target) {
                    case (0..<4, _), (_, nil):
                        cores[index].book(F.slot(minute), for: citizen, now: F.sunday).map(\.booking)
                    case (4..<6, _):
                        cores[index].place(
                            PlacementRequest(service: F.service, homeOffice: F.office, citizen: citizen),
                            now: F.sunday
                        ).map(\.booking)
                    case (6..<8, let id?): cores[index].cancel(id, now: F.sunday)
                    case (_, let id?): cores[index].reschedule(id, to: F.slot(minute), now: F.sunday)
                    }
                answers.append(describe(answer, withMinute: counters == 1))
                if index == 0, let id = answer.value?.id, !ids.contains(id) { ids.append(id) }
            }
            #expect(answers[0] == answers[1], "step \(step)")
        }
        for minute in stride(from: 480, to: 600, by: 5) {
            var answers: [String] = []
            for index in cores.indices {
                // The same bookings lapse at each sweep; with 2 counters two share a minute where the
                // template spreads them 2 minutes apart, so only the order of equal deadlines differs.
                let released = cores[index].releaseNoShows(now: F.at(minute)).sorted()
                let walkIn = cores[index].registerWalkIn(
                    office: F.office, service: F.service, citizen: Fixture.citizen(10_000 + minute), now: F.at(minute))
                answers.append("\(released) \(describe(walkIn.map(\.booking), withMinute: counters == 1))")
            }
            #expect(answers[0] == answers[1], "minute \(minute)")
        }
        #expect(cores.allSatisfy { $0.invariantViolations().isEmpty })
    }

    func describe(_ answer: Result<BookingRecord, AllocationRefusal>, withMinute: Bool) -> String {
        switch answer {
        case .success(let record):
            "\(record.id) \(record.state) \(record.slotStart) \(record.pool)"
                + (withMinute ? " \(record.appointment)" : "")
        case .failure(let refusal): refusal.code
        }
    }

    /// Restoring the records rebuilds the same counter-minutes and timelines: the restored core then
    /// decides every next booking, and its minute, as the running one.
    @Test func aRestoredCoreRebuildsThePooledState() throws {
        var core = try P.core()
        var random = SplitMix64(seed: 99)
        for citizen in 0..<120 {
            let service = Bool.random(using: &random) ? P.a : P.b
            let answer = book(
                &core, service, interval: Int.random(in: 0..<P.intervals, using: &random), citizen: citizen)
            if let id = answer.value?.booking.id, Int.random(in: 0..<3, using: &random) == 0 {
                _ = core.cancel(id, now: P.sunday)
            }
        }
        var restored = try AllocatorCore(
            configuration: P.configuration(), tokenSigner: Fixture.signer, restoring: core.allBookings)
        #expect(restored.invariantViolations().isEmpty)
        let beforeFound = core.pooledMinutes(office: P.office, service: P.b, date: P.monday)
        let before = try #require(beforeFound)
        let afterFound = restored.pooledMinutes(office: P.office, service: P.b, date: P.monday)
        let after = try #require(afterFound)
        #expect(before.map(\.sold) == after.map(\.sold))
        for citizen in 1_000..<1_060 {
            let service = Bool.random(using: &random) ? P.a : P.b
            let interval = Int.random(in: 0..<P.intervals, using: &random)
            let running = describe(
                book(&core, service, interval: interval, citizen: citizen).map(\.booking), withMinute: true)
            let reopened = describe(
                book(&restored, service, interval: interval, citizen: citizen).map(\.booking), withMinute: true)
            #expect(running == reopened)
        }
    }

    @Test func aStoreOverThePoolsMinutesIsRefusedOnRestore() throws {
        var core = try P.core()
        // Interval 0: three b (30 minutes) under a pool of 39 online minutes.
        for citizen in 0..<3 { _ = try book(&core, P.b, interval: 0, citizen: citizen).get() }
        var smaller = P.configuration()
        smaller.appointmentPools[0].counters = 1  // 30 counter-minutes: 8 walk-in, 3 priority, 19 online
        #expect(throws: RestoreError.self) {
            try AllocatorCore(configuration: smaller, tokenSigner: Fixture.signer, restoring: core.allBookings)
        }
    }

    @Test(arguments: [
        (AppointmentPool(office: OfficeID("nowhere"), services: [ServiceID("a")], intervalMinutes: 30), "office"),
        (AppointmentPool(office: OfficeID("o"), services: [ServiceID("zz")], intervalMinutes: 30), "services"),
        (AppointmentPool(office: OfficeID("o"), services: [], intervalMinutes: 30), "services"),
        (AppointmentPool(office: OfficeID("o"), services: [ServiceID("a")], intervalMinutes: 25), "interval"),
        (
            AppointmentPool(office: OfficeID("o"), services: [ServiceID("a")], counters: 0, intervalMinutes: 30),
            "counters"
        ),
        (
            AppointmentPool(
                office: OfficeID("o"), services: [ServiceID("a")], intervalMinutes: 30,
                serviceMinutes: [ServiceID("a"): 0]), "serviceMinutes"
        ),
        (
            AppointmentPool(office: OfficeID("o"), services: [ServiceID("a")], intervalMinutes: 30, overbook: [1, 2]),
            "overbook"
        ),
    ])
    func aBadPoolIsRefusedNamingItsField(pool: AppointmentPool, field: String) throws {
        #expect(throws: ConfigurationError(field: "appointmentPools[0].\(field)", message: "")) {
            do { try P.configuration(pools: [pool]).validate() } catch let error as ConfigurationError {
                throw ConfigurationError(field: error.field, message: "")
            }
        }
    }

    @Test func aPooledServiceWithItsOwnTemplateIsRefused() {
        let configuration = P.configuration(templates: [
            AppointmentTemplate(office: P.office, service: P.b, intervalMinutes: 15, places: .rule(.uniform))
        ])
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
        // A template of a service the pool leaves out is fine.
        let other = P.configuration(templates: [
            AppointmentTemplate(office: P.office, service: P.c, intervalMinutes: 15, places: .rule(.uniform))
        ])
        #expect(throws: Never.self) { try other.validate() }
    }

    @Test func configurationsWithoutPoolsReadAndWriteAsBefore() throws {
        let plain = P.configuration(pools: [])
        let data = try JSONEncoder().encode(plain)
        #expect(!String(decoding: data, as: UTF8.self).contains("appointmentPools"))
        let pooled = P.configuration()
        let decoded = try JSONDecoder().decode(AllocatorConfiguration.self, from: try JSONEncoder().encode(pooled))
        #expect(decoded == pooled)
    }
}

/// An independent account of the pool in `PoolFixture`: the occupying bookings' intervals, reserves,
/// minutes and appointment minutes, and the limits computed from the shares by hand. A booking's
/// minutes are charged to the intervals its stretch [start, start + minutes) covers, those after
/// closing to the last interval.
struct ReferencePool {
    typealias P = PoolFixture
    struct Held {
        var interval: Int
        var pool: CapacityPool
        var minutes: Int
        var minute: Int
        var state: BookingState
        var appointment: Instant
        /// Minutes after opening.
        var start: Int { interval * P.interval + minute }
    }
    var held: [BookingID: Held] = [:]
    /// Expected minutes per service.
    var minutes = P.minutes

    func used(_ interval: Int, _ pool: CapacityPool) -> Int {
        held.values.filter { $0.pool == pool }.reduce(0) {
            $0 + P.charge(start: $1.start, length: $1.minutes, to: interval)
        }
    }

    /// Whether a booking of `length` minutes at `start` (minutes after opening) fits `pool` everywhere.
    func fits(_ pool: CapacityPool, start: Int, length: Int) -> Bool {
        (0..<P.intervals).allSatisfy {
            used($0, pool) + P.charge(start: start, length: length, to: $0) <= P.limit[pool] ?? 0
        }
    }

    /// Admission: a booking at the interval's start fits its reserve.
    func fits(_ pool: CapacityPool, _ length: Int, interval: Int) -> Bool {
        fits(pool, start: interval * P.interval, length: length)
    }

    /// The reserve a booking takes (priority citizens: the priority reserve first), nil: full.
    func poolFor(_ service: ServiceID, interval: Int, priority: Bool) -> CapacityPool? {
        let length = minutes[service] ?? 0
        if priority, fits(.priority, length, interval: interval) { return .priority }
        return fits(.online, length, interval: interval) ? .online : nil
    }

    /// Of the interval's minutes whose charges fit `pool`, the earliest at which every minute of the
    /// service before closing has fewer than C bookings of the day being served; else the earliest
    /// with the fewest minutes at which it would find both counters busy, counted per citizen.
    func expectedMinute(_ service: ServiceID, interval: Int, pool: CapacityPool) -> Int {
        let length = minutes[service] ?? 0
        let close = P.intervals * P.interval
        func depth(_ minute: Int) -> Int { held.values.count { $0.start <= minute && minute < $0.start + $0.minutes } }
        let allowed = (0..<P.interval).filter { fits(pool, start: interval * P.interval + $0, length: length) }
        // Citizen-minutes at which a booking at each allowed start would find both counters busy.
        let excess = allowed.map { offset in
            let start = interval * P.interval + offset
            return (start..<min(close, start + length)).reduce(0) { $0 + max(0, depth($1) + 1 - P.counters) }
        }
        return excess.firstIndex(of: excess.min() ?? 0).map { allowed[$0] } ?? 0
    }

    mutating func add(_ record: BookingRecord, service: ServiceID) {
        held[record.id] = Held(
            interval: P.interval(of: record.slotStart), pool: record.pool, minutes: minutes[service] ?? 0,
            minute: P.offset(record), state: record.state, appointment: record.appointment)
    }

    mutating func remove(_ id: BookingID) { held[id] = nil }

    enum Move: CustomStringConvertible {
        case moved(CapacityPool, minute: Int)
        case refused(AllocationRefusal)
        var description: String {
            switch self {
            case .moved(let pool, let minute): "moved to \(pool) at +\(minute)"
            case .refused(let refusal): refusal.code
            }
        }
    }

    /// What a move of `record` to `interval` should do; takes the booking off (the caller adds it back
    /// where it lands, or nothing changes on a refusal).
    mutating func reschedule(_ record: BookingRecord, to interval: Int) -> Move {
        guard record.state == .booked, let current = held[record.id] else { return .refused(.bookingNotActive) }
        guard record.reschedules < 2 else { return .refused(.rescheduleLimitReached) }
        held[record.id] = nil
        guard let pool = poolFor(record.service, interval: interval, priority: current.pool == .priority) else {
            held[record.id] = current
            return .refused(.slotFull)
        }
        return .moved(pool, minute: expectedMinute(record.service, interval: interval, pool: pool))
    }

    /// Booked citizens whose appointment plus the 15-minute grace lies before `now`.
    func noShows(before now: Instant) -> Set<BookingID> {
        Set(held.filter { $0.value.state == .booked && $0.value.appointment.adding(minutes: 15) < now }.keys)
    }

    /// The interval a walk-in at `from` gets: the first from there with walk-in minutes left.
    func walkInInterval(_ service: ServiceID, from: Int) -> Int? {
        (from..<P.intervals).first { fits(.walkIn, minutes[service] ?? 0, interval: $0) }
    }
}
