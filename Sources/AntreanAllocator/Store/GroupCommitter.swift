import Synchronization

/// Batches the changes of concurrent operations into one store transaction (group commit), and releases
/// each waiting caller only once everything up to its operation is durable.
///
/// Leader/follower scheme (as in database write-ahead logs): the first waiter that finds no write in
/// progress becomes the writer, commits all pending changes in one transaction, wakes every waiter
/// covered, and repeats while changes keep arriving; the others just wait. One fsync then acknowledges
/// many operations.
final class GroupCommitter: Sendable {
    private struct Waiter {
        var sequence: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [BookingRecord] = []
        var enqueued: UInt64 = 0
        var durable: UInt64 = 0
        var writing = false
        var waiters: [Waiter] = []
        var failure: StoreFailure?
    }

    private enum Next {
        case done
        case failed(StoreFailure)
        case follow
        case lead([BookingRecord], UInt64)
    }

    private let state = Mutex(State())
    let store: any AllocatorStore

    init(store: any AllocatorStore) { self.store = store }

    /// Queues changes; returns their sequence number. Call while holding the allocator's lock so the
    /// queue order is the order in which the core applied the operations.
    func enqueue(_ records: [BookingRecord]) -> UInt64 {
        state.withLock { state in
            if !records.isEmpty {
                state.pending += records
                state.enqueued += 1
            }
            return state.enqueued
        }
    }

    /// Returns once every change up to `sequence` is durable; throws if the store failed.
    func waitUntilDurable(_ sequence: UInt64) async throws {
        if state.withLock({ $0.durable >= sequence }) { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let next = state.withLock { state -> Next in
                if state.durable >= sequence { return .done }
                if let failure = state.failure { return .failed(failure) }
                state.waiters.append(Waiter(sequence: sequence, continuation: continuation))
                if state.writing { return .follow }
                state.writing = true
                let batch = state.pending
                state.pending = []
                return .lead(batch, state.enqueued)
            }
            switch next {
            case .done: continuation.resume()
            case .failed(let failure): continuation.resume(throwing: failure)
            case .follow: break
            case .lead(let batch, let upTo): write(batch, upTo: upTo)
            }
        }
    }

    /// Synchronous variant for callers outside Swift concurrency (e.g. a command-line loop): commits
    /// everything pending now on the calling thread.
    func flushSynchronously() throws {
        while true {
            let work = try state.withLock { state throws(StoreFailure) -> ([BookingRecord], UInt64)? in
                if let failure = state.failure { throw failure }
                guard !state.writing, !state.pending.isEmpty else { return nil }
                state.writing = true
                let batch = state.pending
                state.pending = []
                return (batch, state.enqueued)
            }
            guard let work else { return }
            write(work.0, upTo: work.1)
        }
    }

    private func write(_ first: [BookingRecord], upTo firstSequence: UInt64) {
        var batch = first
        var upTo = firstSequence
        while true {
            do {
                if !batch.isEmpty { try store.commit(batch) }
            } catch {
                let failure = StoreFailure(message: "\(error)")
                let waiting = state.withLock { state -> [Waiter] in
                    state.failure = failure
                    state.writing = false
                    defer { state.waiters = [] }
                    return state.waiters
                }
                for waiter in waiting { waiter.continuation.resume(throwing: failure) }
                return
            }
            let (ready, more) = state.withLock { state -> ([Waiter], ([BookingRecord], UInt64)?) in
                state.durable = upTo
                let ready = state.waiters.filter { $0.sequence <= upTo }
                state.waiters.removeAll { $0.sequence <= upTo }
                guard !state.pending.isEmpty || !state.waiters.isEmpty else {
                    state.writing = false
                    return (ready, nil)
                }
                let batch = state.pending
                state.pending = []
                return (ready, (batch, state.enqueued))
            }
            for waiter in ready { waiter.continuation.resume() }
            guard let more else { return }
            (batch, upTo) = more
        }
    }
}

/// The store failed to make changes durable; the allocator refuses further work (its memory may be
/// ahead of the disk) until reopened.
public struct StoreFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "store failure: \(message)" }
}
