import AntreanAllocator
import Foundation
import Testing

@testable import AntreanCity

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

/// The optimised templates the city ships (`samarinda-optimized.yaml`, issue 18 §4): they load, they
/// reach the allocator as individual-minute plans for exactly the keys the file lists, and the city
/// run with them still ends every citizen once, never oversells a slot's pool and keeps the
/// allocator's invariants (quotas, NIK limits), on one thread and two with the same bytes.
@Suite struct ShippedOptimizedTemplateTests {
    @Test func shippedOptimizedTemplatesLoadAndKeepTheCitysInvariants() throws {
        let base = try CityFixtures.city(at: CityFixtures.simulation("samarinda.yaml"))
        let optimized = try CityFixtures.city(at: CityFixtures.simulation("samarinda-optimized.yaml"))
        let file = try String(
            contentsOfFile: CityFixtures.simulation("samarinda-optimized-templates.yaml"), encoding: .utf8)
        let entries = file.split(separator: "\n").filter { $0.hasPrefix("  - office: ") }.count
        #expect(entries > 100)
        #expect(optimized.model.appointmentTemplates.count == base.model.appointmentTemplates.count + entries)
        #expect(optimized.model.offices == base.model.offices && optimized.model.services == base.model.services)
        // Every shipped entry governs its own office, service and weekdays with individual minutes.
        let configuration = optimized.model.allocatorConfiguration()
        try configuration.validate()
        let monday = LocalDate(year: 2026, month: 11, day: 30)
        for template in optimized.model.appointmentTemplates.suffix(entries) {
            let office = try #require(template.office)
            let service = try #require(template.service)
            let weekday = try #require(template.weekdays?.first)
            // Weekday.allCases runs Monday to Sunday: the date of that weekday in the week of 30 November.
            let date = LocalDate(
                daysSinceEpoch: monday.daysSinceEpoch + (Weekday.allCases.firstIndex(of: weekday) ?? 0))
            let plan = try #require(configuration.dayPlan(office: office, service: service, date: date))
            #expect(plan.individualTimes && plan.slotMinutes == template.intervalMinutes)
            if case .explicit(let places) = template.places { #expect(plan.slots.map(\.total) == places) }
        }
        let simulation = try CitySimulation(optimized.model)
        let audit = simulation.auditCapacity(days: 10, seed: 18, replication: 0)
        ConservationTests.checkConservation(audit.sample, model: optimized.model)
        #expect(audit.overflows.isEmpty, "\(audit.overflows.prefix(3))")
        #expect(audit.invariantViolations.isEmpty, "\(audit.invariantViolations.prefix(3))")
        #expect(audit.bookingsChecked > 1_000)
        let one = simulation.runReplications(2, days: 10, seed: 18, threads: 1)
        let two = simulation.runReplications(2, days: 10, seed: 18, threads: 2)
        #expect(one.map(\.exactValues) == two.map(\.exactValues))
        #expect(audit.sample.exactValues == one[0].exactValues)
    }
}
