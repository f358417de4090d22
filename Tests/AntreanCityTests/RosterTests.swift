import AntreanAllocator
import AntreanCity
import AntreanEngine
import AntreanScenario
import Foundation
import Testing

/// Rosters (`roster:` in a city scenario): parsing and its errors, the same runs to the bit as
/// all-day counters when the roster says the same, and counters that change at block boundaries.
@Suite struct RosterTests {
    /// Writes `body` after an include of Fixtures/small-city.yaml to a temporary file and loads it.
    static func loadVariant(_ body: String) throws -> (scenario: CityScenario?, error: ScenarioError?, file: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-roster-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("roster.yaml").path
        try ("include: \(CityFixtures.path("small-city.yaml"))\n" + body).write(
            toFile: file, atomically: true, encoding: .utf8)
        do {
            return (try CityFixtures.city(at: file), nil, file)
        } catch let error as ScenarioError {
            return (nil, error, file)
        }
    }

    @Test func rosterBlocksAreReadByWeekday() throws {
        let (scenario, error, _) = try Self.loadVariant(
            """
            offices:
              sungai:
                roster:
                  monday: { 10:00-12:00: 4, 08:00-10:00: 3, 14:00-16:00: 0 }
            """)
        #expect(error == nil, "\(String(describing: error))")
        let office = try #require(scenario?.model.offices.first { $0.id == "sungai" })
        #expect(
            office.roster[.monday] == [
                RosterBlock(start: 480, end: 600, counters: 3), RosterBlock(start: 600, end: 720, counters: 4),
                RosterBlock(start: 840, end: 960, counters: 0),
            ])
        #expect(office.roster[.tuesday] == nil)
        // Gaps and other weekdays keep the office's two counters.
        #expect(office.rosteredCounters(on: .monday, at: 479) == 2)
        #expect(office.rosteredCounters(on: .monday, at: 599) == 3)
        #expect(office.rosteredCounters(on: .monday, at: 600) == 4)
        #expect(office.rosteredCounters(on: .monday, at: 750) == 2)
        #expect(office.rosteredCounters(on: .monday, at: 900) == 0)
        #expect(office.rosteredCounters(on: .tuesday, at: 600) == 2)
        #expect(office.maximumCounters == 4)
        // 3 × 120 + 4 × 120 + 2 × 120 + 0 × 120 counter-minutes from 08:00 to 16:00.
        #expect(office.counterMinutes(on: .monday, from: 480, to: 960) == 1080)
    }

    /// Each error names the file, the line of the block at fault and its field.
    @Test(arguments: [
        ("monday: { 08:00-11:00: 3, 10:00-12:00: 4 }", 5, "offices.sungai.roster.monday.10:00-12:00", "overlaps"),
        ("monday: { 07:00-09:00: 3 }", 5, "offices.sungai.roster.monday.07:00-09:00", "outside the opening hours"),
        ("friday: { 13:00-15:00: 3 }", 5, "offices.sungai.roster.friday.13:00-15:00", "outside the opening hours"),
        ("saturday: { 08:00-10:00: 3 }", 5, "offices.sungai.roster.saturday", "closed on saturday"),
        ("monday: { 08:00-10:00: -1 }", 5, "offices.sungai.roster.monday.08:00-10:00", "cannot be negative"),
        ("monday: { 10:00-08:00: 1 }", 5, "offices.sungai.roster.monday.10:00-08:00", "ends before it starts"),
        ("monday: { 8-10: 1 }", 5, "offices.sungai.roster.monday.8-10", "time range"),
        ("monday: { 08:00-10:00: two }", 5, "offices.sungai.roster.monday.08:00-10:00", "whole number"),
        ("someday: { 08:00-10:00: 1 }", 5, "offices.sungai.roster.someday", "weekday"),
    ])
    func rosterErrorsNameFileLineAndField(block: String, line: Int, field: String, message: String) throws {
        let (_, error, file) = try Self.loadVariant(
            """
            offices:
              sungai:
                roster:
                  \(block)
            """)
        let found = try #require(error)
        #expect(found.file == file)
        #expect(found.line == line, "\(found)")
        #expect(found.field == field, "\(found)")
        #expect(found.message.contains(message), "\(found)")
    }

    /// A roster that gives every office its all-day counters (one block, hour blocks, a partial
    /// block) runs the same citizens to the same figures, to the bit.
    @Test func rosterOfAllDayCountersGivesTheSameRunToTheBit() throws {
        let plain = try CityFixtures.fixture("small-city.yaml")
        let rostered = try CityFixtures.fixture("roster-same.yaml")
        #expect(rostered.model.offices.contains { !$0.roster.isEmpty })
        let days = plain.days
        for replication in 0..<2 {
            let expected = try CitySimulation(plain.model).run(days: days, seed: 7, replication: replication)
            let actual = try CitySimulation(rostered.model).run(days: days, seed: 7, replication: replication)
            #expect(actual.exactValues == expected.exactValues)
        }
    }

    /// A roster changes the counters where its blocks change: with 6 counters until noon and 3 after,
    /// at a steady 2 Erlang of walk-ins, each hour's busy share of its rostered counter-minutes is the
    /// offered load over that hour's counters (Little's law at the counters): 2/6 in the morning,
    /// 2/3 in the afternoon. The first hour of each half is left out (the office opens empty; the
    /// afternoon starts with the morning's queue), and the hours of each half are pooled per
    /// replication over the weekdays.
    @Test func utilizationOfEachBlockIsTheOfferedLoadOverItsCounters() throws {
        var scenario = try CityFixtures.fixture("roster-step.yaml")
        scenario.model.measuresBlocks = true
        let samples = try CitySimulation(scenario.model).runReplications(
            scenario.run.replications, days: scenario.days, seed: scenario.run.seed)
        let weekdays = ["mon", "tue", "wed", "thu", "fri"]
        func pooled(_ sample: MetricSample, hours: [String]) -> Double {
            let keys = weekdays.flatMap { day in hours.map { "offices.solo.block.\(day).\($0)" } }
            let values = keys.map { sample["\($0).counter_utilization"] ?? .nan }
            return values.reduce(0, +) / Double(values.count)
        }
        for sample in samples {
            for day in weekdays {
                #expect(sample["offices.solo.block.\(day).09.counters"] == 6)
                #expect(sample["offices.solo.block.\(day).14.counters"] == 3)
            }
            // (6 × 240 + 3 × 240) / 480 counters on average through the day.
            #expect(sample["offices.solo.counters"] == 4.5)
        }
        expectAgreement(
            samples.map { pooled($0, hours: ["09", "10", "11"]) }, "morning", theory: 2.0 / 6, precision: 0.03)
        expectAgreement(
            samples.map { pooled($0, hours: ["13", "14", "15"]) }, "afternoon", theory: 2.0 / 3, precision: 0.03)
    }
}
