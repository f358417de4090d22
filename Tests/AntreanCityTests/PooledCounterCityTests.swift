import AntreanAllocator
import AntreanScenario
import Foundation
import Testing

@testable import AntreanCity

/// The small city with its kelurahan desks pooled for letters and referrals: the pool reaches the
/// allocator the simulator books through, every citizen still ends exactly once, no interval sells
/// more counter-minutes than its counters have, and the same seed gives the same numbers on any
/// number of threads.
@Suite struct PooledCounterCityTests {
    static let pools = """
        appointment_templates:
          - pool: [letter, referral]
            interval: 30m
          - office: sungai
            pool: [letter, referral]
            counters: 1
            weekdays: [tuesday]
            interval: 20m
            minutes: { referral: 20m }
        """

    static let monday = LocalDate(year: 2026, month: 11, day: 30)

    @Test func poolsReachTheAllocatorFromAnIncludedFile() throws {
        let model = try AppointmentTemplateCityTests.scenario(templates: Self.pools).model
        #expect(model.appointmentPools.count == 2)
        var core = try AllocatorCore(
            configuration: model.allocatorConfiguration(),
            tokenSigner: QRTokenSigner(keyID: "sim", keyBytes: SecretText.decode(CitySimulation.simulatedTokenKey)),
            journalsChanges: false)
        // Pasar has 2 counters: 60 counter-minutes per 30-minute interval, shared by both services.
        let pasarFound = core.pooledMinutes(
            office: OfficeID("pasar"), service: ServiceID("referral"), date: Self.monday)
        let pasar = try #require(pasarFound)
        #expect(pasar.count == 16 && pasar.allSatisfy { $0.sellable.total == 60 })
        let lettersFound = core.pooledMinutes(
            office: OfficeID("pasar"), service: ServiceID("letter"), date: Self.monday)
        let letters = try #require(lettersFound)
        #expect(letters.map(\.sellable) == pasar.map(\.sellable))
        // Sungai on Tuesdays: its own pool (an office entry beats an every-office one), one counter
        // of 20-minute intervals.
        let tuesday = LocalDate(year: 2026, month: 11, day: 24)
        let sungaiFound = core.pooledMinutes(office: OfficeID("sungai"), service: ServiceID("letter"), date: tuesday)
        let sungai = try #require(sungaiFound)
        #expect(sungai.count == 24 && sungai.allSatisfy { $0.sellable.total == 20 })
        // The fixture's holiday, also a Tuesday: the office is closed, so no pool governs it.
        let holiday = LocalDate(year: 2026, month: 12, day: 1)
        #expect(core.pooledMinutes(office: OfficeID("sungai"), service: ServiceID("letter"), date: holiday) == nil)
        // Licences (kecamatan offices) are not pooled.
        let licences = core.pooledMinutes(
            office: OfficeID("kec_hulu"), service: ServiceID("licence"), date: Self.monday)
        #expect(licences == nil)
    }

    @Test func everyCitizenEndsOnceAndNoPooledIntervalOverflows() throws {
        let scenario = try AppointmentTemplateCityTests.scenario(templates: Self.pools)
        let simulation = try CitySimulation(scenario.model)
        let samples = simulation.runReplications(2, days: scenario.days, seed: 7, threads: 1)
        for sample in samples { ConservationTests.checkConservation(sample, model: scenario.model) }
        #expect(samples.allSatisfy { $0["overall.served"]! > 0 })
        // The audit replays the run through an allocator that keeps every booking and checks its
        // invariants, which recount each pooled interval's counter-minutes from the bookings.
        let audit = simulation.auditCapacity(days: scenario.days, seed: 7, replication: 0)
        #expect(audit.overflows.isEmpty, "\(audit.overflows.prefix(3))")
        #expect(audit.invariantViolations.isEmpty, "\(audit.invariantViolations.prefix(3))")
        #expect(audit.bookingsChecked > 100)
        #expect(audit.sample.exactValues == samples[0].exactValues)
    }

    @Test func theSameSeedGivesTheSameNumbersOnAnyThreadsAndThePoolChangesThem() throws {
        let scenario = try AppointmentTemplateCityTests.scenario(templates: Self.pools)
        let simulation = try CitySimulation(scenario.model)
        let one = simulation.runReplications(3, days: scenario.days, seed: 7, threads: 1)
        let two = simulation.runReplications(3, days: scenario.days, seed: 7, threads: 2)
        #expect(one.map(\.exactValues) == two.map(\.exactValues))
        let separate = try AppointmentTemplateCityTests.scenario(
            templates: "appointment_templates:\n  - interval: 30m\n")
        let apart = try CitySimulation(separate.model).runReplications(1, days: separate.days, seed: 7, threads: 1)
        #expect(apart[0]["overall.generated"] == one[0]["overall.generated"])
        #expect(apart[0].exactValues != one[0].exactValues)
    }
}

/// A bad pool is refused naming the included file, the line and the field.
@Suite struct PooledCounterErrorTests {
    func refusal(_ templates: String) -> (file: String, line: Int, field: String, message: String)? {
        AppointmentTemplateErrorTests().refusal(templates)
    }

    @Test func eachMistakeNamesItsFileLineAndField() throws {
        let unknown = try #require(refusal("appointment_templates:\n  - pool: [letter, passport]\n    interval: 30m\n"))
        #expect(unknown.file == "templates.yaml" && unknown.line == 2)
        #expect(unknown.field == "appointment_templates.0.pool.1" && unknown.message.contains("unknown service"))
        let notGiven = try #require(
            refusal("appointment_templates:\n  - office: sungai\n    pool: [letter, licence]\n    interval: 30m\n"))
        #expect(notGiven.line == 3 && notGiven.field == "appointment_templates.0.pool")
        #expect(notGiven.message.contains("does not give service 'licence'"))
        let minutes = try #require(
            refusal("appointment_templates:\n  - pool: [letter]\n    interval: 30m\n    minutes: { letter: 0m }\n"))
        #expect(minutes.line == 4 && minutes.field == "appointment_templates.0.minutes.letter")
        let interval = try #require(refusal("appointment_templates:\n  - pool: [letter]\n    interval: 25m\n"))
        #expect(interval.line == 3 && interval.message.contains("does not divide"))
        let both = try #require(
            refusal(
                "appointment_templates:\n  - office: sungai\n    service: letter\n    interval: 15m\n"
                    + "  - office: sungai\n    pool: [letter, referral]\n    interval: 30m\n"))
        #expect(both.line == 6 && both.field == "appointment_templates.1.pool")
        #expect(both.message.contains("pooled or templated"))
        let stray = try #require(
            refusal("appointment_templates:\n  - pool: [letter]\n    interval: 30m\n    rule: dome\n"))
        #expect(stray.line == 4 && stray.message.contains("unknown field"))
    }
}
