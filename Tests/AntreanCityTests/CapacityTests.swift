import AntreanEngine
import Testing

@testable import AntreanCity

/// However many citizens want places, no slot ever holds more bookings than its capacity.
@Suite struct CapacityTests {
    @Test(arguments: ["home-earliest", "kecamatan-earliest", "least-loaded", "overbooking"])
    func noSlotEverHoldsMoreBookingsThanItsCapacity(policy: String) throws {
        let scenario = try CityFixtures.fixture("busy-city.yaml", overrides: ["policy=\(policy)"])
        let simulation = try CitySimulation(scenario.model)
        // Three measured days after the seven warm-up days: the horizon is already full by then.
        let audit = simulation.auditCapacity(days: 3, seed: 5, replication: 0)
        #expect(audit.overflows.isEmpty, "\(audit.overflows.prefix(5))")
        #expect(audit.invariantViolations.isEmpty, "\(audit.invariantViolations.prefix(5))")
        // Demand above capacity: the limits were actually reached and citizens were turned away.
        #expect(audit.bookingsChecked > 1_000)
        #expect(audit.poolsFilled > 100)
        #expect(audit.sample["overall.booking_refused"]! > 0)
        #expect(audit.sample["overall.balked"]! > 0)
    }

    /// The audit replays the same replication as `run`: its numbers are the ones users see.
    @Test func auditedRunIsTheOrdinaryRun() throws {
        let scenario = try CityFixtures.fixture("busy-city.yaml")
        let simulation = try CitySimulation(scenario.model)
        let audit = simulation.auditCapacity(days: 2, seed: 5, replication: 1)
        #expect(audit.sample.exactValues == simulation.run(days: 2, seed: 5, replication: 1).exactValues)
    }
}
