import AntreanAllocator
import AntreanScenario
import Foundation
import Testing

@testable import AntreanCity

/// The small city's kelurahan desks pooled while one counter leaves for the Friday prayer
/// (11:30–13:00, `office_defaults`): the pool sells in each Friday interval only what the counters at
/// the desk give, and the run still ends every citizen exactly once.
@Suite struct PooledBreakCityTests {
    /// Every letter and referral takes a whole 30-minute interval of one counter, so that a single
    /// booking in a prayer interval is more than its online reserve holds.
    static let pools = """
        appointment_templates:
          - pool: [letter, referral]
            interval: 30m
            minutes: { letter: 30m, referral: 30m }
        """
    static let friday = LocalDate(year: 2026, month: 11, day: 27)
    static let kelurahan = ["sungai", "bukit", "pasar", "pantai"]

    /// Counter-minutes staffed in each 30-minute interval of a Friday (08:00–14:00) at an office of
    /// `counters` counters with one away from 11:30 to 13:00, summed minute by minute.
    static func staffed(counters: Int) -> [Int] {
        (0..<12).map { index in
            let start = 480 + 30 * index
            return (start..<start + 30).reduce(0) { $0 + counters - ((690..<780).contains($1) ? 1 : 0) }
        }
    }

    /// The scenario's counters of a kelurahan office (2 by default, 1 at Bukit and Pantai).
    static func counters(_ office: String) -> Int { ["bukit", "pantai"].contains(office) ? 1 : 2 }

    @Test func fridayIntervalsHaveOnlyTheStaffedCounterMinutes() throws {
        let model = try AppointmentTemplateCityTests.scenario(templates: Self.pools).model
        var core = try AllocatorCore(
            configuration: model.allocatorConfiguration(),
            tokenSigner: QRTokenSigner(keyID: "sim", keyBytes: SecretText.decode(CitySimulation.simulatedTokenKey)),
            journalsChanges: false)
        for office in Self.kelurahan {
            let found = core.pooledMinutes(office: OfficeID(office), service: ServiceID("letter"), date: Self.friday)
            let intervals = try #require(found)
            #expect(intervals.map(\.sellable.total) == Self.staffed(counters: Self.counters(office)), "\(office)")
        }
        // One counter of one, away: Bukit sells nothing during the prayer.
        let bukitFound = core.pooledMinutes(
            office: OfficeID("bukit"), service: ServiceID("referral"), date: Self.friday)
        let bukit = try #require(bukitFound)
        #expect(bukit[7...9].allSatisfy { $0.sellable.total == 0 })
    }

    /// With a roster (here Sungai's Friday: 3 counters 08:00–10:00, 1 from 12:00) the pool follows the
    /// counters rostered minute by minute, less the prayer's one (never below none).
    @Test func aRosteredOfficesPoolFollowsItsRoster() throws {
        let rostered =
            Self.pools + """

                offices:
                  sungai:
                    roster:
                      friday: { 08:00-10:00: 3, 12:00-14:00: 1 }
                """
        let model = try AppointmentTemplateCityTests.scenario(templates: rostered).model
        var core = try AllocatorCore(
            configuration: model.allocatorConfiguration(),
            tokenSigner: QRTokenSigner(keyID: "sim", keyBytes: SecretText.decode(CitySimulation.simulatedTokenKey)),
            journalsChanges: false)
        func staffed(_ minute: Int) -> Int {
            let counters = (480..<600).contains(minute) ? 3 : (720..<840).contains(minute) ? 1 : 2
            return max(0, counters - ((690..<780).contains(minute) ? 1 : 0))
        }
        let expected = (0..<12).map { index in
            (480 + 30 * index..<510 + 30 * index).reduce(0) { $0 + staffed($1) }
        }
        let found = core.pooledMinutes(office: OfficeID("sungai"), service: ServiceID("letter"), date: Self.friday)
        #expect(try #require(found).map(\.sellable.total) == expected)
        #expect(expected[0] == 90 && expected[8] == 0 && expected[11] == 30)
        // The other offices keep their all-day counters.
        let pasarFound = core.pooledMinutes(office: OfficeID("pasar"), service: ServiceID("letter"), date: Self.friday)
        #expect(try #require(pasarFound).map(\.sellable.total) == Self.staffed(counters: 2))
    }

    /// Runs the city and, after every event that made bookings, recounts from the booking records the
    /// counter-minutes each reserve of each touched pooled Friday interval holds, against that
    /// reserve's share of the staffed counter-minutes (the scenario's Friday shares applied here).
    @Test func noFridayIntervalSellsMoreThanItsStaffedCountersAndEveryCitizenEndsOnce() throws {
        let scenario = try AppointmentTemplateCityTests.scenario(templates: Self.pools)
        let simulation = try CitySimulation(scenario.model)
        var run = CityRun(plans: simulation.plans, model: scenario.model, days: scenario.days, seed: 7, replication: 0)
        let zone = run.allocator.rules.timeZone
        struct IntervalKey: Hashable {
            var office: OfficeID
            var start: Instant
        }
        var held: [IntervalKey: [BookingID]] = [:]
        var known = run.allocator.bookingCount
        var fridayBookings = 0
        _ = run.simulation.schedule(.dayStart(0), at: 0)
        while let (time, event) = run.simulation.next(until: Double(run.totalDays) * 1440) {
            run.handle(event, at: time)
            let count = run.allocator.bookingCount
            guard count > known else { continue }
            for number in (known + 1)...count {
                guard let booking = run.allocator.booking(BookingID(UInt64(number))),
                    Self.kelurahan.contains(booking.office.rawValue),
                    zone.localDate(of: booking.slotStart).weekday == .friday
                else { continue }
                fridayBookings += 1
                let key = IntervalKey(office: booking.office, start: booking.slotStart)
                held[key, default: []].append(booking.id)
                let index = (zone.localMinuteOfDay(of: booking.slotStart) - 480) / 30
                let staffed = Self.staffed(counters: Self.counters(booking.office.rawValue))[index]
                let walkIn = Int((Double(staffed) * 0.35).rounded())
                let priority = Int((Double(staffed) * 0.10).rounded())
                let bound: [CapacityPool: Int] = [
                    .walkIn: walkIn, .priority: priority, .online: staffed - walkIn - priority,
                ]
                let sold =
                    held[key, default: []].compactMap { run.allocator.booking($0) }
                    .filter { $0.state.occupiesCapacity && $0.pool == booking.pool }.count * 30
                #expect(sold <= bound[booking.pool] ?? 0, "\(booking.office) \(booking.slotStart) \(booking.pool)")
            }
            known = count
        }
        #expect(fridayBookings > 20)
        #expect(run.allocator.invariantViolations().isEmpty)
        ConservationTests.checkConservation(run.metrics(), model: scenario.model)
    }
}
