import AntreanAllocator
import AntreanEngine
import AntreanScenario
import Foundation
import Testing

@testable import AntreanCity

/// The small city with appointment templates arriving through an include file: every citizen still
/// ends exactly once, no slot holds more than its template gives, and the same seed gives the same
/// numbers on any number of threads.
@Suite struct AppointmentTemplateCityTests {
    /// Templates for the small city (Mon–Thu 08:00–16:00, Fri 08:00–14:00): Bailey–Welch in 20-minute
    /// intervals everywhere, a hand-made 10-minute vector with holes and overbooking for Sungai's
    /// letters on Tuesdays and Wednesdays, and a dome on one date.
    static let templates = """
        appointment_templates:
          - interval: 20m
            rule: bailey_welch
          - office: sungai
            service: letter
            weekdays: [tuesday, wednesday]
            interval: 10m
            places: [\(Array(repeating: "2, 1, 1, 0", count: 12).joined(separator: ", "))]
            overbook: [\(Array(repeating: "1, 0, 0, 0", count: 12).joined(separator: ", "))]
          - service: licence
            dates: [2026-12-02]
            interval: 30m
            rule: dome
        """

    /// The small city with `templates` included from a second file; `files` are written beside them
    /// (name → contents), e.g. a template's places file.
    static func scenario(templates: String = templates, files: [String: String] = [:]) throws -> CityScenario {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-templates-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: CityFixtures.path("small-city.yaml")),
            to: folder.appendingPathComponent("city.yaml"))
        try templates.write(to: folder.appendingPathComponent("templates.yaml"), atomically: true, encoding: .utf8)
        for (name, contents) in files {
            try contents.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "include: [city.yaml, templates.yaml]\n".write(
            to: folder.appendingPathComponent("what-if.yaml"), atomically: true, encoding: .utf8)
        return try CityFixtures.city(at: folder.appendingPathComponent("what-if.yaml").path)
    }

    @Test func templatesReachTheAllocatorFromAnIncludedFile() throws {
        let model = try Self.scenario().model
        #expect(model.appointmentTemplates.count == 3)
        let configuration = model.allocatorConfiguration()
        let tuesday = LocalDate(year: 2026, month: 11, day: 24)
        let letters = try #require(
            configuration.dayPlan(office: OfficeID("sungai"), service: ServiceID("letter"), date: tuesday))
        #expect(letters.slotMinutes == 10 && letters.individualTimes)
        #expect(letters.slots.map(\.total) == Array([2, 1, 1, 0].repeated(12)))
        #expect(letters.overbook == Array([1, 0, 0, 0].repeated(12)))
        let monday = try #require(
            configuration.dayPlan(office: OfficeID("sungai"), service: ServiceID("letter"), date: Self.monday))
        // Bailey–Welch on the counter-time places: the last interval's places move to the first.
        #expect(monday.slotMinutes == 20 && monday.slots.last?.total == 0)
        #expect(try #require(monday.slots.first?.total) > monday.slots[1].total)
    }

    static let monday = LocalDate(year: 2026, month: 11, day: 30)

    @Test func everyCitizenEndsOnceAndNoSlotOverflowsWithTemplates() throws {
        let scenario = try Self.scenario()
        let simulation = try CitySimulation(scenario.model)
        let samples = simulation.runReplications(2, days: scenario.days, seed: 7, threads: 1)
        for sample in samples { ConservationTests.checkConservation(sample, model: scenario.model) }
        #expect(samples.allSatisfy { $0["overall.served"]! > 0 })
        let audit = simulation.auditCapacity(days: scenario.days, seed: 7, replication: 0)
        #expect(audit.overflows.isEmpty, "\(audit.overflows.prefix(3))")
        #expect(audit.invariantViolations.isEmpty)
        #expect(audit.bookingsChecked > 100 && audit.poolsFilled > 0)
        #expect(audit.sample.exactValues == samples[0].exactValues)
    }

    @Test func theSameSeedGivesTheSameNumbersOnAnyThreadsAndTheTemplatesChangeThem() throws {
        let scenario = try Self.scenario()
        let simulation = try CitySimulation(scenario.model)
        let one = simulation.runReplications(3, days: scenario.days, seed: 7, threads: 1)
        let two = simulation.runReplications(3, days: scenario.days, seed: 7, threads: 2)
        #expect(one.map(\.exactValues) == two.map(\.exactValues))
        // Uniform 15-minute templates keep the places but give each booking its own minute: the
        // booked citizens come at other times, so the numbers move.
        let uniform = try Self.scenario(templates: "appointment_templates:\n  - interval: 15m\n")
        let plain = try CityFixtures.fixture("small-city.yaml")
        #expect(
            uniform.model.allocatorConfiguration().dayPlan(
                office: OfficeID("pasar"), service: ServiceID("letter"), date: Self.monday)?.slots
                == plain.model.allocatorConfiguration().dayPlan(
                    office: OfficeID("pasar"), service: ServiceID("letter"), date: Self.monday)?.slots)
        let spread = try CitySimulation(uniform.model).runReplications(1, days: uniform.days, seed: 7, threads: 1)
        let together = try CitySimulation(plain.model).runReplications(1, days: plain.days, seed: 7, threads: 1)
        #expect(spread[0]["overall.generated"] == together[0]["overall.generated"])
        #expect(spread[0].exactValues != together[0].exactValues)
    }
}

/// A bad template is refused naming the included file, the line and the field.
@Suite struct AppointmentTemplateErrorTests {
    /// The error loading the small city with `templates`: (file name, line, field, message).
    func refusal(_ templates: String, files: [String: String] = [:]) -> (
        file: String, line: Int, field: String, message: String
    )? {
        do {
            _ = try AppointmentTemplateCityTests.scenario(templates: templates, files: files)
            return nil
        } catch let error as ScenarioError {
            return (URL(fileURLWithPath: error.file).lastPathComponent, error.line, error.field, error.message)
        } catch {
            return ("", 0, "", "\(error)")
        }
    }

    @Test func eachMistakeNamesItsFileLineAndField() throws {
        let header = "appointment_templates:\n  - office: sungai\n    service: letter\n"
        let longer = try #require(refusal(header + "    interval: 4h\n    places: [1, 1, 1]\n"))
        #expect(longer.file == "templates.yaml" && longer.line == 5)
        #expect(longer.field == "appointment_templates.0.places" && longer.message.contains("longer than the day"))
        let negative = try #require(refusal(header + "    interval: 4h\n    places: [1, -2]\n"))
        #expect(negative.line == 5 && negative.message.contains("negative"))
        let interval = try #require(refusal(header + "    interval: 25m\n"))
        #expect(interval.line == 4 && interval.field == "appointment_templates.0.interval")
        #expect(interval.message.contains("does not divide"))
        let overbook = try #require(refusal(header + "    interval: 4h\n    places: [1, 1]\n    overbook: [1]\n"))
        #expect(overbook.line == 6 && overbook.field == "appointment_templates.0.overbook")
        let office = try #require(refusal("appointment_templates:\n  - office: nowhere\n    interval: 15m\n"))
        #expect(office.line == 2 && office.field == "appointment_templates.0.office")
        let service = try #require(refusal("appointment_templates:\n  - service: passport\n    interval: 15m\n"))
        #expect(service.line == 2 && service.message.contains("unknown service"))
        let rule = try #require(refusal("appointment_templates:\n  - interval: 15m\n    rule: zigzag\n"))
        #expect(rule.line == 3 && rule.message.contains("bailey_welch"))
        // Friday's 6 hours are not 4 × 2 h: an explicit vector for every weekday does not fit Friday.
        let friday = try #require(refusal("appointment_templates:\n  - interval: 2h\n    places: [1, 1, 1, 1]\n"))
        #expect(friday.line == 3 && friday.message.contains("friday"))
        #expect(refusal(header + "    weekdays: [monday]\n    interval: 4h\n    places: [1, 1]\n") == nil)
    }
}

extension Array {
    fileprivate func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}
