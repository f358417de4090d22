/// An implicit binary min-heap of scheduled events (Williams 1964), kept as the baseline that the
/// 4-ary heap is measured against in the hold-model benchmark. O(log₂ n) insert and remove-first.
public struct BinaryHeap<Event>: PendingEventSet {
    @usableFromInline var storage: ContiguousArray<ScheduledEvent<Event>>

    @inlinable
    public init(minimumCapacity: Int = 0) {
        storage = []
        storage.reserveCapacity(minimumCapacity)
    }

    @inlinable public var count: Int { storage.count }
    @inlinable public var first: ScheduledEvent<Event>? { storage.first }

    @inlinable
    public mutating func insert(_ entry: ScheduledEvent<Event>) {
        storage.append(entry)
        storage.withUnsafeMutableBufferPointer { heap in
            var hole = heap.count - 1
            while hole > 0 {
                let parent = (hole - 1) >> 1
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
            let count = heap.count
            var hole = 0
            while true {
                var child = 2 &* hole &+ 1
                if child >= count { break }
                if child &+ 1 < count && heap[child &+ 1].precedes(heap[child]) { child &+= 1 }
                guard heap[child].precedes(last) else { break }
                heap[hole] = heap[child]
                hole = child
            }
            heap[hole] = last
            return top
        }
    }
}

extension BinaryHeap: Sendable where Event: Sendable {}
