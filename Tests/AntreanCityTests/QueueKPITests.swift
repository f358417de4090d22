import AntreanEngine
import Testing

@testable import AntreanCity

/// Time-average numbers in line and present, Little's law at every scope, and the waits of those who
/// gave up (issue 17, items 6 and 7).
@Suite struct QueueKPITests {
    static func scopes(_ model: CityModel) -> [String] {
        model.offices.map { "offices.\($0.id)" } + model.kecamatan.map { "kecamatan.\($0.id)" } + ["overall"]
    }

    /// L = λW on sample paths. Every measured citizen has left by the end of the run (the offices
    /// close hours before it), so the area under the number present (integrated event by event) equals
    /// the sum of the times present (added citizen by citizen): the two sides agree to rounding, with
    /// λ = citizens who joined a line ÷ the measured calendar minutes.
    @Test(arguments: ["small-city.yaml", "busy-city.yaml"])
    func littlesLawHoldsAtEveryScope(fixture: String) throws {
        let scenario = try CityFixtures.fixture(fixture)
        let days = 10
        let sample = try CitySimulation(scenario.model).run(days: days, seed: 4, replication: 0)
        #expect(sample["overall.in_system_at_end"] == 0)
        let observed = Double(days) * 1440
        for scope in Self.scopes(scenario.model) {
            let joined = sample["\(scope).arrivals"]! - sample["\(scope).balked"]!
            guard joined > 0 else { continue }
            let lambda = joined / observed
            let inSystem = sample["\(scope).in_system"]!
            let queue = sample["\(scope).queue_length"]!
            #expect(inSystem > 0 && queue <= inSystem)
            let lambdaW = lambda * sample["\(scope).time_in_system_minutes"]!
            let lambdaWq = lambda * sample["\(scope).time_in_line_minutes"]!
            #expect(abs(inSystem - lambdaW) <= 1e-9 * inSystem, "\(scope): L \(inSystem) vs λW \(lambdaW)")
            #expect(abs(queue - lambdaWq) <= 1e-9 * max(queue, 1e-12), "\(scope): Lq \(queue) vs λWq \(lambdaWq)")
        }
        #expect(sample["overall.reneged"]! > 0)
    }

    /// With a fixed patience of 20 minutes every walk-in who gives up has waited exactly 20 minutes; the
    /// wait over all who waited is the served citizens' waits and those 20 minutes, weighted by count.
    @Test func abandonersWaitAndTheWaitOfAllAreReported() throws {
        let scenario = try CityFixtures.fixture(
            "one-counter.yaml", overrides: ["citizens.walk_in_patience=deterministic(20m)"])
        let sample = try CitySimulation(scenario.model).run(days: 7, seed: 9, replication: 0)
        let reneged = sample["offices.solo.reneged"]!
        #expect(reneged > 0)
        #expect(abs(sample["offices.solo.abandon_minutes"]! - 20) < 1e-9)
        let served = sample["offices.solo.served"]!
        let expected = (sample["offices.solo.wait_minutes"]! * served + 20 * reneged) / (served + reneged)
        #expect(abs(sample["offices.solo.wait_all_minutes"]! - expected) < 1e-9 * expected)
    }
}
