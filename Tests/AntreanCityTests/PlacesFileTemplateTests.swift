import AntreanAllocator
import AntreanScenario
import Testing

@testable import AntreanCity

/// `rule: file`: a template's places per interval read from a file beside the scenario, as a
/// spreadsheet column or a comma-separated line, with errors at the places file's line and column.
@Suite struct PlacesFileTemplateTests {
    static let header = "appointment_templates:\n  - office: sungai\n    service: letter\n    weekdays: [tuesday]\n"
    static let tuesday = LocalDate(year: 2026, month: 11, day: 24)

    func tuesdayPlaces(_ places: String, name: String = "sungai.txt") throws -> [Int]? {
        let templates = Self.header + "    interval: 1h\n    rule: file\n    file: \(name)\n"
        let model = try AppointmentTemplateCityTests.scenario(templates: templates, files: [name: places]).model
        let plan = model.allocatorConfiguration().dayPlan(
            office: OfficeID("sungai"), service: ServiceID("letter"), date: Self.tuesday)
        return plan.map { $0.slots.map(\.total) }
    }

    @Test func aColumnOrALineOfNumbersGivesThePlacesInOrder() throws {
        let expected = [3, 2, 2, 1, 0, 1, 2, 2]
        let column = "# Sungai, letters, Tuesdays: one line per hour\n3\n2\r\n2\n1\n0  # prayer\n1\n2\n2\n"
        #expect(try tuesdayPlaces(column) == expected)
        #expect(try tuesdayPlaces("3, 2, 2, 1; 0 1\t2,2") == expected)
        // The same vector written inline gives the same day plan.
        let inline = Self.header + "    interval: 1h\n    places: [3, 2, 2, 1, 0, 1, 2, 2]\n"
        let model = try AppointmentTemplateCityTests.scenario(templates: inline).model
        let plan = model.allocatorConfiguration().dayPlan(
            office: OfficeID("sungai"), service: ServiceID("letter"), date: Self.tuesday)
        #expect(plan?.slots.map(\.total) == expected)
    }

    @Test func aBadPlacesFileNamesItsOwnLineAndColumn() throws {
        let errors = AppointmentTemplateErrorTests()
        let rule = Self.header + "    interval: 1h\n    rule: file\n    file: p.txt\n"
        let word = try #require(errors.refusal(rule, files: ["p.txt": "places\n3\n"]))
        #expect(word.file == "p.txt" && word.line == 1 && word.field == "appointment_templates.0.file")
        #expect(word.message.contains("\"p\"") && word.message.contains("#"))
        let negative = try #require(errors.refusal(rule, files: ["p.txt": "3\n2\n  -1\n"]))
        #expect(negative.file == "p.txt" && negative.line == 3 && negative.message.contains("negative"))
        let huge = try #require(errors.refusal(rule, files: ["p.txt": "1, 99999999999999999999999999"]))
        #expect(huge.line == 1 && huge.message.contains("32767"))
        let empty = try #require(errors.refusal(rule, files: ["p.txt": "# nothing yet\n"]))
        #expect(empty.message.contains("no numbers"))
        // Read, but one interval too many for Tuesday's 8 hours: the misfit is reported at `file:`.
        let long = try #require(errors.refusal(rule, files: ["p.txt": "1 1 1 1 1 1 1 1 1"]))
        #expect(long.file == "templates.yaml" && long.line == 7 && long.field == "appointment_templates.0.file")
        let missing = try #require(errors.refusal(rule))
        #expect(missing.file == "templates.yaml" && missing.line == 7 && missing.message.contains("no such file"))
        let noFile = try #require(errors.refusal(Self.header + "    interval: 1h\n    rule: file\n"))
        #expect(noFile.line == 6 && noFile.message.contains("file:"))
        let stray = try #require(errors.refusal(Self.header + "    interval: 1h\n    rule: dome\n    file: p.txt\n"))
        #expect(stray.line == 7 && stray.message.contains("rule: file"))
        let unknown = try #require(errors.refusal(Self.header + "    interval: 1h\n    rule: zigzag\n"))
        #expect(unknown.message.contains("file"))
    }
}
