import AntreanEngine
import AntreanQueueing
import AntreanScenario
import Testing

@Suite("Queue scenarios: every field checked, errors name file, line and field")
struct QueueScenarioDecodingTests {
    static func decode(_ yaml: String) throws -> QueueScenario {
        guard case .queues(let scenario) = try Scenario.decode(ScenarioDocument.parse(yaml: yaml, file: "test.yaml"))
        else {
            preconditionFailure("expected a queue scenario")
        }
        return scenario
    }

    static func error(_ yaml: String) -> ScenarioError? {
        do {
            _ = try decode(yaml)
            return nil
        } catch let error as ScenarioError {
            return error
        } catch {
            return nil
        }
    }

    static let valid = """
        name: clinic
        run:
          duration: 8h
          warm_up: 30m
          replications: 5
          seed: 99
          wait_target: 10m
        queues:
          desk:
            counters: 3
            arrivals: { per_hour: [0, 0, 0, 0, 0, 0, 0, 0, 60, 90, 45] }
            service: gamma(mean=4m, sd=2m)
            patience: uniform(5m, 20m)
            discipline: priority
            classes:
              elderly: { share: 20%, priority: 0 }
              others: { share: 80%, priority: 1 }
        """

    @Test func decodesEveryField() throws {
        let scenario = try Self.decode(Self.valid)
        #expect(scenario.name == "clinic")
        #expect(scenario.spec.runLength == .minutes(480))
        #expect(scenario.spec.warmUpMinutes == 30)
        #expect(scenario.run == RunSettings(replications: 5, seed: 99, waitTargetMinutes: 10))
        let desk = scenario.spec.queues[0]
        #expect(desk.counters == 3)
        #expect(desk.arrivals == .hourlyProfile(ratesPerHour: [0, 0, 0, 0, 0, 0, 0, 0, 60, 90, 45]))
        #expect(desk.service == .gamma(shape: 4, scale: 1))
        #expect(desk.patience == .uniform(low: 5, high: 20))
        #expect(desk.discipline == .priority)
        #expect(
            desk.classes == [
                CustomerClass(name: "elderly", share: 0.2, priority: 0),
                CustomerClass(name: "others", share: 0.8, priority: 1),
            ])
    }

    @Test(arguments: [
        ("counters: 3", "counters: 0", "queues.desk.counters", "at least 1"),
        ("counters: 3", "counters: three", "queues.desk.counters", "whole number"),
        ("service: gamma(mean=4m, sd=2m)", "service: gamma(mean=4, sd=2m)", "queues.desk.service", "unit"),
        ("service: gamma(mean=4m, sd=2m)", "service: lognormal(mean=-1m, sd=2m)", "queues.desk.service", "positive"),
        ("service: gamma(mean=4m, sd=2m)", "service: poisson(2m)", "queues.desk.service", "unknown distribution"),
        ("patience: uniform(5m, 20m)", "patience: uniform(20m, 5m)", "queues.desk.patience", "must not exceed"),
        ("discipline: priority", "discipline: lifo", "queues.desk.discipline", "fifo or priority"),
        ("share: 80%", "share: 70%", "queues.desk.classes", "add up to 100%"),
        ("duration: 8h", "duration: 8", "run.duration", "unit"),
        ("warm_up: 30m", "warm_up: 9h", "run.warm_up", "shorter than the run"),
        ("seed: 99", "seed: -1", "run.seed", "seed"),
        ("arrivals: { per_hour:", "arrivals: { per_day:", "queues.desk.arrivals.per_day", "unknown field"),
    ])
    func badFieldIsNamedWithItsLine(original: String, broken: String, field: String, message: String) throws {
        let yaml = Self.valid.replacingOccurrences(of: original, with: broken)
        #expect(yaml != Self.valid, "the test must change the document")
        let error = try #require(Self.error(yaml))
        let expectedLine = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(broken.split(separator: ":").first!) && $0.contains(broken.suffix(4)) }
            .map { $0 + 1 }
        #expect(error.field == field)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.file == "test.yaml")
        if let expectedLine, !field.hasSuffix("classes") { #expect(error.line == expectedLine, "\(error)") }
    }

    @Test func missingRunLengthIsExplained() {
        let error = Self.error(
            "queues:\n  a:\n    counters: 1\n    arrivals: 1/min\n    service: exp(1m)\nrun: { seed: 1 }\n")
        #expect(error?.message.contains("how long to run") == true)
        #expect(error?.line == 6)
    }

    @Test func unknownModelIsNamed() {
        let error = Self.error("model: airport\n")
        #expect(error?.field == "model")
        #expect(error?.message.contains("unknown model") == true)
    }
}
