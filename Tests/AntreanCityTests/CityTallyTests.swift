import AntreanEngine
import Testing

@testable import AntreanCity

/// Waits reach the sketches in batches; every figure must equal adding each wait at once, in order.
@Suite struct CityTallyTests {
    @Test func batchedWaitsGiveTheSameFiguresAsAddingEachAtOnce() {
        var generator = SystemRandomNumberGenerator()
        var batched = CityTally()
        var waits = Tally()
        var weekdays = [Welford](repeating: Welford(), count: 5)
        var hours = [Tally](repeating: Tally(), count: 24)
        var withinTarget = 0.0
        // Several batches and a partial one; zero waits, weekends (weekday 5) and every hour.
        for index in 0..<(3 * CityTally.waitBatch + 7) {
            let minutes = index % 5 == 0 ? 0 : Double.random(in: 0...120, using: &generator)
            let weekday = index % 6
            let hour = index % 24
            batched.recordWait(minutes, weekday: weekday, hour: hour, target: 15)
            waits.add(minutes)
            if weekday < 5 { weekdays[weekday].add(minutes) }
            hours[hour].add(minutes)
            if minutes <= 15 { withinTarget += 1 }
        }
        batched.addPendingWaits()
        #expect(batched.waits == waits)
        #expect(batched.weekdayWaits == weekdays)
        #expect(batched.hourWaits == hours)
        #expect(batched.withinTarget == withinTarget)
    }
}
