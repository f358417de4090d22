import AntreanAllocator
import AntreanCity
import AntreanEngine
import AntreanPlanning
import AntreanScenario
import Foundation
import Testing

/// Hour-block rosters planned by simulation (``CityRosterModel`` under ``StaffingSearch``).
@Suite struct RosterPlanTests {
    /// A stationary office (2 Erlang round the clock, Fixtures/roster-erlang.yaml): the roster the
    /// search settles on by simulation gives every one of the 7 × 24 hour blocks the Erlang C count
    /// for the target (4 counters: a mean wait of 0.87 min, where 3 give 4.44 min, far on either side
    /// of the limit so that no block of 168 lands on the wrong side by chance), and every block meets
    /// the target at the 95% bound.
    @Test func stationaryOfficeGetsTheErlangCCountInEveryBlock() throws {
        let scenario = try CityFixtures.fixture("roster-erlang.yaml")
        let target = try ServiceTarget(parsing: "mean wait <= 2.5m")
        let model = try CityRosterModel(scenario: scenario)
        #expect(model.staffingUnits.count == 7 * 24)
        let plan = try StaffingSearch(
            model: model, target: target, replications: scenario.run.replications, seed: scenario.run.seed,
            threads: 2
        ).run()
        let erlang = try #require(ErlangC.fewestServers(for: target, arrivalRate: 0.2, meanService: 10))
        #expect(erlang == 4)
        #expect(plan.rows.count == 7 * 24)
        for row in plan.rows {
            #expect(row.counters == erlang, "\(row.unit.id): \(row.counters) counters")
            #expect(row.meetsTarget, "\(row.unit.id)")
        }
        // The search also tried one counter fewer and found it missing the target.
        #expect(plan.evaluations >= 2)
    }

    /// The bundled city, cut to Kecamatan Samarinda Ulu's office and two of its kelurahan (the whole
    /// city is too slow for a test: docs/roster.md has its run), one week of 5 replications.
    ///
    /// The search alone (as before the check) accepts every block on the replications it chose it on,
    /// and replications it never saw show some of those blocks missing at the 95% bound: it kept the
    /// lucky cuts. The search with the independent check (blocks pooled over their citizens) proposes
    /// a roster that, written as a roster file and loaded back through `include:` like any scenario,
    /// meets the target in every block on the check's replications — the share within 15 min and its
    /// ratio-estimator bound recomputed here from the per-replication counts — and no block clearly
    /// misses (its whole interval below 90%) on 20 replications of yet another seed.
    @Test func bundledCityRosterMeetsEveryBlockTargetOnIndependentReplications() throws {
        let path = CityFixtures.simulation("samarinda.yaml")
        let settings = ["run.days=7", "run.warm_up_days=7"]
        let offices = ["kec_samarinda_ulu", "sidodadi", "jawa"]
        var scenario = try CityFixtures.city(at: path, overrides: settings)
        scenario.model.offices.removeAll { !offices.contains($0.id) }
        let target = try ServiceTarget(parsing: "p90 wait <= 15m")
        let model = try CityRosterModel(scenario: scenario)
        let replications = 5
        let seed: UInt64 = 11

        // Before the check: every block passes on the search's own replications, not on fresh ones.
        let searchOnly = try StaffingSearch(
            model: model, target: target, replications: replications, seed: seed, threads: 2
        ).run()
        #expect(searchOnly.meetsTarget)
        let fresh = try Self.blockSamples(
            model.staffed(searchOnly.counters).scenario.model, quantile: 0.9,
            replications: IndependentCheck.firstReplication..<(IndependentCheck.firstReplication + replications),
            seed: seed)
        let missedOnFresh = model.staffingUnits.filter { unit in
            let p90 = MetricSample.summarize(fresh)["\(unit.scope).wait_minutes.p90"]
            return p90.map { !target.isMetWithConfidence($0) } ?? true
        }
        #expect(!missedOnFresh.isEmpty, "the search alone held on fresh replications too")

        let plan = try StaffingSearch(
            model: model, target: target, replications: replications, seed: seed, threads: 2,
            estimate: .pooledOverCitizens, check: IndependentCheck(initialReplications: replications)
        ).run()
        #expect(plan.meetsTarget, "\(plan.rows.filter { !$0.meetsTarget }.map(\.unit.id))")
        let check = try #require(plan.check)
        #expect(!check.stoppedAtCheckLimit)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-roster-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("roster.yaml").path
        let staffed = try model.staffed(plan.counters)
        try RosterFile.yamlText(
            rosters: staffed.rosters, include: RosterFile.relativePath(of: path, from: folder.path),
            comment: ["test roster"]
        ).write(toFile: file, atomically: true, encoding: .utf8)
        var loaded = try CityFixtures.city(at: file, overrides: settings)
        loaded.model.offices.removeAll { !offices.contains($0.id) }
        #expect(loaded.model.offices.map(\.roster) == staffed.rosters.map(\.roster))

        let most = plan.rows.compactMap { $0.check?.replications }.max() ?? 0
        let checkSamples = try Self.blockSamples(
            loaded.model, quantile: 0.9,
            replications: IndependentCheck.firstReplication..<(IndependentCheck.firstReplication + most), seed: seed)
        var checked = 0
        for row in plan.rows {
            let check = try #require(row.check, "\(row.unit.id)")
            let share = Self.pooledShare(row.unit.scope, Array(checkSamples.prefix(check.replications)))
            if check.fewCitizens {
                // Too few citizens to bound, every one of them served within 15 minutes.
                #expect(share.estimate == 1 && share.low < 0.9, "\(row.unit.id): \(share)")
            } else {
                #expect(
                    share.low >= 0.9, "\(row.unit.id): \(share.estimate), bound \(share.low) on \(check.replications)")
            }
            checked += 1
        }
        // Three offices × their opening hours: 8 hours Monday–Thursday, 6 on Friday.
        #expect(checked == 3 * (4 * 8 + 6))

        let another = try Self.blockSamples(loaded.model, quantile: 0.9, replications: 0..<20, seed: 12)
        let clearlyMissing = plan.rows.filter { Self.pooledShare($0.unit.scope, another).high < 0.9 }
        #expect(clearlyMissing.isEmpty, "\(clearlyMissing.map(\.unit.id))")
    }

    /// Replications `replications` of `model` measuring hour blocks, the p`quantile` and the share
    /// within 15 minutes.
    static func blockSamples(
        _ model: CityModel, quantile: Double, replications: Range<Int>, seed: UInt64
    ) throws -> [MetricSample] {
        var model = model
        model.measuresBlocks = true
        model.waitTargetMinutes = 15
        model.waitQuantiles = WaitQuantile.merged(model.waitQuantiles + [quantile])
        let simulation = try CitySimulation(model)
        return replications.map { simulation.run(days: 7, seed: seed, replication: $0) }
    }

    /// The share of a block's citizens served within the target over all `samples` (served within ÷
    /// served, summed over replications) and its 95% interval by the ratio estimator: variance
    /// Σ(Wᵢ − R·Nᵢ)² / ((n − 1)·n·N̄²) (Cochran 1977, ch. 6), widened to the Wilson score interval of
    /// the pooled counts where that is wider. No citizen at all is a share of 1.
    static func pooledShare(_ scope: String, _ samples: [MetricSample]) -> (estimate: Double, low: Double, high: Double)
    {
        let served = samples.map { $0["\(scope).served"] ?? 0 }
        let within = samples.indices.map { served[$0] * (samples[$0]["\(scope).wait_within_target"] ?? 1) }
        let citizens = served.reduce(0, +)
        guard citizens > 0 else { return (1, 1, 1) }
        let ratio = within.reduce(0, +) / citizens
        let n = Double(samples.count)
        let meanCitizens = citizens / n
        let squares = samples.indices.reduce(0.0) { $0 + pow(within[$1] - ratio * served[$1], 2) }
        let halfWidth =
            StudentT.quantile(probability: 0.975, degreesOfFreedom: n - 1)
            * (squares / ((n - 1) * n * meanCitizens * meanCitizens)).squareRoot()
        // Never narrower than the Wilson score interval of the pooled counts.
        let z = 1.959_963_984_540_054
        let centre = (ratio + z * z / (2 * citizens)) / (1 + z * z / citizens)
        let wilson =
            z * (ratio * (1 - ratio) / citizens + z * z / (4 * citizens * citizens)).squareRoot()
            / (1 + z * z / citizens)
        return (ratio, min(ratio - halfWidth, centre - wilson), max(ratio + halfWidth, centre + wilson))
    }
}
