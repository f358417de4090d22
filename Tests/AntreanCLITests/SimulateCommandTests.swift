import Foundation
import Testing

@Suite("antrean simulate")
struct SimulateCommandTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try AntreanProcess.run(["simulate"] + arguments + ["--format", "json"])
        try #require(result.status == 0, "\(result.standardError)")
        return try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
    }

    @Test func jsonReportHasTheDocumentedKeys() throws {
        let json = try Self.json(["Simulations/validation/mm5.yaml", "--arrivals", "20000", "--replications", "3"])
        let overall = try #require(json["overall"] as? [String: Any])
        let wait = try #require(overall["wait_minutes"] as? [String: Any])
        #expect(wait["mean"] is Double)
        #expect((wait["ci95"] as? [Double])?.count == 2)
        #expect(wait["p90"] is Double)
        #expect((overall["served"] as? [String: Any])?["mean"] is Double)
        #expect((overall["utilization"] as? [String: Any])?["mean"] is Double)
        let queues = try #require(json["queues"] as? [String: Any])
        #expect(queues["counters"] is [String: Any])
        let run = try #require(json["run"] as? [String: Any])
        #expect(run["replications"] as? Int == 3)
        #expect((run["settings"] as? [String: String])?["arrivals"] == "20000")
    }

    @Test func threadCountNeverChangesTheNumbers() throws {
        let arguments = ["simulate", "Simulations/validation/mm1.yaml", "--arrivals", "20000", "--replications", "4"]
        let one = try AntreanProcess.run(arguments + ["--threads", "1", "--format", "json"])
        let three = try AntreanProcess.run(arguments + ["--threads", "3", "--format", "json"])
        #expect(one.status == 0)
        #expect(one.standardOutput == three.standardOutput)
        let otherSeed = try AntreanProcess.run(arguments + ["--seed", "2", "--format", "json"])
        #expect(otherSeed.standardOutput != one.standardOutput)
    }

    @Test func durationOverridesTheRunLength() throws {
        let json = try Self.json(["Simulations/validation/md1.yaml", "--duration", "2d", "--replications", "2"])
        let settings = (json["run"] as? [String: Any])?["settings"] as? [String: String]
        #expect(settings?["duration_minutes"] == "2880.0")
        #expect(settings?["arrivals"] == nil)
    }

    @Test func csvHasAHeaderAndTheWaitRow() throws {
        let result = try AntreanProcess.run([
            "simulate", "Simulations/validation/mm1.yaml", "--arrivals", "5000", "--replications", "2", "--format",
            "csv",
        ])
        #expect(result.standardOutput.hasPrefix("metric,mean,ci95_low,ci95_high,sd,replications,theory\n"))
        #expect(result.standardOutput.contains("\noverall.wait_minutes,"))
    }

    @Test func badOptionsAreRefusedWithAReason() throws {
        let result = try AntreanProcess.run([
            "simulate", "Simulations/validation/mm1.yaml", "--duration", "eight hours",
        ])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--duration"))
    }
}
