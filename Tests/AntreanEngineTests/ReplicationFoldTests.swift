import AntreanEngine
import Testing

/// `Replications.fold` must combine results in replication order whichever thread finishes first, and
/// `MetricAccumulator` must give the summaries `MetricSummary(observations:)` gives per metric.
@Suite struct ReplicationFoldTests {
    @Test(arguments: [1, 2, 4])
    func combinesInReplicationOrderWhenLaterReplicationsFinishFirst(threads: Int) {
        // Replication 0 works a hundred times longer, so on several threads the others finish first.
        let work: @Sendable (Int) -> Int = { replication in
            var stream = RandomStream(seed: 9, replication: replication, purpose: "spin")
            var sink: UInt64 = 0
            for _ in 0..<(replication == 0 ? 2_000_000 : 20_000) { sink ^= stream.next() }
            return replication + Int(sink & 0)
        }
        var order: [Int] = []
        Replications.fold(12, threads: threads, into: &order, work) { $0.append($1) }
        #expect(order == Array(0..<12))
        #expect(Replications.run(12, threads: threads, work) == Array(0..<12))
    }

    @Test func accumulatorMatchesSummariesOfTheObservations() {
        var stream = RandomStream(seed: 4, replication: 0, purpose: "samples")
        var samples: [MetricSample] = []
        for replication in 0..<9 {
            var sample = MetricSample()
            sample["wait"] = stream.nextUniform() * 30
            sample["served"] = Double(replication * 7 % 5)
            // Missing from some replications: summarised over the others.
            if replication % 3 != 0 { sample["overtime"] = stream.nextUniform() }
            samples.append(sample)
        }
        var accumulator = MetricAccumulator()
        for sample in samples { accumulator.add(sample) }
        #expect(accumulator.replications == 9)
        let summaries = accumulator.summaries
        #expect(Set(summaries.keys) == ["wait", "served", "overtime"])
        for key in ["wait", "served", "overtime"] {
            let expected = MetricSummary(observations: samples.compactMap { $0[key] })
            #expect(summaries[key] == expected, "\(key)")
        }
        #expect(summaries["overtime"]?.replications == 6)
        #expect(MetricSample.summarize(samples) == summaries)
    }
}
