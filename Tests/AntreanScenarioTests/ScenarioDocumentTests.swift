import AntreanScenario
import Foundation
import Testing

@Suite("Scenario documents: includes, overrides, located errors")
struct ScenarioDocumentTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    @Test func includeLaysTheFileOverItsBase() throws {
        guard case .queues(let scenario) = try Scenario.load(path: Self.fixture("what-if.yaml")) else {
            Issue.record("expected a queue scenario")
            return
        }
        #expect(scenario.name == "what-if")
        #expect(scenario.spec.queues.map(\.name) == ["main", "side"])
        #expect(scenario.spec.queues[0].counters == 3)
        #expect(scenario.spec.queues[0].arrivals == .poisson(ratePerMinute: 1.5))
        #expect(scenario.spec.queues[1].arrivals == .poisson(ratePerMinute: 0.5))
        #expect(scenario.run.seed == 7)
    }

    @Test func commandLineOverrideReplacesAField() throws {
        let loaded = try Scenario.load(path: Self.fixture("base.yaml"), overrides: ["queues.side.counters=4"])
        guard case .queues(let scenario) = loaded else {
            Issue.record("expected queues")
            return
        }
        #expect(scenario.spec.queues[1].counters == 4)
    }

    @Test func badOverrideValueNamesTheOption() {
        #expect {
            try Scenario.load(path: Self.fixture("base.yaml"), overrides: ["queues.side.counters=two"])
        } throws: { error in
            let error = error as! ScenarioError
            return error.field == "queues.side.counters" && error.file.contains("--param")
                && error.message.contains("whole number")
        }
    }

    @Test func typoInAnIncludingFileIsReportedAtItsOwnLine() {
        #expect {
            try Scenario.load(path: Self.fixture("typo.yaml"))
        } throws: { error in
            let error = error as! ScenarioError
            return error.file.hasSuffix("typo.yaml") && error.line == 4 && error.field == "queues.main.countres"
                && error.message.contains("did you mean \"counters\"")
        }
    }

    @Test func includeCycleIsAnError() {
        #expect {
            try Scenario.load(path: Self.fixture("cycle-a.yaml"))
        } throws: { error in
            (error as! ScenarioError).message.contains("include cycle")
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: ScenarioError.self) { try Scenario.load(path: "/nonexistent/scenario.yaml") }
    }

    @Test func yamlSyntaxErrorHasALine() {
        #expect {
            try ScenarioDocument.parse(yaml: "run:\n  arrivals: [1, 2\nqueues: {}\n", file: "broken.yaml")
        } throws: { error in
            let error = error as! ScenarioError
            return error.file == "broken.yaml" && error.line >= 2 && error.message.hasPrefix("YAML syntax")
        }
    }

    @Test func duplicateKeysAreRefused() {
        #expect(throws: ScenarioError.self) {
            try ScenarioDocument.parse(yaml: "a: 1\na: 2\n", file: "dup.yaml")
        }
    }

    @Test func mergeKeepsOrderAndReplacesScalars() throws {
        let base = try ScenarioDocument.parse(yaml: "a: 1\nb:\n  c: 2\n  d: 3\n").root
        let top = try ScenarioDocument.parse(yaml: "b:\n  d: 4\n  e: 5\nf: 6\n").root
        let merged = base.merged(with: top)
        guard case .mapping(let entries, _) = merged, case .mapping(let inner, _) = entries[1].value else {
            Issue.record("expected mappings")
            return
        }
        #expect(entries.map(\.key) == ["a", "b", "f"])
        #expect(inner.map(\.key) == ["c", "d", "e"])
        guard case .scalar(let d, _) = inner[1].value else {
            Issue.record("expected a scalar")
            return
        }
        #expect(d == "4")
    }
}
