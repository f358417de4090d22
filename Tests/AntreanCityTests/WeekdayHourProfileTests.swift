import AntreanAllocator
import AntreanEngine
import Testing

@testable import AntreanCity

/// The average day behind the report's heat maps (`<scope>.weekday.<day>.hour.<HH>.queue_length`,
/// `.served`, `.wait_minutes`) against the run's own whole-day figures, which other accumulators keep.
@Suite struct WeekdayHourProfileTests {
    static let weekdays = ["mon", "tue", "wed", "thu", "fri"]
    static func label(_ hour: Int) -> String { hour < 10 ? "0\(hour)" : "\(hour)" }

    /// Measured open days per weekday, counted here from the calendar.
    static func openDays(_ model: CityModel, days: Int) -> [Int] {
        var counts = [0, 0, 0, 0, 0]
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        for day in 0..<days {
            let date = model.calendar.startDate.adding(days: day)
            guard let index = weekdays.firstIndex(of: date.weekday), model.calendar.openingHours(on: date) != nil
            else { continue }
            counts[index] += 1
        }
        return counts
    }

    /// The areas split at hour boundaries add up to the whole run's area under the line: Σ over weekday
    /// × opening hour of (queue length × open days × 60), plus the line outside opening hours, equals
    /// queue_length × measured minutes, at every scope.
    /// Served counts and mean waits per cell add up to the per-hour and per-weekday figures.
    @Test(arguments: ["small-city.yaml", "busy-city.yaml"])
    func cellsAddUpToTheRunsFigures(fixture: String) throws {
        let scenario = try CityFixtures.fixture(fixture)
        let days = 10
        let sample = try CitySimulation(scenario.model).run(days: days, seed: 4, replication: 0)
        let openDays = Self.openDays(scenario.model, days: days)
        #expect(openDays.allSatisfy { $0 >= 1 })
        let scopes =
            scenario.model.offices.map { "offices.\($0.id)" } + scenario.model.kecamatan.map { "kecamatan.\($0.id)" }
            + ["overall"]
        for scope in scopes {
            var area = 0.0
            var servedByHour = [Double](repeating: 0, count: 24)
            var waitByHour = [Double](repeating: 0, count: 24)
            for (day, name) in Self.weekdays.enumerated() {
                var servedThatDay = 0.0
                var waitThatDay = 0.0
                for hour in 0..<24 {
                    let key = "\(scope).weekday.\(name).hour.\(Self.label(hour))."
                    if let length = sample[key + "queue_length"] { area += length * Double(openDays[day]) * 60 }
                    if let served = sample[key + "served"], let wait = sample[key + "wait_minutes"] {
                        servedByHour[hour] += served
                        waitByHour[hour] += served * wait
                        servedThatDay += served
                        waitThatDay += served * wait
                    }
                }
                area += (sample["\(scope).weekday.\(name).outside_hours.line_minutes"] ?? 0) * Double(openDays[day])
                let served = sample["\(scope).weekday.\(name).served"] ?? 0
                #expect(servedThatDay == served, "\(scope) \(name)")
                if served > 0, let wait = sample["\(scope).weekday.\(name).wait_minutes"] {
                    #expect(abs(waitThatDay / served - wait) <= 1e-9 * max(1, wait), "\(scope) \(name)")
                }
            }
            let total = try #require(sample["\(scope).queue_length"]) * Double(days) * 1440
            #expect(abs(area - total) <= 1e-9 * max(1, total), "\(scope): cells \(area) vs run \(total)")
            for hour in 0..<24 {
                let served = sample["\(scope).hour.\(Self.label(hour)).served"] ?? 0
                #expect(servedByHour[hour] == served, "\(scope) hour \(hour)")
                if served > 0, let wait = sample["\(scope).hour.\(Self.label(hour)).wait_minutes"] {
                    #expect(abs(waitByHour[hour] / served - wait) <= 1e-9 * max(1, wait), "\(scope) hour \(hour)")
                }
            }
        }
        #expect(sample["overall.queue_length"]! > 0)
    }

    /// Every opening hour of every weekday is reported, even one with nobody in line, and no other hour.
    @Test func everyOpeningHourIsReported() throws {
        let scenario = try CityFixtures.fixture("small-city.yaml")
        let sample = try CitySimulation(scenario.model).run(days: 7, seed: 1, replication: 0)
        for (day, name) in Self.weekdays.enumerated() {
            for hour in 8..<(day == 4 ? 14 : 16) {
                #expect(sample["kecamatan.hulu.weekday.\(name).hour.\(Self.label(hour)).queue_length"] != nil)
            }
            #expect(sample["overall.weekday.\(name).hour.07.queue_length"] == nil)
            #expect(sample["overall.weekday.\(name).hour.\(day == 4 ? 14 : 16).queue_length"] == nil)
            // Saturday is closed and not profiled.
            #expect(sample["overall.weekday.sat.hour.\(Self.label(8 + day)).queue_length"] == nil)
        }
    }

    /// Turned away = balked + reneged + refused bookings, at every scope.
    @Test func turnedAwayIsTheSumOfItsParts() throws {
        let scenario = try CityFixtures.fixture("small-city.yaml")
        let sample = try CitySimulation(scenario.model).run(days: 7, seed: 2, replication: 0)
        for scope in ["overall", "offices.mpp", "kecamatan.hilir"] {
            let parts = ["balked", "reneged", "booking_refused"].map { sample["\(scope).\($0)"] ?? .nan }
            #expect(sample["\(scope).turned_away"] == parts.reduce(0, +), "\(scope)")
        }
    }
}
