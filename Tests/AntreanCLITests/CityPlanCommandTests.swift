import Foundation
import Testing

/// `antrean plan` on a city scenario: the office that reduces to M/M/c gets the Erlang C count.
@Suite("antrean plan (city)")
struct CityPlanCommandTests {
    /// Fewest servers whose p90 wait is at most `target` minutes in M/M/c, from the Erlang C formula:
    /// P(W > t) = C(c, a) · exp(−(cμ − λ) t).
    static func erlangCServers(lambda: Double, meanService: Double, p90Target: Double) -> Int {
        let mu = 1 / meanService
        let load = lambda * meanService
        var c = Int(load.rounded(.down)) + 1
        while true {
            var sum = 0.0
            var term = 1.0
            for k in 0..<c {
                if k > 0 { term *= load / Double(k) }
                sum += term
            }
            let top = term * load / Double(c) * Double(c) / (Double(c) - load)
            let waitProbability = top / (sum + top)
            if waitProbability * exp(-(Double(c) * mu - lambda) * p90Target) <= 0.1 { return c }
            c += 1
        }
    }

    @Test func planOnTheMM2OfficeMatchesErlangC() throws {
        // The fixture's office: λ = 0.07/min, exponential service with mean 20 min (see its header).
        let expected = Self.erlangCServers(lambda: 0.07, meanService: 20, p90Target: 15)
        #expect(expected == 3)
        let result = try AntreanProcess.run([
            "plan", "Tests/AntreanCityTests/Fixtures/mm2.yaml", "--target", "p90 wait <= 15m", "--replications", "10",
            "--format", "json",
        ])
        try #require(result.status == 0, "\(result.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let counters = try #require(json["counters"] as? [String: Int])
        #expect(counters["solo"] == expected)
    }

    @Test func planOnTheCityGivesEveryOfficeACount() throws {
        let result = try AntreanProcess.run([
            "plan", "Simulations/samarinda.yaml", "--target", "p90 wait <= 20m", "--replications", "2", "--param",
            "run.days=3", "--format", "json",
        ])
        try #require(result.status == 0, "\(result.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let counters = try #require(json["counters"] as? [String: Int])
        #expect(counters.count == 70)
        #expect(counters.values.allSatisfy { $0 >= 1 })
    }
}

extension CityPlanCommandTests {
    @Test func hourBlocksOfAStationaryOfficeAllGetTheErlangCCount() throws {
        let expected = Self.erlangCServers(lambda: 0.07, meanService: 20, p90Target: 15)
        let result = try AntreanProcess.run([
            "plan", "Tests/AntreanCityTests/Fixtures/mm2.yaml", "--target", "p90 wait <= 15m", "--by",
            "office,weekday,hour-block", "--format", "json",
        ])
        try #require(result.status == 0, "\(result.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let counters = try #require(json["counters"] as? [String: [String: Int]])
        // Open round the clock every day: seven weekday units of 24 hours, each at the stationary count.
        #expect(counters.count == 7)
        let monday = try #require(counters["solo.mon"])
        #expect(monday.count == 24)
        #expect(monday.values.allSatisfy { $0 == expected })
    }
}
