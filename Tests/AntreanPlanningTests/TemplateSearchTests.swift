import AntreanAllocator
import AntreanCity
import AntreanEngine
import AntreanScenario
import AntreanSchedule
import Foundation
import Testing

@testable import AntreanPlanning

/// The scenario form of `antrean schedule` (issue 18): the search through the city model.
@Suite struct TemplateSearchTests {
    static func city(_ overrides: [String] = []) throws -> CityModel {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AntreanCityTests/Fixtures/small-city.yaml").path
        guard case .city(let scenario) = try Scenario.load(path: path, overrides: overrides) else {
            throw PlanningError.invalid("not a city")
        }
        return scenario.model
    }

    static func settings(evaluations: Int = 12, seed: UInt64 = 4) throws -> TemplateSearchSettings {
        try TemplateSearchSettings(
            weights: try ScheduleWeights(wait: 1, idle: 0.3, overtime: 1), days: 7, warmUpDays: 7, replications: 4,
            seed: seed, maximumEvaluations: evaluations)
    }

    /// Every accepted move lowers the mean objective on the search's own draws: re-simulating the
    /// optimized and the current templates independently on those draws gives the figures the search
    /// reports, and the optimized mean is never above the current one.
    @Test(arguments: ["sungai", "mpp"])
    func searchNeverReturnsAWorseObjective(office: String) throws {
        let scope = try TemplateScope(model: try Self.city(), office: office)
        let settings = try Self.settings()
        let result = try TemplateSearch.optimize(office: office, scope: scope, settings: settings)
        let evaluator = try OfficeEvaluator(
            office: office, model: scope.model, current: scope.currentTemplates(), settings: settings)
        let sums = { (templates: CityTemplates) throws -> [Double] in
            try evaluator.weekdayObjectives(templates, weekdays: scope.weekdays).map { $0.reduce(0, +) }
        }
        #expect(try sums(result.optimized) == result.optimizedObjectives)
        #expect(try sums(scope.currentTemplates()) == result.currentObjectives)
        #expect(result.optimizedObjective <= result.currentObjective)
        if result.moves == 0 { #expect(result.optimized == result.current) }
        #expect(result.evaluations <= settings.maximumEvaluations)
        // Each service and weekday sells as many places as before.
        for (key, template) in result.current {
            #expect(result.optimized[key]?.places.reduce(0, +) == template.places.reduce(0, +))
        }
    }

    /// One office per task, results in office order: the same for 1 and 2 threads.
    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let scope = try TemplateScope(model: try Self.city(), weekday: "tuesday")
        let settings = try Self.settings(evaluations: 5)
        let one = try TemplateSearch.optimize(scope, settings: settings, threads: 1)
        let two = try TemplateSearch.optimize(scope, settings: settings, threads: 2)
        #expect(one.map(\.office) == scope.offices)
        #expect(one.map(\.optimized) == two.map(\.optimized))
        #expect(one.map(\.optimizedObjectives) == two.map(\.optimizedObjectives))
    }

    @Test func badScopesNameTheOption() throws {
        let model = try Self.city()
        #expect(
            throws: PlanningError.invalid(
                "--office: unknown office \"nowhere\"; the scenario's offices are mpp, kec_hulu, kec_hilir, sungai, "
                    + "bukit, pasar, pantai")
        ) {
            _ = try TemplateScope(model: model, office: "nowhere")
        }
        for (weekday, fragment) in [("funday", "is not a weekday"), ("saturday", "closed on saturday")] {
            do {
                _ = try TemplateScope(model: model, weekday: weekday)
                Issue.record("\(weekday) accepted")
            } catch {
                #expect(error.description.hasPrefix("--weekday: ") && error.description.contains(fragment))
            }
        }
        #expect(throws: PlanningError.self) {
            _ = try TemplateSearchSettings(weights: .equal, replications: 1, seed: 1)
        }
    }

    /// The file format the scenario loader reads (`appointment_templates:`), weekdays sharing a vector
    /// grouped, in office, service and weekday order.
    @Test func templateFileFormat() throws {
        let model = try Self.city()
        func template(_ places: [Int], _ minutes: Int = 15) -> DayTemplate {
            DayTemplate(intervalMinutes: minutes, places: places, individualTimes: true)
        }
        let templates: CityTemplates = [
            PlacesOverrideKey(office: "sungai", service: "referral", weekday: .tuesday): template([2, 1, 0]),
            PlacesOverrideKey(office: "sungai", service: "letter", weekday: .friday): template([1, 1, 1]),
            PlacesOverrideKey(office: "sungai", service: "letter", weekday: .monday): template([1, 1, 1]),
            PlacesOverrideKey(office: "sungai", service: "letter", weekday: .tuesday): template([1, 1, 1], 20),
            PlacesOverrideKey(office: "mpp", service: "letter", weekday: .monday): template([0, 3]),
        ]
        let text = TemplateFile.yaml(templates, model: model, header: "made by a test")
        #expect(
            text == """
                # made by a test
                appointment_templates:
                  - office: mpp
                    service: letter
                    weekdays: [monday]
                    interval: 15m
                    places: [0, 3]
                  - office: sungai
                    service: letter
                    weekdays: [monday, friday]
                    interval: 15m
                    places: [1, 1, 1]
                  - office: sungai
                    service: letter
                    weekdays: [tuesday]
                    interval: 20m
                    places: [1, 1, 1]
                  - office: sungai
                    service: referral
                    weekdays: [tuesday]
                    interval: 15m
                    places: [2, 1, 0]

                """)
    }
}
