import AntreanEngine
import Testing

@testable import AntreanPlanning

@Suite struct PairedComparisonTests {
    private func run(_ model: MMcTestModel, replications: Int = 8, seed: UInt64 = 3) throws -> [MetricSample] {
        try ReplicationRunner.run(model, replications: 0..<replications, seed: seed, threads: 2)
    }

    @Test func identicalVariantsDifferByExactlyZero() throws {
        let model = MMcTestModel(arrivalRate: 4.5, meanService: 1, counters: 5, customers: 4_000, warmUpCustomers: 400)
        let comparison = try PairedComparison(labelA: "A", a: try run(model), labelB: "B", b: try run(model))
        #expect(!comparison.rows.isEmpty)
        for row in comparison.rows {
            #expect(row.difference.mean == 0 && row.difference.halfWidth95 == 0)
            #expect(row.verdict == .noSignificantDifference)
        }
    }

    @Test func detectsASixthCounter() throws {
        // Theory: Wq falls from 1.52 to 0.28 min; the paired interval must see it and call B better.
        let five = MMcTestModel(arrivalRate: 4.5, meanService: 1, counters: 5, customers: 4_000, warmUpCustomers: 400)
        var six = five
        six.counters = 6
        let comparison = try PairedComparison(
            labelA: "5 counters", a: try run(five), labelB: "6 counters", b: try run(six))
        let wait = try #require(comparison.rows.first { $0.metric == "offices.office.wait_minutes" })
        #expect(wait.verdict == .bBetter)
        #expect(wait.direction == .lowerIsBetter)
        let within = try #require(comparison.rows.first { $0.metric == "offices.office.wait_within_target" })
        #expect(within.verdict == .bBetter || within.verdict == .noSignificantDifference)
        let counters = try #require(comparison.rows.first { $0.metric == "offices.office.counters" })
        #expect(counters.verdict == .different && counters.difference.mean == 1)
        // Common random numbers: the same customers arrive in both, so served counts are identical.
        let served = try #require(comparison.rows.first { $0.metric == "offices.office.served" })
        #expect(served.difference.mean == 0 && served.verdict == .noSignificantDifference)
    }

    @Test func directionFollowsTheMetricName() {
        #expect(MetricDirection(metric: "offices.mpp.wait_minutes.p90") == .lowerIsBetter)
        #expect(MetricDirection(metric: "overall.served") == .higherIsBetter)
        #expect(MetricDirection(metric: "overall.arrivals") == .neutral)
    }

    @Test func unequalReplicationCountsAreRejected() throws {
        let sample = MetricSample(["x": 1])
        #expect(throws: PlanningError.self) { try PairedComparison(labelA: "A", a: [sample], labelB: "B", b: []) }
    }
}
