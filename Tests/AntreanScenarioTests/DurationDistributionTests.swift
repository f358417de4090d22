import AntreanCity
import AntreanScenario
import Foundation
import Testing

/// Issue 16, item 4: every distribution used as a duration is validated as one, with the field named.
@Suite("Durations: no negative draws, service times with a mean above 0")
struct DurationDistributionTests {
    static let smallCity = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AntreanCityTests/Fixtures/small-city.yaml").path

    @Test func normalServiceIsRefusedWithATruncatedNormalToWriteInstead() throws {
        let error = try #require(scenarioError { try loadScenario(queueScenario(service: "normal(mean=5m, sd=3m)")) })
        #expect(error.file == "test.yaml" && error.line == 8, "\(error)")
        #expect(error.field == "queues.main.service")
        #expect(error.message.contains("cannot be negative"))
        #expect(error.message.contains("truncated_normal(mean=5m, sd=3m, low=0m, high=17m)"), "\(error)")
    }

    @Test(arguments: [
        "deterministic(-1m)", "uniform(low=-1m, high=2m)", "truncated_normal(mean=5m, sd=3m, low=-1m, high=20m)",
        "{ type: empirical, samples: [2m, -30s] }", "{ type: histogram, edges: [-1m, 1m, 2m], weights: [1, 1] }",
    ])
    func negativeDurationsAreRefused(service: String) throws {
        let error = try #require(scenarioError { try loadScenario(queueScenario(service: service)) })
        #expect(error.field == "queues.main.service" && error.line == 8, "\(error)")
        #expect(error.message.contains("cannot be negative"), "\(error)")
    }

    @Test(arguments: ["deterministic(0)", "uniform(low=0m, high=0m)", "deterministic(0.5s)"])
    func serviceTimeNeedsAPositiveMean(service: String) throws {
        let error = try #require(scenarioError { try loadScenario(queueScenario(service: service)) })
        #expect(error.field == "queues.main.service", "\(error)")
        #expect(error.message.contains("at least 1s"), "\(error)")
    }

    @Test func patienceIsADurationButMayBeZero() throws {
        let error = try #require(
            scenarioError { try loadScenario(queueScenario(patience: "normal(mean=10m, sd=5m)")) })
        #expect(error.field == "queues.main.patience" && error.line == 9, "\(error)")
        // A patience of 0 is the Erlang loss system (whoever must wait leaves): allowed.
        guard case .queues(let scenario) = try loadScenario(queueScenario(patience: "deterministic(0)")) else {
            Issue.record("expected queues")
            return
        }
        #expect(scenario.spec.queues[0].patience == .deterministic(0))
    }

    /// `validate` used to trap here (Double → Int of infinity in the allocator's places per slot).
    @Test func cityServiceTimeOfZeroIsRefusedAtTheField() throws {
        let error = try #require(
            scenarioError {
                try Scenario.load(path: Self.smallCity, overrides: ["services.letter.service_time=deterministic(0)"])
            })
        #expect(error.field == "services.letter.service_time", "\(error)")
        #expect(error.message.contains("at least 1s"))
    }

    @Test(arguments: [
        ("citizens.lead_time", "normal(mean=3d, sd=2d)"), ("citizens.walk_in_patience", "deterministic(-5m)"),
    ])
    func cityDurationsAreRefusedAtTheField(field: String, value: String) throws {
        let error = try #require(
            scenarioError { try Scenario.load(path: Self.smallCity, overrides: ["\(field)=\(value)"]) })
        #expect(error.field == field, "\(error)")
        #expect(error.message.contains("cannot be negative"))
    }

    /// Punctuality is an offset from the slot's start (negative: early), so a normal stays allowed.
    @Test func punctualityStaysSigned() throws {
        guard
            case .city(let city) = try Scenario.load(
                path: Self.smallCity, overrides: ["citizens.punctuality=normal(mean=-5m, sd=10m)"])
        else {
            Issue.record("expected a city")
            return
        }
        #expect(city.model.citizens.punctuality == .normal(mean: -5, sd: 10))
    }

    /// Clocks convert minutes to whole seconds: a duration of 10^24 days would trap there.
    @Test(arguments: [
        ("citizens.lead_time", "exponential(mean=1000000000000000000000000d)"),
        ("citizens.punctuality", "normal(mean=0m, sd=400d)"),
        ("services.letter.service_time", "uniform(low=0m, high=1000w)"),
    ])
    func durationsLongerThanAYearAreRefused(field: String, value: String) throws {
        let error = try #require(
            scenarioError { try Scenario.load(path: Self.smallCity, overrides: ["\(field)=\(value)"]) })
        #expect(error.field == field, "\(error)")
        #expect(error.message.contains("at most 1 year"), "\(error)")
    }

    /// The library check, for models built in code: the same rules without the scenario's syntax.
    @Test func cityModelValidationRefusesAZeroServiceTimeBeforeComputingPlaces() throws {
        guard case .city(var city) = try Scenario.load(path: Self.smallCity) else {
            Issue.record("expected a city")
            return
        }
        city.model.services[0].serviceTime = .deterministic(0)
        #expect(throws: CityModelError.self) { try city.model.validate() }
    }
}
