/// An implicit 4-ary min-heap of scheduled events, the pending-event set of `Simulation`.
///
/// Children of node i are 4i+1 … 4i+4. Against a binary heap it halves the tree height, so a
/// removal touches about half as many cache lines, at the price of three comparisons per level
/// instead of one (Johnson 1975, "Priority queues with update and finding minimum spanning trees";
/// LaMarca & Ladner 1996 measured the cache effect). `docs/engine.md` has the measurements that made
/// it the winner here. Insert and remove-first are O(log₄ n); storage is one contiguous array that
/// only grows, so the steady state allocates nothing.
public struct QuaternaryHeap<Event>: PendingEventSet {
    @usableFromInline var storage: ContiguousArray<ScheduledEvent<Event>>

    @inlinable
    public init(minimumCapacity: Int = 0) {
        storage = []
        storage.reserveCapacity(minimumCapacity)
    }

    @inlinable public var count: Int { storage.count }
    @inlinable public var isEmpty: Bool { storage.isEmpty }
    @inlinable public var first: ScheduledEvent<Event>? { storage.first }

    @inlinable @inline(__always)
    public mutating func insert(_ entry: ScheduledEvent<Event>) {
        storage.append(entry)
        storage.withUnsafeMutableBufferPointer { heap in
            var hole = heap.count - 1
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard entry.precedes(heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = entry
        }
    }

    @inlinable
    public mutating func removeFirst() -> ScheduledEvent<Event>? {
        guard let last = storage.popLast() else { return nil }
        if storage.isEmpty { return last }
        return storage.withUnsafeMutableBufferPointer { heap in
            let top = heap[0]
            Self.siftDown(last, in: heap)
            return top
        }
    }

    /// Removes the first entry and inserts `entry` in one pass (one sift-down instead of a
    /// sift-down and a sift-up): what a simulation does when an event schedules the next one.
    /// The heap must not be empty.
    @inlinable @inline(__always)
    public mutating func replaceFirst(with entry: ScheduledEvent<Event>) -> ScheduledEvent<Event> {
        storage.withUnsafeMutableBufferPointer { heap in
            let top = heap[0]
            Self.siftDown(entry, in: heap)
            return top
        }
    }

    /// Places `entry` into the hole at the root and lets it sink to its place. The smallest of up
    /// to four children is found by a two-round tournament, which the compiler turns into
    /// conditional moves rather than unpredictable branches.
    @inlinable @inline(__always)
    static func siftDown(_ entry: ScheduledEvent<Event>, in heap: UnsafeMutableBufferPointer<ScheduledEvent<Event>>) {
        let count = heap.count
        var hole = 0
        while true {
            let first = 4 &* hole &+ 1
            var best: Int
            if first &+ 3 < count {
                let left = first &+ heap[first &+ 1].precedesBit(heap[first])
                let right = first &+ 2 &+ heap[first &+ 3].precedesBit(heap[first &+ 2])
                let rightWins = heap[right].precedesBit(heap[left])
                best = left &+ (right &- left) &* rightWins
            } else {
                if first >= count { break }
                best = first
                var child = first &+ 1
                while child < count {
                    if heap[child].precedes(heap[best]) { best = child }
                    child &+= 1
                }
            }
            guard heap[best].precedes(entry) else { break }
            heap[hole] = heap[best]
            hole = best
        }
        heap[hole] = entry
    }
}

extension QuaternaryHeap: Sendable where Event: Sendable {}
