import AntreanAllocator
import AntreanCity
import AntreanEngine
import AntreanScenario
import AntreanSchedule
import Foundation
import Testing

@testable import AntreanPlanning

/// The template search's shapes (issue 18): interval lengths other than 15 minutes, Bailey–Welch and
/// dome starts, individual appointment minutes — and the `--out` file gives what the search simulated.
@Suite struct TemplateShapeTests {
    /// The small city with `templates` (an `appointment_templates:` file) included, as a scenario that
    /// includes the `--out` file loads it.
    static func city(including templates: String) throws -> CityModel {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-shapes-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AntreanCityTests/Fixtures/small-city.yaml")
        try FileManager.default.copyItem(at: fixture, to: folder.appendingPathComponent("city.yaml"))
        try templates.write(to: folder.appendingPathComponent("templates.yaml"), atomically: true, encoding: .utf8)
        try "include: [city.yaml, templates.yaml]\n".write(
            to: folder.appendingPathComponent("what-if.yaml"), atomically: true, encoding: .utf8)
        guard case .city(let scenario) = try Scenario.load(path: folder.appendingPathComponent("what-if.yaml").path)
        else { throw PlanningError.invalid("not a city") }
        return scenario.model
    }

    /// Every shape is an interval length dividing the day × a rule, each service keeps its day's total,
    /// and each is exactly what the scenario loader gives for `interval: L, rule: R` on that office.
    @Test func shapesAreTheLoadersRulesAtEveryIntervalLength() throws {
        let model = try TemplateSearchTests.city()
        let scope = try TemplateScope(model: model, office: "sungai")
        let current = scope.currentTemplates()
        #expect(current.values.allSatisfy { $0.intervalMinutes == 15 && !$0.individualTimes })
        let shapes = TemplateShape.candidates(current, office: "sungai", weekdays: scope.weekdays, model: model)
        // 480 and 360 minutes: 5, 10, 15, 20 and 30 all divide both; three rules each.
        #expect(shapes.count == 15)
        for shape in shapes {
            let words = shape.label.split(separator: " ")
            let length = try #require(Int(words[0].dropLast()))
            let loaded = try Self.city(
                including:
                    "appointment_templates:\n  - office: sungai\n    interval: \(length)m\n    rule: \(words[1])\n")
            let configuration = loaded.allocatorConfiguration()
            for (key, template) in shape.templates {
                let hours = try #require(model.calendar.hours[key.weekday])
                #expect(template.intervalMinutes == length && template.individualTimes)
                #expect(template.places.count == (hours.upperBound - hours.lowerBound) / length)
                #expect(template.places.reduce(0, +) == current[key]?.places.reduce(0, +), "\(shape.label) \(key)")
                #expect(
                    template
                        == loaded.dayTemplate(
                            configuration, office: key.office, service: key.service, weekday: key.weekday))
            }
        }
        // 15-minute uniform is today's plan with individual minutes; Bailey–Welch moves the last interval's
        // places to the first.
        let uniform = try #require(shapes.first { $0.label == "15m uniform" })
        let bailey = try #require(shapes.first { $0.label == "15m bailey_welch" })
        for (key, template) in current {
            #expect(uniform.templates[key]?.places == template.places)
            let places = template.places
            let expected = [places[0] + places[places.count - 1]] + places.dropFirst().dropLast() + [0]
            #expect(bailey.templates[key]?.places == expected)
        }
    }

    /// An office whose places are all sold at opening (a front-loaded extreme, the current plan) gets a
    /// shape: spreading the places lowers the objective significantly on the search's draws.
    @Test func searchReplacesAFrontLoadedPlanByAShape() throws {
        var model = try TemplateSearchTests.city()
        let plain = try TemplateScope(model: model, office: "sungai")
        for (key, template) in plain.currentTemplates() {
            let places = template.places
            model.placesOverride[key] = [places.reduce(0, +)] + Array(repeating: 0, count: places.count - 1)
        }
        let scope = try TemplateScope(model: model, office: "sungai")
        let settings = try TemplateSearchSettings(
            weights: try ScheduleWeights(wait: 1, idle: 0.05, overtime: 0.5), days: 7, warmUpDays: 7,
            replications: 4, seed: 11, maximumEvaluations: 16)
        let result = try TemplateSearch.optimize(office: "sungai", scope: scope, settings: settings)
        let shape = try #require(result.shape)
        #expect(result.optimizedObjective < 0.8 * result.currentObjective, "\(shape)")
        #expect(result.optimized.values.allSatisfy { $0.individualTimes })
        #expect(result.evaluations == 16)
    }

    /// The `--out` file, included in the scenario, gives exactly the figures the search simulated for
    /// those templates (a shape with a move on top, and a plan without individual minutes kept).
    @Test func outFileGivesWhatTheSearchSimulated() throws {
        let model = try TemplateSearchTests.city()
        let scope = try TemplateScope(model: model, office: "sungai")
        let current = scope.currentTemplates()
        let shape = try #require(
            TemplateShape.candidates(current, office: "sungai", weekdays: scope.weekdays, model: model)
                .first { $0.label == "10m dome" })
        let move = TemplateMove(weekday: .tuesday, first: 6, length: 6, shift: -1)
        let templates = try #require(move.applied(to: shape.templates, office: "sungai"))
        let settings = try TemplateSearchSettings(
            weights: .equal, days: 7, warmUpDays: 7, replications: 2, seed: 3, maximumEvaluations: 2)
        let searched = try OfficeEvaluator(office: "sungai", model: model, current: current, settings: settings)
            .weekdayObjectives(templates, weekdays: scope.weekdays)
        let file = TemplateFile.yaml(templates.filter { current[$0.key] != $0.value }, model: model, header: "test")
        let loaded = try Self.city(including: file)
        let reloaded = try OfficeEvaluator(
            office: "sungai", model: loaded, current: TemplateScope(model: loaded, office: "sungai").currentTemplates(),
            settings: settings
        ).weekdayObjectives(TemplateScope(model: loaded, office: "sungai").currentTemplates(), weekdays: scope.weekdays)
        #expect(searched == reloaded)
        #expect(
            searched
                != (try OfficeEvaluator(office: "sungai", model: model, current: current, settings: settings)
                    .weekdayObjectives(current, weekdays: scope.weekdays)))
    }

    /// Places told within each window: individual minutes spread an interval's places, without them
    /// all sit at the interval's start.
    @Test func placesPerWindowFollowTheAppointmentMinutes() {
        let spread = DayTemplate(intervalMinutes: 30, places: [3, 0, 2], individualTimes: true)
        // 3 places in 30 min at 0, 10, 20; 2 places at 60, 75.
        #expect(spread.placesPerWindow(of: 15, windows: 6) == [2, 1, 0, 0, 1, 1])
        let blocked = DayTemplate(intervalMinutes: 30, places: [3, 0, 2], individualTimes: false)
        #expect(blocked.placesPerWindow(of: 15, windows: 6) == [3, 0, 0, 0, 2, 0])
    }
}
