import AntreanEngine
import AntreanQueueing
import AntreanScenario
import Foundation
import Testing

@testable import AntreanPlanning

/// Planning answers checked against Erlang C: a target reads its own threshold and quantile, the
/// counter cap never hides today's staffing, and a plan that misses is never shown as a saving.
@Suite struct ServiceLevelPlanningTests {
    /// One M/M/c desk (λ = 4.5/min, E[S] = 1 min) whose scenario says `wait_target: 15m`.
    private func desk(counters: Int, engine: Bool) throws -> QueueScenarioModel {
        let queue = QueueSpec(
            name: "desk", counters: counters, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 4.5))
        let spec = QueueNetworkSpec(
            queues: [queue], runLength: .minutes(4_200), warmUpMinutes: 200, waitTargetMinutes: 15)
        let scenario = QueueScenario(name: "M/M/c", spec: spec, run: RunSettings(waitTargetMinutes: 15))
        if engine {
            return QueueScenarioModel(scenario: scenario) { spec, replication, seed in
                try QueueNetworkSimulation(spec).run(seed: seed, replication: replication)
            }
        }
        let replicator = FIFOQueueReplicator(waitTargetMinutes: 15)
        return QueueScenarioModel(scenario: scenario) { spec, replication, seed in
            try replicator.replicate(spec, replication: replication, seed: seed)
        }
    }

    /// "within 15s >= 80%" with a 15-minute scenario target: P(W ≤ t) = 1 − C(c, a)·e^(−(cμ − λ)t)
    /// gives 0.33 at 5 counters, 0.76 at 6 and 0.93 at 7, so Erlang C says 7. Reading the 15-minute
    /// share instead (≈ 1 at any stable size) would stop at 5. Both evaluators, the engine's too.
    @Test(arguments: [false, true])
    func withinTargetMeasuresItsOwnThreshold(engine: Bool) throws {
        let target = try ServiceTarget(parsing: "within 15s >= 80%")
        #expect(target.minutes == 0.25)
        let erlang = try #require(ErlangC.fewestServers(for: target, arrivalRate: 4.5, meanService: 1))
        #expect(erlang == 7)
        let plan = try StaffingSearch(
            model: try desk(counters: 5, engine: engine), target: target, replications: 8, seed: 21, threads: 2
        ).run()
        #expect(plan.counters["desk"] == erlang)
        let share = try #require(plan.rows[0].targetMetric)
        #expect(
            abs(share.mean - (1 - ErlangC.probabilityWaitExceeds(0.25, servers: 7, arrivalRate: 4.5, meanService: 1)))
                < 0.02)
    }

    /// p80 and p95 are planned like p90: the engine reports the quantile the target reads.
    @Test(arguments: ["p80 wait <= 1m", "p95 wait <= 2m"])
    func anyPercentileCanBeATarget(targetText: String) throws {
        let target = try ServiceTarget(parsing: targetText)
        let erlang = try #require(ErlangC.fewestServers(for: target, arrivalRate: 4.5, meanService: 1))
        let plan = try StaffingSearch(
            model: try desk(counters: 4, engine: true), target: target, replications: 8, seed: 21, threads: 2
        ).run()
        #expect(plan.counters["desk"] == erlang)
        #expect(plan.rows[0].meetsTarget)
    }

    /// The engine reports `wait_within_target` when the scenario sets a wait target, exactly the
    /// share of recorded waits at most that long (checked against the p50 it also reports).
    @Test func queueSimulationReportsTheShareWithinTarget() throws {
        let model = try desk(counters: 5, engine: true)
        var spec = model.scenario.spec
        spec.waitTargetMinutes = 1
        let sample = try QueueNetworkSimulation(spec).run(seed: 3, replication: 0)
        let share = try #require(sample["overall.wait_within_target"])
        // M/M/5 at ρ = 0.9: P(W ≤ 1) = 1 − 0.7625·e^(−0.5) ≈ 0.54 (one long replication).
        #expect(
            abs(share - (1 - ErlangC.probabilityWaitExceeds(1, servers: 5, arrivalRate: 4.5, meanService: 1))) < 0.05)
        spec.waitTargetMinutes = nil
        #expect(try QueueNetworkSimulation(spec).run(seed: 3, replication: 0)["overall.wait_within_target"] == nil)
    }

    /// A queue whose staffing (70) and Erlang C count (about 63) lie above the default cap of 50:
    /// the search reaches them and meets the target, never proposing 50 as a cut.
    @Test func capNeverSitsBelowCurrentStaffingOrErlangC() throws {
        let target = try ServiceTarget(parsing: "mean wait <= 0.5m")
        let erlang = try #require(ErlangC.fewestServers(for: target, arrivalRate: 60, meanService: 1))
        #expect(erlang > 50)
        let model = MMcTestModel(
            arrivalRate: 60, meanService: 1, counters: 70, customers: 30_000, warmUpCustomers: 3_000)
        let plan = try StaffingSearch(model: model, target: target, replications: 5, seed: 3).run()
        let row = plan.rows[0]
        #expect(row.meetsTarget)
        #expect(row.counters > 50 && abs(row.counters - erlang) <= 1)
        #expect(row.limit >= 70)
        #expect(row.analyticCounters == erlang)
    }

    /// A target missed within the limit is reported as missed, and no saving is claimed: the model
    /// hides its real rate (4.5/min) behind a hint of 1/min, so the limit stays at 4 counters.
    @Test func aPlanThatMissesIsNeverASaving() throws {
        let target = try ServiceTarget(parsing: "mean wait <= 0.5m")
        let model = MMcTestModel(
            arrivalRate: 4.5, meanService: 1, counters: 1, customers: 3_000, warmUpCustomers: 300, hintedArrivalRate: 1)
        let plan = try StaffingSearch(model: model, target: target, replications: 4, seed: 1, maxCounters: 2).run()
        #expect(!plan.meetsTarget && plan.rows[0].limit == 4 && plan.counters["office"] == 4)
        let table = plan.tableText(title: "t")
        #expect(table.contains("not met within 4 counters"))
        #expect(!table.contains("proposed ("))
        let json = try JSONSerialization.jsonObject(with: Data(plan.jsonText(title: "t", file: "f").utf8))
        let hours = (json as? [String: Any])?["counter_hours"] as? [String: Any]
        #expect(hours?["proposed"] is NSNull)
        #expect(plan.csvText().split(separator: "\n")[1].hasSuffix(","))
    }

    /// An hour in which the office is closed gets no row, even while the offered load still lags.
    @Test func closedHoursNeedNoCounters() throws {
        let target = try ServiceTarget(parsing: "p90 wait <= 15m")
        var rates = Array(repeating: 0.0, count: 24)
        for hour in 8..<16 { rates[hour] = 2 }
        let unit = StaffingUnit(
            id: "mpp.mon", scope: "offices.mpp", currentCounters: 5, staffedHours: 8, arrivalRate: 2, meanService: 10,
            hourlyArrivalRates: rates + rates, openHours: Set(8...15))
        let hourly = HourlyStaffing(units: [unit], target: target)
        #expect(hourly.rows.map(\.hour) == Array(8...15))
        // Without the opening hours, an hour is open when it has arrivals.
        var profileOnly = unit
        profileOnly.openHours = nil
        #expect(HourlyStaffing(units: [profileOnly], target: target).rows.map(\.hour) == Array(8...15))
    }
}

@Suite struct ServiceTargetTextTests {
    @Test func targetsPrintAsWritten() throws {
        for text in [
            "mean wait <= 10s", "p90 wait <= 15m", "within 15s >= 80%", "p99.9 wait <= 1.5h", "p80 wait <= 90s",
        ] {
            #expect(try ServiceTarget(parsing: text).description == text)
        }
        #expect(try ServiceTarget(parsing: "mean wait <= 10s").minutes == 10.0 / 60)
        #expect(try ServiceTarget(parsing: "p99.9 wait <= 1m").metricName == "wait_minutes.p99_9")
        #expect(try ServiceTarget(parsing: "p1 wait <= 1m").metricName == "wait_minutes.p1")
    }

    @Test func aLimitWithoutAUnitIsRefused() {
        #expect {
            try ServiceTarget(parsing: "p90 wait <= 15")
        } throws: { error in
            "\(error)".contains("\"15\" has no unit: write 15s, 15m or 15h")
        }
        #expect(throws: ServiceTargetError.self) { try ServiceTarget(parsing: "within 15 >= 80%") }
        #expect(throws: ServiceTargetError.self) { try ServiceTarget(parsing: "p100 wait <= 15m") }
        #expect(throws: ServiceTargetError.self) { try ServiceTarget(parsing: "p0 wait <= 15m") }
    }

    @Test func quantileNames() {
        #expect(WaitQuantile.label(0.999) == "p99.9" && WaitQuantile.key(0.999) == "p99_9")
        #expect(WaitQuantile.label(0.9) == "p90" && WaitQuantile.label(0.025) == "p2.5")
        #expect(WaitQuantile.level(parsing: "p99.9") == 0.999)
        #expect(WaitQuantile.merged([0.95, 0.9]) == [0.5, 0.9, 0.95, 0.99])
    }
}

@Suite struct SingleReplicationReportTests {
    /// One replication has no interval: JSON says null, CSV leaves the fields empty, the table says so.
    @Test func oneReplicationHasNoInterval() throws {
        let report = SummaryReport(
            title: "t", model: "queues", file: "f", seed: 1,
            samples: [MetricSample(["overall.wait_minutes": 2, "overall.wait_minutes.p90": 4])],
            theory: ["overall.wait_minutes": 1.5])
        let json = try JSONSerialization.jsonObject(with: Data(report.jsonText().utf8)) as? [String: Any]
        let wait = (json?["overall"] as? [String: Any])?["wait_minutes"] as? [String: Any]
        #expect(wait?["ci95"] is NSNull && wait?["p90_ci95"] is NSNull)
        #expect(report.csvText().contains("\noverall.wait_minutes,2.0,,,0.0,1,1.5\n"))
        let table = report.queueTable(queueNames: [])
        #expect(!table.contains("±0.000") && !table.contains("OUTSIDE"))
        #expect(table.contains("no 95% CI from one replication"))
    }
}
