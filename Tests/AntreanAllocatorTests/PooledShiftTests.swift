import AntreanAllocator
import Foundation
import Testing

/// A pool on an office whose counters follow a roster (`OfficeConfig.shifts`): each interval has the
/// counter-minutes the rostered counters give minute by minute, less those on a break, and a
/// booking's minute needs a counter at the desk for its whole service.
@Suite struct PooledShiftTests {
    typealias P = PoolFixture

    /// Monday: 4 counters 08:00–08:40 (above the 2 of the services), 1 counter 09:10–10:00; a break
    /// takes 1 counter 09:30–09:40 (none left then).
    static let shifts = [
        CounterShift(counters: 4, startMinute: 480, endMinute: 520),
        CounterShift(counters: 1, startMinute: 550, endMinute: 600),
    ]
    static let pause = OfficeBreak(counters: 1, startMinute: 570, endMinute: 580)

    static func configuration(poolCounters: Int? = nil) -> AllocatorConfiguration {
        var configuration = P.configuration(
            pools: [
                AppointmentPool(
                    office: P.office, services: [P.a, P.b], counters: poolCounters, intervalMinutes: P.interval)
            ])
        configuration.offices[0].shifts = [.monday: shifts]
        configuration.offices[0].breaks = [.monday: [pause]]
        configuration.offices[0].walkInShare = [:]
        configuration.offices[0].priorityShare = [:]
        return configuration
    }

    /// Counters at the desk at local `minute` on Monday, from the roster and the break written out here.
    static func staffed(_ minute: Int) -> Int {
        let rostered = (480..<520).contains(minute) ? 4 : (550..<600).contains(minute) ? 1 : P.counters
        return max(0, rostered - ((570..<580).contains(minute) ? 1 : 0))
    }

    static func staffedMinutes(_ index: Int) -> Int {
        let start = 480 + index * P.interval
        return (start..<start + P.interval).reduce(0) { $0 + staffed($1) }
    }

    @Test func eachIntervalHasTheCounterMinutesTheRosterGives() throws {
        var core = try P.core(Self.configuration())
        let found = core.pooledMinutes(office: P.office, service: P.a, date: P.monday)
        let intervals = try #require(found)
        #expect(intervals.map(\.sellable.total) == (0..<P.intervals).map(Self.staffedMinutes))
        // 120 (4 × 30); 4 × 10 + 2 × 20 = 80; 2 × 10 + 1 × 20 = 40; 1 × 30 less the break's 10 = 20.
        #expect(intervals.map(\.sellable.total) == [120, 80, 40, 20])
        // Tuesday has no roster: 2 counters × 30 minutes each.
        let tuesdayFound = core.pooledMinutes(office: P.office, service: P.a, date: P.monday.adding(days: 1))
        #expect(try #require(tuesdayFound).allSatisfy { $0.sellable.total == 60 })
    }

    /// A pool with counters of its own keeps them all day: the roster is the office's, not the pool's.
    @Test func aPoolWithItsOwnCountersIgnoresTheRoster() throws {
        var core = try P.core(Self.configuration(poolCounters: 3))
        let found = core.pooledMinutes(office: P.office, service: P.a, date: P.monday)
        // 3 × 30, the break taking 1 counter for 10 minutes of the last interval.
        #expect(try #require(found).map(\.sellable.total) == [90, 90, 90, 80])
    }

    /// Random bookings: each interval sells at most the counter-minutes its rostered counters give, and
    /// a booking is told a minute at which some booked citizen finds every rostered counter busy only
    /// when every minute of its interval it could have been told would do that too (checked against
    /// the roster written out here, across interval boundaries).
    @Test(arguments: [UInt64(31), 32, 33])
    func aCitizenMeetsBusyRosteredCountersOnlyWhenNoMinuteAvoidsIt(seed: UInt64) throws {
        var core = try P.core(Self.configuration())
        var random = SplitMix64(seed: seed)
        var held: [BookingRecord] = []
        /// Booked citizens being served at local `minute`.
        func serving(_ minute: Int) -> Int {
            held.count { record in
                let start = 480 + P.interval(of: record.slotStart) * P.interval + P.offset(record)
                return start <= minute && minute < start + (P.minutes[record.service] ?? 0)
            }
        }
        /// Whether a service of `length` minutes from local `start` finds every counter busy at some minute.
        func meetsBusyCounters(_ start: Int, _ length: Int) -> Bool {
            (start..<min(600, start + length)).contains { serving($0) >= Self.staffed($0) }
        }
        for citizen in 1...300 {
            let service = Bool.random(using: &random) ? P.a : P.b
            let interval = Int.random(in: 0..<P.intervals, using: &random)
            guard
                case .success(let receipt) = core.book(
                    P.slot(service, interval: interval), for: Fixture.citizen(citizen), now: P.sunday)
            else { continue }
            let length = P.minutes[service] ?? 0
            let start = 480 + interval * P.interval + P.offset(receipt.booking)
            if meetsBusyCounters(start, length) {
                // Every start it was allowed (its minutes fit the later intervals) meets them too.
                let sold = P.sold(held)
                for offset in 0..<P.interval {
                    let other = interval * P.interval + offset
                    let fits = (interval + 1..<P.intervals).allSatisfy {
                        (sold[$0]?[.online] ?? 0) + P.charge(start: other, length: length, to: $0)
                            <= Self.staffedMinutes($0)
                    }
                    #expect(!fits || meetsBusyCounters(480 + other, length), "citizen \(citizen): +\(offset) was free")
                }
            }
            held.append(receipt.booking)
        }
        let sold = P.sold(core.allBookings)
        for interval in 0..<P.intervals {
            let online = sold[interval]?[.online] ?? 0
            #expect(online <= Self.staffedMinutes(interval), "interval \(interval)")
            #expect(online > Self.staffedMinutes(interval) - 10, "interval \(interval) fills")
        }
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func shiftsReadAndWriteAndOldConfigurationsReadAsBefore() throws {
        let configuration = Self.configuration()
        let data = try JSONEncoder().encode(configuration)
        #expect(try JSONDecoder().decode(AllocatorConfiguration.self, from: data) == configuration)
        let plain = try JSONEncoder().encode(P.configuration())
        #expect(!String(decoding: plain, as: UTF8.self).contains("shifts"))
        #expect(try JSONDecoder().decode(AllocatorConfiguration.self, from: plain).offices[0].shifts.isEmpty)
    }

    /// A roster with no counter all day leaves a pool that follows it nothing to sell: said so, naming the
    /// roster (it read "counters must lie in 1…1000, got 0", a bound nobody wrote).
    @Test func aRosterWithoutCountersAllDayIsRefusedNamingTheRoster() {
        var configuration = P.configuration(
            pools: [AppointmentPool(office: P.office, services: [P.a, P.b], intervalMinutes: P.interval)])
        configuration.offices[0].shifts = [.monday: [CounterShift(counters: 0, startMinute: 0, endMinute: 1440)]]
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
        do {
            try configuration.validate()
        } catch {
            #expect(error.field == "appointmentPools[0].counters", "\(error)")
            #expect(error.message.contains("roster (shifts.monday) has no counter at any open minute"), "\(error)")
        }
    }

    @Test(arguments: [
        [CounterShift(counters: 1, startMinute: 540, endMinute: 500)],
        [CounterShift(counters: 1, startMinute: 600, endMinute: 1441)],
        [CounterShift(counters: 1001, startMinute: 480, endMinute: 500)],
        [
            CounterShift(counters: 1, startMinute: 480, endMinute: 540),
            CounterShift(counters: 2, startMinute: 530, endMinute: 560),
        ],
    ])
    func aBadShiftIsRefusedNamingItsField(shifts: [CounterShift]) {
        var configuration = P.configuration()
        configuration.offices[0].shifts = [.monday: shifts]
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
        do {
            try configuration.validate()
        } catch {
            #expect(error.field == "offices[0].shifts.monday[\(shifts.count - 1)]", "\(error)")
        }
    }
}
