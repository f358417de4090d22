import AntreanCity
import AntreanEngine
import Testing

/// Checking booked citizens in by QR token or at the desk by booking number changes nothing a run
/// reports: both go through the allocator's check-in with the same rules. This is what lets the bundled
/// city use the cheaper desk path (`check_in: booking_reference`).
@Suite struct CheckInMethodTests {
    @Test(arguments: ["small-city.yaml", "busy-city.yaml"])
    func bothMethodsGiveTheSameNumbers(fixture: String) throws {
        let scenario = try CityFixtures.fixture(fixture)
        var byToken = scenario.model
        byToken.checkIn = .qrToken
        var atDesk = scenario.model
        atDesk.checkIn = .bookingReference
        for replication in 0..<3 {
            let scanned = try CitySimulation(byToken).run(days: scenario.days, seed: 11, replication: replication)
            let entered = try CitySimulation(atDesk).run(days: scenario.days, seed: 11, replication: replication)
            // Not a vacuous comparison: booked citizens came, some were late or never came.
            #expect((scanned["overall.arrivals.booked"] ?? 0) > 50)
            #expect((scanned["overall.no_shows"] ?? 0) > 0)
            #expect(scanned.exactValues == entered.exactValues)
        }
    }
}
