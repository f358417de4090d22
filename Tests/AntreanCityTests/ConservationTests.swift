import AntreanCity
import AntreanEngine
import Testing

/// Every citizen the city generates ends in exactly one outcome: served, never came (no-show),
/// cancelled, went home (balked or reneged), refused a booking, or still at the office at the end.
@Suite struct ConservationTests {
    static let outcomes = [
        "served", "no_shows", "cancelled", "balked", "reneged", "booking_refused", "in_system_at_end",
    ]

    /// The scopes of a sample: every office, every kecamatan and the city.
    static func scopes(of model: CityModel) -> [String] {
        model.offices.map { "offices.\($0.id)" } + model.kecamatan.map { "kecamatan.\($0.id)" } + ["overall"]
    }

    static func checkConservation(
        _ sample: MetricSample, model: CityModel, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for scope in scopes(of: model) {
            let generated = sample["\(scope).generated"] ?? .nan
            let accounted = outcomes.reduce(0.0) { $0 + (sample["\(scope).\($1)"] ?? .nan) }
            let detail = outcomes.map { "\($0) \(sample["\(scope).\($0)"] ?? .nan)" }.joined(separator: ", ")
            #expect(
                generated == accounted, "\(scope): generated \(generated) ≠ \(accounted) (\(detail))",
                sourceLocation: sourceLocation)
            for outcome in outcomes where outcome != "in_system_at_end" {
                #expect((sample["\(scope).\(outcome)"] ?? -1) >= 0, "\(scope).\(outcome) is negative")
            }
        }
    }

    /// The small city switches every path on; the test also checks that each outcome actually occurs
    /// somewhere, so that the identity is not satisfied by zeros.
    @Test(arguments: ["home-earliest", "kecamatan-earliest", "least-loaded", "overbooking"])
    func everyGeneratedCitizenHasExactlyOneOutcome(policy: String) throws {
        let scenario = try CityFixtures.fixture("small-city.yaml", overrides: ["policy=\(policy)"])
        let simulation = try CitySimulation(scenario.model)
        let samples = simulation.runReplications(3, days: scenario.days, seed: 7, threads: 1)
        for sample in samples { Self.checkConservation(sample, model: scenario.model) }
        // Refusals need demand above capacity: the busy city below checks those.
        for outcome in Self.outcomes where outcome != "in_system_at_end" && outcome != "booking_refused" {
            #expect(samples.reduce(0) { $0 + $1["overall.\(outcome)"]! } > 0, "no \(outcome) at all")
        }
    }

    /// Demand eight times the capacity, mostly booked: refusals and balking dominate.
    @Test func conservationHoldsWhenDemandExceedsCapacity() throws {
        let scenario = try CityFixtures.fixture("busy-city.yaml")
        let simulation = try CitySimulation(scenario.model)
        let samples = simulation.runReplications(1, days: scenario.days, seed: 11, threads: 1)
        for sample in samples { Self.checkConservation(sample, model: scenario.model) }
        #expect(samples.allSatisfy { $0["overall.booking_refused"]! > 0 })
    }

    /// A run that ends in the middle of an open day leaves citizens at the counters: they are counted
    /// once, as in the system at the end. Offices open round the clock make that certain.
    @Test func citizensStillPresentAtTheEndAreCountedOnce() throws {
        let scenario = try CityFixtures.fixture("mm2.yaml")
        let simulation = try CitySimulation(scenario.model)
        let samples = simulation.runReplications(4, days: 2, seed: 3, threads: 1)
        for sample in samples { Self.checkConservation(sample, model: scenario.model) }
        #expect(samples.contains { $0["overall.in_system_at_end"]! > 0 })
    }
}
