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
///
/// With a `DeferredSyncStore` that defers its sync the commit is pipelined: the writer queue only writes
/// (`commit`), a second serial queue syncs, and a batch is acknowledged once a sync that began after its
/// write returned has completed. The writer goes on writing while the previous batches sync, so a
/// request no longer waits for a whole write+fsync before its own write can start.
final class GroupCommitter: Sendable {
    private struct Waiter {
        var sequence: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [BookingRecord] = []
        var enqueued: UInt64 = 0
        /// Written by `commit`: survives a process crash (with a deferred sync, not yet a power loss).
        var written: UInt64 = 0
        var durable: UInt64 = 0
        var writerScheduled = false
        var syncScheduled = false
        var waiters: [Waiter] = []
        var failure: StoreFailure?
        var transactions = 0
        var batchedOperations = 0
    }

    private let state = Mutex(State())
    private let writer = DispatchQueue(label: "antrean.allocator.group-commit")
    private let syncer = DispatchQueue(label: "antrean.allocator.group-sync")
    let store: any AllocatorStore
    /// The store when it defers its sync to `sync()`; nil when `commit` is already fully durable.
    private let deferredSync: (any DeferredSyncStore)?

    init(store: any AllocatorStore) {
        self.store = store
        deferredSync = (store as? any DeferredSyncStore).flatMap { $0.defersSync ? $0 : nil }
    }

    /// Store transactions so far, and the operations with changes they made durable.
    var statistics: (transactions: Int, operations: Int) {
        state.withLock { ($0.transactions, $0.batchedOperations) }
    }

    /// The number of change batches queued so far: it grows with every operation that changed a record.
    var enqueuedSequence: UInt64 { state.withLock { $0.enqueued } }

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
        if deferredSync != nil { syncer.sync { syncUntilCaughtUp() } }
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
                fail(error)
                return
            }
            let (ready, startSync) = state.withLock { state -> ([Waiter], Bool) in
                state.transactions += 1
                state.batchedOperations += Int(upTo - state.written)
                state.written = upTo
                guard deferredSync != nil else { return (Self.acknowledge(upTo: upTo, in: &state), false) }
                defer { state.syncScheduled = true }
                return ([], !state.syncScheduled)
            }
            for waiter in ready { waiter.continuation.resume() }
            if startSync { syncer.async { self.syncUntilCaughtUp() } }
        }
    }

    /// Runs on the sync queue: syncs until every written batch is durable. The target is read before the
    /// sync begins, so it covers only batches whose `commit` had returned by then.
    private func syncUntilCaughtUp() {
        guard let deferredSync else { return }
        while true {
            let target = state.withLock { state -> UInt64? in
                guard state.failure == nil, state.written > state.durable else {
                    state.syncScheduled = false
                    return nil
                }
                return state.written
            }
            guard let target else { return }
            do {
                try deferredSync.sync()
            } catch {
                fail(error)
                return
            }
            let ready = state.withLock { Self.acknowledge(upTo: target, in: &$0) }
            for waiter in ready { waiter.continuation.resume() }
        }
    }

    /// Marks everything up to `sequence` durable and returns the waiters that may now be resumed.
    private static func acknowledge(upTo sequence: UInt64, in state: inout State) -> [Waiter] {
        state.durable = sequence
        let ready = state.waiters.filter { $0.sequence <= sequence }
        state.waiters.removeAll { $0.sequence <= sequence }
        return ready
    }

    /// Records a store failure and fails every waiter; nothing more is written or acknowledged.
    private func fail(_ error: any Error) {
        let failure = StoreFailure(message: "\(error)")
        let waiting = state.withLock { state -> [Waiter] in
            state.failure = failure
            state.writerScheduled = false
            state.syncScheduled = false
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiting { waiter.continuation.resume(throwing: failure) }
    }
}

/// The store failed to make changes durable; the allocator refuses further work (its memory may be
/// ahead of the disk) until reopened.
public struct StoreFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String {
        "store failure: \(message) (nothing after the last acknowledged operation is acknowledged;"
            + " this allocator refuses further work: reopen the store once the fault is cleared)"
    }
}
