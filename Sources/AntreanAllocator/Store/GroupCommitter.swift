import Dispatch
import Synchronization

/// Batches the changes of concurrent operations into one store transaction (group commit), and releases
/// each waiting caller only once everything up to its operation is durable.
///
/// A dedicated serial writer queue (outside Swift's cooperative thread pool, so a blocking fsync never
/// starves the tasks that are producing work) drains everything queued so far into one transaction,
/// wakes the callers it covered, and repeats while work keeps arriving. While one transaction is being
/// written the next batch accumulates, so one fsync acknowledges many operations — the classic group
/// commit of database write-ahead logs.
final class GroupCommitter: Sendable {
    private struct Waiter {
        var sequence: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [BookingRecord] = []
        var enqueued: UInt64 = 0
        var durable: UInt64 = 0
        var writerScheduled = false
        var waiters: [Waiter] = []
        var failure: StoreFailure?
        var transactions = 0
        var batchedOperations = 0
    }

    private let state = Mutex(State())
    private let writer = DispatchQueue(label: "antrean.allocator.group-commit")
    let store: any AllocatorStore

    init(store: any AllocatorStore) { self.store = store }

    /// Store transactions so far, and the operations with changes they made durable.
    var statistics: (transactions: Int, operations: Int) {
        state.withLock { ($0.transactions, $0.batchedOperations) }
    }

    /// Queues changes and returns the sequence number to wait for (the latest queued, even when `records`
    /// is empty, so a refusal waits for the changes it may have observed). Call while holding the
    /// allocator's lock so the queue order is the order in which the core applied the operations.
    func enqueue(_ records: [BookingRecord]) -> UInt64 {
        let (sequence, schedule) = state.withLock { state -> (UInt64, Bool) in
            guard !records.isEmpty else { return (state.enqueued, false) }
            state.pending += records
            state.enqueued += 1
            let schedule = !state.writerScheduled
            state.writerScheduled = true
            return (state.enqueued, schedule)
        }
        if schedule { writer.async { self.drain() } }
        return sequence
    }

    /// Returns once every change up to `sequence` is durable; throws if the store failed.
    func waitUntilDurable(_ sequence: UInt64) async throws {
        if try state.withLock({ state throws(StoreFailure) -> Bool in
            if let failure = state.failure { throw failure }
            return state.durable >= sequence
        }) {
            return
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome = state.withLock { state -> Result<Bool, StoreFailure> in
                if let failure = state.failure { return .failure(failure) }
                if state.durable >= sequence { return .success(true) }
                state.waiters.append(Waiter(sequence: sequence, continuation: continuation))
                return .success(false)
            }
            switch outcome {
            case .success(true): continuation.resume()
            case .success(false): break
            case .failure(let failure): continuation.resume(throwing: failure)
            }
        }
    }

    /// For callers outside Swift concurrency: returns once everything queued so far is durable.
    func flushSynchronously() throws {
        writer.sync { drain() }
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// Runs on the writer queue: commits batches until nothing is pending.
    private func drain() {
        while true {
            let work = state.withLock { state -> ([BookingRecord], UInt64)? in
                guard state.failure == nil, !state.pending.isEmpty else {
                    state.writerScheduled = false
                    return nil
                }
                let batch = state.pending
                state.pending = []
                return (batch, state.enqueued)
            }
            guard let (batch, upTo) = work else { return }
            do {
                try store.commit(batch)
            } catch {
                let failure = StoreFailure(message: "\(error)")
                let waiting = state.withLock { state -> [Waiter] in
                    state.failure = failure
                    state.writerScheduled = false
                    defer { state.waiters = [] }
                    return state.waiters
                }
                for waiter in waiting { waiter.continuation.resume(throwing: failure) }
                return
            }
            let ready = state.withLock { state -> [Waiter] in
                state.transactions += 1
                state.batchedOperations += Int(upTo - state.durable)
                state.durable = upTo
                let ready = state.waiters.filter { $0.sequence <= upTo }
                state.waiters.removeAll { $0.sequence <= upTo }
                return ready
            }
            for waiter in ready { waiter.continuation.resume() }
        }
    }
}

/// The store failed to make changes durable; the allocator refuses further work (its memory may be
/// ahead of the disk) until reopened.
public struct StoreFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "store failure: \(message)" }
}
