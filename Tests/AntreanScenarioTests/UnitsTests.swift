import AntreanEngine
import AntreanScenario
import Testing

@Suite("Units and distributions as planners write them")
struct UnitsTests {
    static func node(_ text: String) -> ScenarioNode {
        ScenarioNode(.scalar(text, SourceLocation(file: "units.yaml", line: 3, column: 9)), path: "x")
    }

    @Test(arguments: [
        ("90s", 1.5), ("15m", 15.0), ("1h30m", 90.0), ("8h", 480.0), ("30d", 43_200.0), ("2w", 20_160.0),
        ("0", 0.0), ("2.5 min", 2.5),
    ])
    func durations(text: String, minutes: Double) throws {
        #expect(abs(try Self.node(text).minutes() - minutes) < 1e-12)
    }

    @Test(arguments: ["15", "m", "15 parsecs", "-5m", "1h-30m", ""])
    func badDurations(text: String) {
        #expect(throws: ScenarioError.self) { try Self.node(text).minutes() }
    }

    @Test func negativeDurationWhereAllowed() throws {
        #expect(try Self.node("-5m").minutes(allowNegative: true) == -5)
    }

    @Test(arguments: [("4.5/min", 4.5), ("270/h", 4.5), ("2/s", 120.0), ("0.1/min", 0.1)])
    func rates(text: String, perMinute: Double) throws {
        #expect(abs(try Self.node(text).ratePerMinute() - perMinute) < 1e-12)
    }

    @Test(arguments: [("60%", 0.6), ("0.25", 0.25), ("100%", 1.0)])
    func shares(text: String, value: Double) throws {
        #expect(abs(try Self.node(text).share() - value) < 1e-12)
    }

    @Test func sharesAboveOneAreRefused() {
        #expect(throws: ScenarioError.self) { try Self.node("120%").share() }
    }

    @Test func clockTimes() throws {
        #expect(try Self.node("08:30").clockMinutes() == 510)
        #expect(try Self.node("08:00-16:00").clockRange() == 480...960)
        #expect(throws: ScenarioError.self) { try Self.node("16:00-08:00").clockRange() }
        #expect(throws: ScenarioError.self) { try Self.node("8am").clockMinutes() }
    }

    @Test(arguments: [
        ("exponential(mean=5m)", Distribution.exponential(mean: 5)),
        ("exp(5m)", .exponential(mean: 5)),
        ("exponential(rate=2/min)", .exponential(mean: 0.5)),
        ("deterministic(90s)", .deterministic(1.5)),
        ("uniform(low=1m, high=3m)", .uniform(low: 1, high: 3)),
        ("normal(mean=-2m, sd=5m)", .normal(mean: -2, sd: 5)),
        ("truncated_normal(10m, 3m, 2m, 30m)", .truncatedNormal(mean: 10, sd: 3, low: 2, high: 30)),
        ("lognormal(mean=12m, sd=6m)", .lognormal(mean: 12, sd: 6)),
        ("gamma(shape=2, scale=3m)", .gamma(shape: 2, scale: 3)),
        ("gamma(mean=6m, sd=3m)", .gamma(shape: 4, scale: 1.5)),
        ("erlang(k=3, mean=9m)", .erlang(k: 3, mean: 9)),
        ("weibull(shape=1.5, scale=10m)", .weibull(shape: 1.5, scale: 10)),
    ])
    func distributionCalls(text: String, expected: Distribution) throws {
        #expect(try Self.node(text).distribution() == expected)
    }

    @Test func distributionMappings() throws {
        let document = try ScenarioDocument.parse(
            yaml: """
                a: { type: lognormal, mean: 12m, sd: 6m }
                b: { type: empirical, samples: [4m, 6m, 7m30s] }
                c: { type: histogram, edges: [0m, 5m, 10m], weights: [1, 3] }
                d: { type: histogram, edges: [0m, 5m], weights: [1, 3] }
                """)
        let fields = try document.node.fields(["a", "b", "c", "d"])
        #expect(try fields.required("a").distribution() == .lognormal(mean: 12, sd: 6))
        #expect(try fields.required("b").distribution() == .empirical(EmpiricalDistribution(samples: [4, 6, 7.5])))
        #expect(
            try fields.required("c").distribution()
                == .empirical(EmpiricalDistribution(edges: [0, 5, 10], weights: [1, 3])))
        #expect {
            try fields.required("d").distribution()
        } throws: { error in
            let error = error as! ScenarioError
            return error.line == 4 && error.field == "d" && error.message.contains("one more edge")
        }
    }

    @Test func wrongParameterSetListsTheAcceptedOnes() {
        #expect {
            try Self.node("gamma(mean=3m)").distribution()
        } throws: { error in
            let error = error as! ScenarioError
            return error.message.contains("gamma(shape, scale) or gamma(mean, sd)") && error.line == 3
        }
    }
}
