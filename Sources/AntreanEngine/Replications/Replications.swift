import Foundation

/// Runs independent replications of a model in parallel.
///
/// Replication i is computed by `body(i)` alone (a model seeds its streams from the replication
/// number, see `RandomStream(seed:replication:purpose:)`), and results come back in replication
/// order, so the numbers never depend on the thread count or on scheduling.
public enum Replications {
    /// Runs `body(0) … body(count − 1)` on `threads` worker threads (at least 1) and returns the
    /// results in replication order. `progress(completed, total)` is called after each replication,
    /// one call at a time, with `completed` increasing.
    public static func run<Result: Sendable>(
        _ count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int, Int) -> Void)? = nil,
        _ body: @Sendable (Int) -> Result
    ) -> [Result] {
        precondition(count >= 0, "replication count must not be negative")
        if count == 0 { return [] }
        let workers = max(1, min(threads, count))
        let board = ResultBoard<Result>(count: count)
        withoutActuallyEscaping(body) { body in
            let work: @Sendable (Int) -> Void = { _ in
                while let replication = board.claim() {
                    let result = body(replication)
                    let completed = board.store(result, at: replication)
                    progress?(completed, count)
                    board.finishedReporting()
                }
            }
            if workers == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workers, execute: work)
            }
        }
        return board.results()
    }
}

/// Shared state of one `Replications.run`: the next replication to hand out and the results.
private final class ResultBoard<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    /// Serialises progress callbacks so they arrive in increasing order.
    private let reportLock = NSLock()
    private var nextReplication = 0
    private var completed = 0
    private var slots: [Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextReplication < slots.count else { return nil }
        nextReplication += 1
        return nextReplication - 1
    }

    /// Stores a result and returns how many are complete; holds the report lock until
    /// `finishedReporting()`.
    func store(_ result: Result, at index: Int) -> Int {
        reportLock.lock()
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        completed += 1
        return completed
    }

    func finishedReporting() { reportLock.unlock() }

    func results() -> [Result] { slots.map { $0! } }
}
