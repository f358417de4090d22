import AntreanCity
import Testing

/// The what-if scenarios include the bundled city and change only what they say they change.
@Suite struct WhatIfScenarioTests {
    @Test func whatIfScenariosLoadAndChangeWhatTheySay() throws {
        let base = try CityFixtures.city(at: CityFixtures.simulation("samarinda.yaml")).model
        let digitalDaysOff = try CityFixtures.city(at: CityFixtures.simulation("samarinda-digital-days-off.yaml")).model
        #expect(digitalDaysOff.citizens.digitalDays.isEmpty)
        #expect(Set(digitalDaysOff.citizens.walkInReserve.values).count == 1)
        #expect(digitalDaysOff.citizens.walkInReserve.count == 5)
        #expect(digitalDaysOff.offices == base.offices)
        #expect(digitalDaysOff.citizens.bookingShareDigital == base.citizens.bookingShareDigital)
        _ = try CitySimulation(digitalDaysOff)

        let walkInOnly = try CityFixtures.city(at: CityFixtures.simulation("samarinda-walk-in-only.yaml")).model
        #expect(walkInOnly.citizens.bookingShareDigital == 0)
        #expect(walkInOnly.citizens.bookingShareOther == 0)
        #expect(walkInOnly.citizens.digitalDays.isEmpty)
        #expect(walkInOnly.citizens.walkInReserve.count == 5)
        #expect(walkInOnly.citizens.walkInReserve.values.allSatisfy { $0 == 1 })
        #expect(walkInOnly.offices == base.offices)
        #expect(walkInOnly.services == base.services)
        _ = try CitySimulation(walkInOnly)
    }
}
