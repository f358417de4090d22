import AntreanAllocator
import AntreanEngine
import Testing

@testable import AntreanCity

/// An office sells no more counter-time than its counters have, and its utilization stays within [0, 1]
/// with service outside opening hours reported as overtime (issue 17, item 5).
@Suite struct CounterTimeTests {
    /// Counter-minutes sold by the end of each slot never exceed those the counters had since opening.
    func expectNeverAhead(
        _ places: [[Int]], counterMinutes: [Double], demands: [CounterApportionment.Demand],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var available = 0.0
        var sold = 0.0
        for slot in counterMinutes.indices {
            available += counterMinutes[slot]
            for (service, demand) in demands.enumerated() {
                sold += Double(places[service][slot]) * demand.meanServiceMinutes
            }
            #expect(
                sold <= available + 1e-6, "slot \(slot): \(sold) sold of \(available)", sourceLocation: sourceLocation)
        }
    }

    /// The office: one counter, a 10-minute service. Each slot's 15 counter-minutes buy 1.5
    /// places: 1 and 2 in turn, 48 in 32 slots (480 minutes), where the old rule sold 2 a slot (640).
    @Test func oneCounterWithTenMinuteServiceAlternatesOneAndTwoPlaces() {
        let demands = [CounterApportionment.Demand(meanServiceMinutes: 10, share: 1)]
        let minutes = [Double](repeating: 15, count: 32)
        let places = CounterApportionment.places(counterMinutes: minutes, demands: demands)
        #expect(places[0].prefix(4) == [1, 2, 1, 2])
        #expect(places[0].reduce(0, +) == 48)
        expectNeverAhead(places, counterMinutes: minutes, demands: demands)
    }

    /// A service longer than a slot's counter-time still gets places (three slots in four for 20
    /// minutes on one counter), and every service gets its share of the day to within one place.
    @Test func sharesAreKeptWithinOnePlaceAndNeverAheadOfTheCounters() {
        let cases: [(counters: Double, demands: [CounterApportionment.Demand])] = [
            (1, [.init(meanServiceMinutes: 20, share: 1)]),
            (2, [.init(meanServiceMinutes: 12, share: 0.8), .init(meanServiceMinutes: 20, share: 0.2)]),
            (
                2,
                [
                    .init(meanServiceMinutes: 8, share: 0.34), .init(meanServiceMinutes: 12, share: 0.19),
                    .init(meanServiceMinutes: 15, share: 0.22), .init(meanServiceMinutes: 12, share: 0.16),
                    .init(meanServiceMinutes: 15, share: 0.09),
                ]
            ),
            (6, [.init(meanServiceMinutes: 7, share: 0.5), .init(meanServiceMinutes: 25, share: 0.5)]),
        ]
        for (counters, demands) in cases {
            // A Friday-like break: one counter off for six slots.
            var minutes = [Double](repeating: counters * 15, count: 32)
            for slot in 14..<20 { minutes[slot] -= 15 }
            let places = CounterApportionment.places(counterMinutes: minutes, demands: demands)
            expectNeverAhead(places, counterMinutes: minutes, demands: demands)
            let day = minutes.reduce(0, +)
            for (service, demand) in demands.enumerated() {
                let share = day * demand.share / demand.meanServiceMinutes
                let given = Double(places[service].reduce(0, +))
                #expect(
                    given > share - 1 && given <= share + 1 + 1e-9,
                    "\(demands): service \(service) \(given) vs \(share)")
            }
        }
        let long = CounterApportionment.places(
            counterMinutes: [Double](repeating: 15, count: 8), demands: [.init(meanServiceMinutes: 20, share: 1)])
        #expect(long[0] == [0, 1, 1, 1, 0, 1, 1, 1])
    }

    /// A service whose share buys less than one place a day still gets one, from the day's leftover,
    /// in the earliest slot where it fits; a service with no demand gets none.
    @Test func aServiceWithATinyShareCanStillBeBooked() {
        let demands: [CounterApportionment.Demand] = [
            .init(meanServiceMinutes: 10, share: 0.995), .init(meanServiceMinutes: 5, share: 0.005),
            .init(meanServiceMinutes: 10, share: 0),
        ]
        let minutes = [Double](repeating: 15, count: 32)
        let places = CounterApportionment.places(counterMinutes: minutes, demands: demands)
        #expect(places[1].reduce(0, +) == 1)
        #expect(places[2].reduce(0, +) == 0)
        expectNeverAhead(places, counterMinutes: minutes, demands: demands)
    }

    @Test func theOneCounterOfficeStaysWithinItsCounterTime() throws {
        let scenario = try CityFixtures.fixture("one-counter.yaml")
        let simulation = try CitySimulation(scenario.model)
        for sample in simulation.runReplications(2, days: 14, seed: 17, threads: 1) {
            let utilization = sample["offices.solo.counter_utilization"]!
            #expect(utilization >= 0 && utilization <= 1, "utilization \(utilization)")
            // Overloaded: the counter is nearly always busy and the line is served after closing.
            #expect(utilization > 0.8)
            #expect(sample["offices.solo.overtime_counter_minutes"]! > 0)
            let available = sample["offices.solo.counter_minutes.available"]!
            let sold = sample["offices.solo.counter_minutes.sold"]!
            // 10 open days of 480 counter-minutes; 32 slots of 1.5 places × 10 minutes sell all of it.
            #expect(available == 10 * 480)
            #expect(abs(sold - available) < 1e-6)
            #expect(sample["offices.solo.counter_minutes.overbooked"] == 0)
        }
    }

    /// Every office of the bundled city, whatever its services and breaks: the plan sells at most the
    /// counter-time, and utilization stays within [0, 1].
    @Test func noSamarindaOfficeSellsMoreCounterTimeThanItHas() throws {
        let scenario = try CityFixtures.city(
            at: CityFixtures.simulation("samarinda.yaml"), overrides: ["run.warm_up_days=3"])
        let model = scenario.model
        let configuration = model.allocatorConfiguration()
        let monday = LocalDate(year: 2026, month: 11, day: 23)
        for (office, config) in zip(model.offices, configuration.offices) {
            for offset in 0..<5 {
                let date = monday.adding(days: offset)
                guard let hours = model.calendar.hours[date.weekday] else { continue }
                let available = model.counterMinutesBySlot(
                    office, weekday: date.weekday, hours: hours, slotMinutes: configuration.rules.slotMinutes
                ).reduce(0, +)
                var sold = 0.0
                for offered in config.services {
                    let plan = try #require(
                        configuration.dayPlan(office: config.id, service: offered.service, date: date))
                    let mean = try #require(configuration.services.first { $0.id == offered.service })
                        .meanServiceMinutes
                    sold += Double(plan.slots.reduce(0) { $0 + $1.total }) * mean
                }
                #expect(sold <= available + 1e-6, "\(office.id) \(date.weekday): \(sold) of \(available)")
                // The apportionment leaves less than one place per service unsold.
                #expect(sold > available - 20 * Double(config.services.count), "\(office.id): \(sold) of \(available)")
            }
        }
        let sample = try CitySimulation(model).run(days: 7, seed: 1, replication: 0)
        for office in model.offices {
            let prefix = "offices.\(office.id)."
            #expect(sample[prefix + "counter_minutes.sold"]! <= sample[prefix + "counter_minutes.available"]! + 1e-6)
            let utilization = sample[prefix + "counter_utilization"]!
            #expect(utilization >= 0 && utilization <= 1, "\(office.id): \(utilization)")
        }
    }

    /// Overbooking on purpose is allowed and reported: `counter_time_sold` above 100% sells more.
    @Test func overbookingOnPurposeIsReported() throws {
        let scenario = try CityFixtures.fixture("one-counter.yaml", overrides: ["counter_time_sold=150%"])
        let sample = try CitySimulation(scenario.model).run(days: 7, seed: 3, replication: 0)
        let available = sample["offices.solo.counter_minutes.available"]!
        #expect(abs(sample["offices.solo.counter_minutes.sold"]! - 1.5 * available) < 1e-6)
        #expect(abs(sample["offices.solo.counter_minutes.overbooked"]! - 0.5 * available) < 1e-6)
        let utilization = sample["offices.solo.counter_utilization"]!
        #expect(utilization >= 0 && utilization <= 1)
    }
}
