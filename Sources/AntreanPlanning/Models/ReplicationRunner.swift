public import AntreanEngine
import Foundation

/// Runs replications in parallel and returns them in replication order, so the numbers never depend
/// on the thread count.
public enum ReplicationRunner {
    /// Replications `range` of `model` under `seed`, on up to `threads` threads.
    /// `progress` is called once per finished replication with the number finished so far.
    public static func run(
        _ model: some SimulationModel, replications range: Range<Int>, seed: UInt64, threads: Int = 1,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> [MetricSample] {
        let results = ResultSlots(count: range.count)
        let indices = Array(range)
        let workers = max(1, min(threads, indices.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var position = worker
            while position < indices.count {
                let outcome = Result { try model.replicate(indices[position], seed: seed) }
                let finished = results.store(outcome, at: position)
                progress?(finished)
                position += workers
            }
        }
        return try results.collect()
    }
}

/// Slots filled from several threads under a lock.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<MetricSample, any Error>?]
    private var finished = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<MetricSample, any Error>, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        finished += 1
        return finished
    }

    func collect() throws -> [MetricSample] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { try $0!.get() }
    }
}
