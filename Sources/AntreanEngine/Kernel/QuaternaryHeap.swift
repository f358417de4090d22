/// An implicit 4-ary min-heap of scheduled events, the pending-event set of `Simulation`.
///
/// Children of node i are 4i+1 … 4i+4. Against a binary heap it halves the tree height, so a
/// removal follows half as many dependent loads, at the price of three comparisons per level
/// instead of one, done without branches (Johnson 1975, "Priority queues with update and finding
/// minimum spanning trees"; LaMarca & Ladner 1996 on the cache effect). Keys (time, sequence) and
/// payloads live in two parallel arrays, so the comparisons of a level read one or two cache lines
/// of 16-byte keys whatever the payload's size. `docs/engine.md` has the measurements that made it
/// the winner here. Insert and remove-first are O(log₄ n); the arrays only grow, so the steady
/// state allocates nothing.
public struct QuaternaryHeap<Event>: PendingEventSet {
    @usableFromInline var keys: ContiguousArray<EventKey> = []
    @usableFromInline var events: ContiguousArray<Event> = []

    @inlinable
    public init(minimumCapacity: Int = 0) {
        keys.reserveCapacity(minimumCapacity)
        events.reserveCapacity(minimumCapacity)
    }

    @inlinable public var count: Int { keys.count }
    @inlinable public var isEmpty: Bool { keys.isEmpty }

    @inlinable public var first: ScheduledEvent<Event>? {
        guard let key = keys.first else { return nil }
        return ScheduledEvent(time: key.time, sequence: key.sequence, event: events[0])
    }

    @inlinable
    public mutating func insert(_ entry: ScheduledEvent<Event>) {
        let key = EventKey(time: entry.time, sequence: entry.sequence)
        keys.append(key)
        events.append(entry.event)
        let last = keys.count - 1
        keys.withUnsafeMutableBufferPointer { keys in
            events.withUnsafeMutableBufferPointer { events in
                var hole = last
                while hole > 0 {
                    let parent = (hole &- 1) >> 2
                    guard key.precedesBit(keys[parent]) != 0 else { break }
                    keys[hole] = keys[parent]
                    events[hole] = events[parent]
                    hole = parent
                }
                keys[hole] = key
                events[hole] = entry.event
            }
        }
    }

    @inlinable
    public mutating func removeFirst() -> ScheduledEvent<Event>? {
        guard let lastKey = keys.popLast() else { return nil }
        let lastEvent = events.removeLast()
        let last = ScheduledEvent(time: lastKey.time, sequence: lastKey.sequence, event: lastEvent)
        if keys.isEmpty { return last }
        return replaceFirst(with: last)
    }

    /// Removes the first entry and inserts `entry` in one pass (one sift-down instead of a
    /// sift-down and a sift-up): what a simulation does when an event schedules the next one.
    /// The heap must not be empty.
    @inlinable
    public mutating func replaceFirst(with entry: ScheduledEvent<Event>) -> ScheduledEvent<Event> {
        let key = EventKey(time: entry.time, sequence: entry.sequence)
        return keys.withUnsafeMutableBufferPointer { keys in
            events.withUnsafeMutableBufferPointer { events in
                let top = ScheduledEvent(time: keys[0].time, sequence: keys[0].sequence, event: events[0])
                let count = keys.count
                var hole = 0
                while true {
                    let first = 4 &* hole &+ 1
                    var best: Int
                    if first &+ 3 < count {
                        // A two-round tournament; flag arithmetic keeps it free of branches.
                        let left = first &+ keys[first &+ 1].precedesBit(keys[first])
                        let right = first &+ 2 &+ keys[first &+ 3].precedesBit(keys[first &+ 2])
                        best = left &+ (right &- left) &* keys[right].precedesBit(keys[left])
                    } else {
                        if first >= count { break }
                        best = first
                        var child = first &+ 1
                        while child < count {
                            if keys[child].precedesBit(keys[best]) != 0 { best = child }
                            child &+= 1
                        }
                    }
                    guard keys[best].precedesBit(key) != 0 else { break }
                    keys[hole] = keys[best]
                    events[hole] = events[best]
                    hole = best
                }
                keys[hole] = key
                events[hole] = entry.event
                return top
            }
        }
    }
}

extension QuaternaryHeap: Sendable where Event: Sendable {}

/// The ordering key of a scheduled event: time, then schedule order.
@usableFromInline
struct EventKey: Sendable {
    @usableFromInline var time: Double
    @usableFromInline var sequence: UInt64

    @inlinable init(time: Double, sequence: UInt64) {
        self.time = time
        self.sequence = sequence
    }

    /// 1 if `self` comes first, else 0, computed without branches.
    @inlinable @inline(__always)
    func precedesBit(_ other: EventKey) -> Int {
        let earlier = time < other.time ? 1 : 0
        let tie = time == other.time ? 1 : 0
        let scheduledBefore = sequence < other.sequence ? 1 : 0
        return earlier | (tie & scheduledBefore)
    }
}
