import AntreanAllocator
import Testing

@Suite struct TimeTests {
    @Test func civilDatesRoundTripAndKnownWeekdays() {
        #expect(LocalDate(daysSinceEpoch: 0) == LocalDate(year: 1970, month: 1, day: 1))
        #expect(LocalDate(year: 1970, month: 1, day: 1).weekday == .thursday)
        #expect(LocalDate(year: 2000, month: 3, day: 1).daysSinceEpoch == 11_017)  // 30 × 365 + 7 leap days + 59 + 1
        #expect(Fixture.monday.weekday == .monday)
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(daysSinceEpoch: day).daysSinceEpoch == day)
        }
        #expect(LocalDate(year: 2000, month: 2, day: 29).isValid)
        #expect(!LocalDate(year: 1900, month: 2, day: 29).isValid)
        #expect(!LocalDate(year: 2023, month: 2, day: 29).isValid)
        #expect(LocalDate(parsing: "2026-11-23") == Fixture.monday)
        #expect(LocalDate(parsing: "2026-13-01") == nil)
    }

    @Test func witaIsUTCPlusEightWithoutDaylightSaving() {
        let eight = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 480)
        #expect(eight.description == "2026-11-23T00:00:00Z")
        let julyEight = Fixture.wita.instant(on: LocalDate(year: 2026, month: 7, day: 6), minuteOfDay: 480)
        #expect(julyEight.description == "2026-07-06T00:00:00Z")
        // 23:30 UTC on Sunday is already 07:30 Monday in Samarinda.
        let lateSunday = Instant(secondsSinceEpoch: eight.secondsSinceEpoch - 1800)
        #expect(Fixture.wita.localDate(of: lateSunday) == Fixture.monday)
        #expect(Fixture.wita.localMinuteOfDay(of: lateSunday) == 450)
    }

    /// The "time-zone bug disabling the per-slot limit": a grid computed in UTC would place 08:00 at 08:00Z
    /// (16:00 WITA, after closing). Here the grid is in WITA, so a slot named in UTC by mistake does not exist,
    /// and the real 08:00 WITA slot keeps its limit.
    @Test func slotGridIsInLocalTimeSoTheLimitHolds() {
        var core = Fixture.core()
        let utcEight = SlotRef(
            office: Fixture.a2, service: Fixture.ktp,
            start: Instant(secondsSinceEpoch: Int64(Fixture.monday.daysSinceEpoch) * 86_400 + 8 * 3600))
        #expect(core.book(utcEight, for: Fixture.citizen(1), now: Fixture.sundayNoon).refusal == .noSuchSlot)
        let slot = Fixture.slot(Fixture.a2)
        for number in 1...4 {
            #expect(core.book(slot, for: Fixture.citizen(number), now: Fixture.sundayNoon).value != nil)
        }
        #expect(core.book(slot, for: Fixture.citizen(5), now: Fixture.sundayNoon).refusal == .slotFull)
        #expect(core.invariantViolations().isEmpty)
    }
}
