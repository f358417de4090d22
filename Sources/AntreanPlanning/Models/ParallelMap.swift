import Foundation

/// `(0..<count).map(body)` on up to `threads` threads, results in index order: the output never
/// depends on the thread count. The first error (by index) is rethrown.
func orderedParallelMap<T: Sendable>(
    count: Int, threads: Int, _ body: @Sendable (Int) throws -> T
) throws -> [T] {
    let slots = OrderedSlots<T>(count: count)
    let workers = max(1, min(threads, count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < count {
            slots.store(Result { try body(index) }, at: index)
            index += workers
        }
    }
    return try slots.collect()
}

/// Result slots filled from several threads under a lock.
private final class OrderedSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<T, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<T, any Error>, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    func collect() throws -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { try $0!.get() }
    }
}

/// A counter shared by worker threads, for progress reports.
final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
