import AntreanQueueing
import AntreanScenario
import Testing

/// `roster:` in a queue scenario: counters by weekday and time block, each error with its line and field.
@Suite struct QueueRosterDecodingTests {
    static func yaml(roster: String) -> String {
        """
        name: rostered
        run: { duration: 7d, replications: 2, seed: 1 }
        queues:
          desk:
            counters: 3
            arrivals: 2/min
            service: exp(1m)
            roster:
              \(roster)
        """
    }

    @Test func blocksAreReadByWeekdayInOrder() throws {
        let scenario = try QueueScenarioDecodingTests.decode(
            Self.yaml(roster: "monday: { 12:00-24:00: 2, 00:00-12:00: 4 }\n      sunday: { 08:00-09:00: 0 }"))
        let roster = try #require(scenario.spec.queues[0].roster)
        #expect(
            roster.blocks[0] == [
                QueueRosterBlock(start: 0, end: 720, counters: 4), QueueRosterBlock(start: 720, end: 1440, counters: 2),
            ])
        #expect(roster.blocks[6] == [QueueRosterBlock(start: 480, end: 540, counters: 0)])
        #expect(roster.counters(atMinuteOfWeek: 719, default: 3) == 4)
        #expect(roster.counters(atMinuteOfWeek: 1440 + 600, default: 3) == 3)  // Tuesday keeps `counters`
        #expect(roster.counters(atMinuteOfWeek: 6 * 1440 + 500, default: 3) == 0)
        // (4 × 720 + 2 × 720 + 3 × (5 × 1440 + 1380) + 0 × 60) / 10080
        #expect(abs(roster.meanCounters(default: 3) - (4 * 720 + 2 * 720 + 3 * (5 * 1440 + 1380)) / 10080.0) < 1e-12)
    }

    @Test(arguments: [
        ("monday: { 08:00-11:00: 3, 10:00-12:00: 4 }", "queues.desk.roster.monday.10:00-12:00", "overlaps"),
        ("monday: { 10:00-08:00: 1 }", "queues.desk.roster.monday.10:00-08:00", "ends before it starts"),
        ("monday: { 8-10: 1 }", "queues.desk.roster.monday.8-10", "time range"),
        ("monday: { 23:00-25:00: 1 }", "queues.desk.roster.monday.23:00-25:00", "time range"),
        ("monday: { 08:00-10:00: -1 }", "queues.desk.roster.monday.08:00-10:00", "cannot be negative"),
        ("monday: { 08:00-10:00: two }", "queues.desk.roster.monday.08:00-10:00", "whole number"),
        ("someday: { 08:00-10:00: 1 }", "queues.desk.roster.someday", "weekday"),
    ])
    func rosterErrorsNameLineAndField(block: String, field: String, message: String) throws {
        let error = try #require(QueueScenarioDecodingTests.error(Self.yaml(roster: block)))
        #expect(error.file == "test.yaml")
        #expect(error.line == 9, "\(error)")
        #expect(error.field == field, "\(error)")
        #expect(error.message.contains(message), "\(error)")
    }

    @Test func aRosterThatNeverHasACounterIsRefused() throws {
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let roster = days.map { "\($0): { 00:00-24:00: 0 }" }.joined(separator: "\n      ")
        let error = try #require(QueueScenarioDecodingTests.error(Self.yaml(roster: roster)))
        #expect(error.field == "queues.desk.roster", "\(error)")
        #expect(error.line == 9, "\(error)")
        #expect(error.message.contains("never has a counter"), "\(error)")
    }
}
