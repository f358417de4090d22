import Foundation

/// Runs independent replications of a model in parallel.
///
/// Replication i is computed by `body(i)` alone (a model seeds its streams from the replication
/// number, see `RandomStream(seed:replication:purpose:)`), and results are taken in replication
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
        var results: [Result] = []
        results.reserveCapacity(max(0, count))
        fold(count, threads: threads, progress: progress, into: &results, body) { $0.append($1) }
        return results
    }

    /// Runs `body(0) … body(count − 1)` as `run` does and hands each result to `combine` in
    /// replication order as soon as the results before it are in: only results that finish early
    /// wait (about one per extra thread), so a summary of many large results needs the memory of a
    /// few. `combine` runs one call at a time; the outcome is the same for any thread count.
    public static func fold<Result: Sendable, Accumulator: Sendable>(
        _ count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int, Int) -> Void)? = nil, into accumulator: inout Accumulator,
        _ body: @Sendable (Int) -> Result, combine: @Sendable (inout Accumulator, Result) -> Void
    ) {
        precondition(count >= 0, "replication count must not be negative")
        if count == 0 { return }
        let workers = max(1, min(threads, count))
        let board = FoldBoard<Result, Accumulator>(count: count, accumulator: accumulator)
        withoutActuallyEscaping(body) { body in
            withoutActuallyEscaping(combine) { combine in
                let work: @Sendable (Int) -> Void = { _ in
                    while let replication = board.claim() {
                        let result = body(replication)
                        let completed = board.store(result, at: replication, combine: combine)
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
        }
        accumulator = board.finished()
    }
}

/// Shared state of one `Replications.fold`: the next replication to hand out, results that came in
/// ahead of their turn, and the accumulator.
private final class FoldBoard<Result: Sendable, Accumulator: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    /// Serialises progress callbacks so they arrive in increasing order.
    private let reportLock = NSLock()
    private let count: Int
    private var nextReplication = 0
    private var nextToCombine = 0
    private var completed = 0
    private var early: [Int: Result] = [:]
    private var accumulator: Accumulator

    init(count: Int, accumulator: Accumulator) {
        self.count = count
        self.accumulator = accumulator
    }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextReplication < count else { return nil }
        nextReplication += 1
        return nextReplication - 1
    }

    /// Takes a result, combines every result whose turn has come, and returns how many are complete;
    /// holds the report lock until `finishedReporting()`.
    func store(_ result: Result, at index: Int, combine: (inout Accumulator, Result) -> Void) -> Int {
        reportLock.lock()
        lock.lock()
        defer { lock.unlock() }
        early[index] = result
        while let next = early.removeValue(forKey: nextToCombine) {
            combine(&accumulator, next)
            nextToCombine += 1
        }
        completed += 1
        return completed
    }

    func finishedReporting() { reportLock.unlock() }

    func finished() -> Accumulator {
        precondition(nextToCombine == count && early.isEmpty, "a replication was not combined")
        return accumulator
    }
}
