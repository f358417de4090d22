public import AntreanEngine

/// Runs replications in parallel and returns them in replication order, so the numbers never depend
/// on the thread count (the engine's `Replications.run`, with the model's errors carried through).
public enum ReplicationRunner {
    /// Replications `range` of `model` under `seed`, on up to `threads` threads.
    /// `progress` is called once per finished replication with the number finished so far.
    public static func run(
        _ model: some SimulationModel, replications range: Range<Int>, seed: UInt64, threads: Int = 1,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [MetricSample] {
        var report: (@Sendable (Int, Int) -> Void)?
        if let progress {
            report = { completed, _ in progress(completed) }
        }
        let outcomes = Replications.run(range.count, threads: threads, progress: report) { offset in
            Result { () throws -> MetricSample in try model.replicate(range.lowerBound + offset, seed: seed) }
        }
        return try outcomes.map { try $0.get() }
    }
}
