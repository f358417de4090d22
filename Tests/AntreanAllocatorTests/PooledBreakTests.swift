import AntreanAllocator
import Foundation
import Testing

/// A pool on an office whose counters take a break (the Friday prayer): each interval has only the
/// counter-minutes its staffed counters give, minute by minute, and a booking's minute needs a counter
/// at the desk for its whole service.
@Suite struct PooledBreakTests {
    typealias P = PoolFixture

    /// One of the 2 counters away from 08:45 to 09:30: it starts 15 minutes into the 08:30 interval
    /// and covers the whole 09:00 one.
    static let pause = OfficeBreak(counters: 1, startMinute: 525, endMinute: 570)

    /// `PoolFixture`'s office (services a and b pooled on 2 counters in 30-minute intervals, 08:00–10:00)
    /// with the break on Mondays and the given reserve shares.
    static func configuration(walkInShare: Double = 0, priorityShare: Double = 0) -> AllocatorConfiguration {
        var configuration = P.configuration()
        configuration.offices[0].breaks = [.monday: [pause]]
        configuration.offices[0].walkInShare = [.monday: walkInShare]
        configuration.offices[0].priorityShare = [.monday: priorityShare]
        return configuration
    }

    /// Counters at the desk at local `minute`, from the fixture's counters and the break.
    static func staffed(_ minute: Int) -> Int {
        P.counters - (pause.startMinute <= minute && minute < pause.endMinute ? pause.counters : 0)
    }

    /// Counter-minutes the staffed counters give interval `index`, summed minute by minute here.
    static func staffedMinutes(_ index: Int) -> Int {
        let start = 480 + index * P.interval
        return (start..<start + P.interval).reduce(0) { $0 + staffed($1) }
    }

    func book(_ core: inout AllocatorCore, _ service: ServiceID, interval: Int, citizen: Int, priority: Bool = false)
        -> Result<BookingReceipt, AllocationRefusal>
    {
        core.book(P.slot(service, interval: interval), for: Fixture.citizen(citizen, priority: priority), now: P.sunday)
    }

    @Test func eachIntervalHasTheCounterMinutesItsStaffedCountersGive() throws {
        var core = try P.core(Self.configuration())
        let found = core.pooledMinutes(office: P.office, service: P.a, date: P.monday)
        let intervals = try #require(found)
        #expect(intervals.map(\.sellable.total) == (0..<P.intervals).map(Self.staffedMinutes))
        // 60, 45 (the break takes one counter for 15 of the 30 minutes), 30, 60.
        #expect(intervals.map(\.sellable.total) == [60, 45, 30, 60])
        // Tuesday has no break: all its intervals have 2 counters × 30 minutes.
        let tuesday = P.monday.adding(days: 1)
        let plainFound = core.pooledMinutes(office: P.office, service: P.a, date: tuesday)
        let plain = try #require(plainFound)
        #expect(plain.allSatisfy { $0.sellable.total == 60 })
    }

    @Test func aBookingWaitsForACounterAtTheDeskThroughItsWholeService() throws {
        var core = try P.core(Self.configuration())
        // Interval 1 (08:30–09:00): 2 counters until +15, then 1.
        var records: [BookingRecord] = []
        for citizen in 1...4 { records.append(try book(&core, P.b, interval: 1, citizen: citizen).get().booking) }
        // +0 twice (both counters), +10 (a counter free from 10 and, after 15, the one left), then
        // +20: from 15 to 20 the one counter left still serves the third.
        #expect(records.map(P.offset) == [0, 0, 10, 20])
        // 40 of 45 minutes sold: a b (10) no longer fits, an a (5) does, at +10 where a second
        // counter is still at the desk until the break.
        #expect(book(&core, P.b, interval: 1, citizen: 5).refusal == .slotFull)
        let short = try book(&core, P.a, interval: 1, citizen: 6).get().booking
        #expect(P.offset(short) == 10)
        #expect(book(&core, P.a, interval: 1, citizen: 7).refusal == .slotFull)
        // At no minute do more bookings overlap than counters are at the desk.
        let held = records + [short]
        for minute in 510..<540 {
            let covering = held.count { record in
                let start = 510 + P.offset(record)
                return start <= minute && minute < start + (P.minutes[record.service] ?? 0)
            }
            #expect(covering <= Self.staffed(minute), "minute \(minute)")
        }
        #expect(core.invariantViolations().isEmpty)
    }

    /// Random bookings, priority bookings and walk-ins: no interval's reserve ever sells more than its
    /// share of the staffed counter-minutes (the shares applied here by hand), and every interval
    /// fills to within one booking of it.
    @Test(arguments: [UInt64(21), 22, 23])
    func noIntervalSellsMoreThanItsStaffedCountersGive(seed: UInt64) throws {
        var core = try P.core(Self.configuration(walkInShare: 0.25, priorityShare: 0.1))
        var random = SplitMix64(seed: seed)
        for citizen in 1...400 {
            let service = Bool.random(using: &random) ? P.a : P.b
            let interval = Int.random(in: 0..<P.intervals, using: &random)
            _ = book(
                &core, service, interval: interval, citizen: citizen,
                priority: Int.random(in: 0..<4, using: &random) == 0)
        }
        for minute in stride(from: 480, to: 600, by: 3) {
            _ = core.registerWalkIn(
                office: P.office, service: Bool.random(using: &random) ? P.a : P.b,
                citizen: Fixture.citizen(1000 + minute), now: P.at(minute))
        }
        let sold = P.sold(core.allBookings)
        for interval in 0..<P.intervals {
            let staffed = Self.staffedMinutes(interval)
            let walkIn = Int((Double(staffed) * 0.25).rounded())
            let priority = Int((Double(staffed) * 0.1).rounded())
            let bound: [CapacityPool: Int] = [
                .walkIn: walkIn, .priority: priority, .online: staffed - walkIn - priority,
            ]
            for pool in CapacityPool.allCases {
                #expect((sold[interval]?[pool] ?? 0) <= bound[pool] ?? 0, "interval \(interval) \(pool)")
            }
            // 400 attempts on 4 intervals fill the online reserve to less than a b's 10 minutes short.
            #expect((sold[interval]?[.online] ?? 0) > (bound[.online] ?? 0) - 10, "interval \(interval)")
        }
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func breaksReadAndWriteAndOldConfigurationsReadAsBefore() throws {
        let configuration = Self.configuration()
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(AllocatorConfiguration.self, from: data) == configuration)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"startMinute\":525"))
        // Without breaks nothing new is written, and a configuration without the key reads as none.
        let plain = try JSONEncoder().encode(P.configuration())
        #expect(!String(decoding: plain, as: UTF8.self).contains("breaks"))
        #expect(try JSONDecoder().decode(AllocatorConfiguration.self, from: plain).offices[0].breaks.isEmpty)
    }

    @Test(arguments: [
        OfficeBreak(counters: 1, startMinute: 570, endMinute: 525),
        OfficeBreak(counters: 1, startMinute: 600, endMinute: 1441),
        OfficeBreak(counters: -1, startMinute: 525, endMinute: 570),
    ])
    func aBadBreakIsRefusedNamingItsField(pause: OfficeBreak) {
        var configuration = P.configuration()
        configuration.offices[0].breaks = [.monday: [pause]]
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
        do {
            try configuration.validate()
        } catch {
            #expect(error.field == "offices[0].breaks.monday")
        }
    }
}
