import Testing

@testable import AntreanSchedule

/// "Show progress on long searches" (issue 18 §3): what the searches report while they run, which
/// `antrean schedule` prints on standard error once a search has run for a second.
@Suite("Search progress")
struct SearchProgressTests {
    /// The guaranteed search of 16 citizens over 16 intervals: a report after every improving move
    /// (the counts rising one by one, the objective falling) and, inside a large scan of 2^16
    /// neighbours, reports every 2^16 neighbours examined that keep the incumbent's figures; the
    /// last report is the result's.
    @Test func theGuaranteedSearchReportsEveryMoveAndLongScans() throws {
        let evaluator = try exactSession(citizens: 16, intervals: 16, noShow: 0.1)
        var reports: [SearchProgress] = []
        let result = try ScheduleSearch.optimize(
            exact: evaluator, from: ReferenceSchedules.uniform(citizens: 16, intervals: 16), neighbourhood: .large,
            progress: { reports.append($0) })
        try #require(!reports.isEmpty)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.neighboursExamined <= $1.neighboursExamined })
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.objective >= $1.objective })
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $1.moves == $0.moves || $1.moves == $0.moves + 1 })
        #expect(Set(reports.map(\.moves)) == Set(1...result.moves))
        let scanReports = reports.filter { $0.neighbourhood == .large && $0.neighboursExamined % (1 << 16) == 0 }
        #expect(!scanReports.isEmpty)
        let moveReports = reports.filter { $0.neighbourhood == .large && $0.neighboursExamined % (1 << 16) != 0 }
        #expect(!moveReports.isEmpty)
        let last = try #require(reports.last)
        #expect(last.moves == result.moves && last.objective == result.evaluation.objective)
        #expect(last.neighboursExamined <= result.neighboursExamined)
    }

    /// The generic search (simulation) reports after every accepted move, with the moved schedule's
    /// own objective.
    @Test func theGenericSearchReportsEveryAcceptedMove() throws {
        var evaluator = try exactSession(citizens: 8, intervals: 6, noShow: 0.1)
        var reports: [SearchProgress] = []
        let start = [8, 0, 0, 0, 0, 0]
        let result = try ScheduleSearch.optimize(
            &evaluator, from: start, neighbourhood: .small, progress: { reports.append($0) })
        #expect(result.moves > 1)
        #expect(reports.map(\.moves) == Array(1...result.moves))
        #expect(reports.last?.objective == result.evaluation.objective)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.objective > $1.objective })
    }
}
