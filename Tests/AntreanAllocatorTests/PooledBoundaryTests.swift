import AntreanAllocator
import Foundation
import Testing

/// A pooled service that runs past its interval's end: its minutes there count in the next interval,
/// and the next interval's bookings wait for the counter it holds.
@Suite struct PooledBoundaryTests {
    typealias P = PoolFixture

    /// `PoolFixture`'s office (2 counters, 30-minute intervals, 08:00–10:00) with no reserves, and
    /// service b taking 45 minutes: longer than an interval.
    static func configuration(counters: Int = 2) -> AllocatorConfiguration {
        var configuration = P.configuration(pools: [
            AppointmentPool(
                office: P.office, services: [P.a, P.b], counters: counters, intervalMinutes: P.interval,
                serviceMinutes: [P.a: 20, P.b: 45])
        ])
        configuration.offices[0].walkInShare = [:]
        configuration.offices[0].priorityShare = [:]
        return configuration
    }

    static let minutes = [P.a: 20, P.b: 45]

    func book(_ core: inout AllocatorCore, _ service: ServiceID, interval: Int, citizen: Int)
        -> Result<BookingReceipt, AllocationRefusal>
    {
        core.book(P.slot(service, interval: interval), for: Fixture.citizen(citizen), now: P.sunday)
    }

    /// Bookings of `records` being served at local minute `minute`.
    func serving(_ records: [BookingRecord], at minute: Int) -> Int {
        records.count { record in
            let start = 480 + P.interval(of: record.slotStart) * P.interval + P.offset(record)
            return start <= minute && minute < start + (Self.minutes[record.service] ?? 0)
        }
    }

    @Test func theNextIntervalWaitsForACounterStillServing() throws {
        var core = try P.core(Self.configuration())
        // 08:00: a [0, 20) and b [0, 45) on the two counters; b's last 15 minutes count at 08:30.
        let first = try book(&core, P.a, interval: 0, citizen: 1).get().booking
        let long = try book(&core, P.b, interval: 0, citizen: 2).get().booking
        #expect([first, long].map(P.offset) == [0, 0])
        let minutesFound = core.pooledMinutes(office: P.office, service: P.a, date: P.monday)
        let minutes = try #require(minutesFound)
        #expect(minutes.map(\.sold.online) == [50, 15, 0, 0])
        // 08:30: one counter is free at once; the second only once b is done at 08:45.
        let next = try book(&core, P.a, interval: 1, citizen: 3).get().booking
        let after = try book(&core, P.a, interval: 1, citizen: 4).get().booking
        #expect([next, after].map(P.offset) == [0, 15])
        // Before, both were told 08:30 while b still held a counter: three citizens on two counters.
        let held = [first, long, next, after]
        for minute in 480..<600 { #expect(serving(held, at: minute) <= 2, "minute \(minute)") }
        // 08:30 sold 15 + 20 + 15 of its 60 minutes, 09:00 the 5 that `after` runs into it.
        let soldFound = core.pooledMinutes(office: P.office, service: P.a, date: P.monday)
        let sold = try #require(soldFound)
        #expect(sold.map(\.sold.online) == [50, 50, 5, 0])
        #expect(P.sold(core.allBookings, minutes: Self.minutes)[1]?[.online] == 50)
        // 10 minutes left at 08:30: no a (20) is admitted there.
        #expect(book(&core, P.a, interval: 1, citizen: 5).refusal == .slotFull)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func aServiceLongerThanItsIntervalNeedsItsMinutesInTheNextOne() throws {
        var core = try P.core(Self.configuration(counters: 1))
        // One counter: b at 08:00 holds it until 08:45, so 08:30 has 15 of its 30 minutes left.
        let long = try book(&core, P.b, interval: 0, citizen: 1).get().booking
        #expect(P.offset(long) == 0)
        // An a (20) no longer fits at 08:30; it did before, told 08:30 beside b.
        #expect(book(&core, P.a, interval: 1, citizen: 2).refusal == .slotFull)
        // A second b needs 30 minutes at 08:00: none left.
        #expect(book(&core, P.b, interval: 0, citizen: 3).refusal == .slotFull)
        // Cancelling b gives 08:30 its minutes back.
        _ = try core.cancel(long.id, now: P.sunday).get()
        let freed = try book(&core, P.a, interval: 1, citizen: 4).get().booking
        #expect(P.offset(freed) == 0)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func theLastIntervalIsChargedThePastClosingMinutes() throws {
        var core = try P.core(Self.configuration(counters: 1))
        // 09:30 on one counter has 30 minutes; b (45) at its start would run 15 past closing: all
        // 45 are the last interval's, more than it has.
        #expect(book(&core, P.b, interval: 3, citizen: 1).refusal == .slotFull)
        let short = try book(&core, P.a, interval: 3, citizen: 2).get().booking
        #expect(P.offset(short) == 0)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func aRestoredCoreKeepsTheMinutesAcrossTheBoundary() throws {
        var core = try P.core(Self.configuration())
        _ = try book(&core, P.a, interval: 0, citizen: 1).get()
        _ = try book(&core, P.b, interval: 0, citizen: 2).get()
        _ = try book(&core, P.a, interval: 1, citizen: 3).get()
        let records = core.allBookings
        var restored = try AllocatorCore(
            configuration: Self.configuration(), tokenSigner: Fixture.signer, restoring: Array(records.reversed()))
        let restoredSold = restored.pooledMinutes(office: P.office, service: P.a, date: P.monday)?.map(\.sold)
        let originalSold = core.pooledMinutes(office: P.office, service: P.a, date: P.monday)?.map(\.sold)
        #expect(restoredSold != nil)
        #expect(restoredSold == originalSold)
        // The next booking gets the same minute in both.
        let original = try book(&core, P.a, interval: 1, citizen: 4).get().booking
        let again = try book(&restored, P.a, interval: 1, citizen: 4).get().booking
        #expect(P.offset(original) == 15)
        #expect(P.offset(again) == P.offset(original))
        #expect(restored.invariantViolations().isEmpty)
    }
}
