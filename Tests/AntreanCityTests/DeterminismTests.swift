import AntreanCity
import AntreanEngine
import Testing

/// A replication's numbers depend only on the model, the seed and the replication number.
@Suite struct DeterminismTests {
    static func simulation() throws -> (CitySimulation, days: Int) {
        let scenario = try CityFixtures.fixture("small-city.yaml")
        return (try CitySimulation(scenario.model), scenario.days)
    }

    @Test func sameSeedGivesIdenticalSamples() throws {
        let (simulation, days) = try Self.simulation()
        let first = simulation.run(days: days, seed: 42, replication: 3)
        let second = simulation.run(days: days, seed: 42, replication: 3)
        #expect(first.values.count > 100)
        #expect(first.exactValues == second.exactValues)
    }

    @Test func threadCountNeverChangesTheNumbers() throws {
        let (simulation, days) = try Self.simulation()
        let one = simulation.runReplications(4, days: days, seed: 42, threads: 1)
        let two = simulation.runReplications(4, days: days, seed: 42, threads: 2)
        #expect(one.map(\.exactValues) == two.map(\.exactValues))
        // Replication order is kept, and replications differ from each other.
        #expect(one[2].exactValues == simulation.run(days: days, seed: 42, replication: 2).exactValues)
        #expect(one[0].exactValues != one[1].exactValues)
    }

    @Test func differentSeedGivesDifferentNumbers() throws {
        let (simulation, days) = try Self.simulation()
        let a = simulation.run(days: days, seed: 42, replication: 0)
        let b = simulation.run(days: days, seed: 43, replication: 0)
        #expect(a.exactValues != b.exactValues)
        #expect(
            a["overall.generated"] != b["overall.generated"] || a["overall.wait_minutes"] != b["overall.wait_minutes"])
    }
}

extension DeterminismTests {
    /// The CLI's streaming summary (each replication folded in as it finishes) gives the summaries of
    /// all samples kept and summarised at the end, to the bit, on any number of threads.
    @Test func streamingSummaryEqualsTheSummaryOfAllSamples() throws {
        let (simulation, days) = try Self.simulation()
        let samples = simulation.runReplications(5, days: days, seed: 8, threads: 1)
        let kept = MetricSample.summarize(samples)
        for threads in [1, 2] {
            let streamed = simulation.summarizeReplications(5, days: days, seed: 8, threads: threads)
            #expect(streamed.replications == 5)
            let summaries = streamed.summaries
            #expect(summaries.count == kept.count && summaries.count > 100)
            for (key, summary) in kept {
                let other = summaries[key]
                #expect(
                    other.map { [$0.mean, $0.standardDeviation, $0.halfWidth95].map(\.bitPattern) }
                        == [summary.mean, summary.standardDeviation, summary.halfWidth95].map(\.bitPattern), "\(key)")
            }
        }
    }
}
