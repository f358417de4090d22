public import AntreanEngine

/// Runs replications in parallel and returns them in replication order, so the numbers never depend
/// on the thread count.
public enum ReplicationRunner {
    /// Replications `range` of `model` under `seed`, on up to `threads` threads.
    /// `progress` is called once per finished replication with the number finished so far.
    public static func run(
        _ model: some SimulationModel, replications range: Range<Int>, seed: UInt64, threads: Int = 1,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [MetricSample] {
        let finished = SharedCounter()
        return try orderedParallelMap(count: range.count, threads: threads) { offset in
            let sample = try model.replicate(range.lowerBound + offset, seed: seed)
            let done = finished.increment()
            progress?(done)
            return sample
        }
    }
}
