/// A calendar queue (Brown 1988, "Calendar queues: a fast O(1) priority queue implementation for
/// the simulation event set problem", CACM 31(10)): events hashed by time into `bucketCount`
/// day-buckets of `width` time units, each a sorted linked list; removal scans forward from the
/// current day. With about one event per bucket both operations are O(1) expected, which suits
/// large pending sets with smooth time increments (the hold model); skewed time distributions
/// degrade it, which is why the kernel keeps the 4-ary heap (see docs/engine.md).
///
/// Nodes live in one array with a free list, so the steady state allocates nothing; the bucket
/// array doubles or halves when the event count leaves [buckets/2, 2·buckets], and the width is
/// re-estimated then from the mean gap between recently removed events. Times must be ≥ 0.
/// Simultaneous events keep schedule order (lists are sorted by time, then sequence).
public struct CalendarQueue<Event>: PendingEventSet {
    @usableFromInline struct Node {
        @usableFromInline var entry: ScheduledEvent<Event>
        @usableFromInline var next: Int32
        @inlinable init(entry: ScheduledEvent<Event>, next: Int32) {
            self.entry = entry
            self.next = next
        }
    }

    @usableFromInline var nodes: ContiguousArray<Node> = []
    @usableFromInline var freeHead: Int32 = -1
    @usableFromInline var heads: ContiguousArray<Int32>
    @usableFromInline var mask: Int
    @usableFromInline var width: Double = 1
    @usableFromInline var inverseWidth: Double = 1
    /// The day (⌊time / width⌋) the scan is at.
    @usableFromInline var currentDay: Int = 0
    @usableFromInline var storedCount = 0
    /// Time of the last removed event and a running mean of the gaps between removals.
    @usableFromInline var lastRemovedTime = 0.0
    @usableFromInline var meanGap = 0.0

    @inlinable
    public init(minimumCapacity: Int = 0) {
        // Start small: each doubling re-estimates the day width from the events present.
        heads = ContiguousArray(repeating: -1, count: 16)
        mask = 15
        nodes.reserveCapacity(minimumCapacity)
    }

    @inlinable public var count: Int { storedCount }

    /// ⌊time / width⌋, clamped so that far-future times cannot overflow `Int`.
    @inlinable
    func day(of time: Double) -> Int { Int(Swift.min(time * inverseWidth, 0x1p62)) }

    @inlinable
    public var first: ScheduledEvent<Event>? {
        guard let node = firstNode() else { return nil }
        return nodes[Int(node)].entry
    }

    /// The node holding the earliest event, found by scanning days from `currentDay` (one lap at
    /// most), then by a direct search of all bucket heads.
    @inlinable
    func firstNode() -> Int32? {
        if storedCount == 0 { return nil }
        var day = currentDay
        for _ in 0...mask {
            let head = heads[day & mask]
            if head >= 0 && self.day(of: nodes[Int(head)].entry.time) <= day { return head }
            day += 1
        }
        var best: Int32 = -1
        for head in heads where head >= 0 {
            if best < 0 || nodes[Int(head)].entry.precedes(nodes[Int(best)].entry) { best = head }
        }
        return best
    }

    @inlinable
    public mutating func insert(_ entry: ScheduledEvent<Event>) {
        if storedCount + 1 > 2 * heads.count { resize(buckets: heads.count * 2) }
        var node = freeHead
        if node < 0 {
            node = Int32(nodes.count)
            nodes.append(Node(entry: entry, next: -1))
        }
        let inverseWidth = inverseWidth
        let mask = mask
        let reused = node == freeHead
        freeHead = nodes.withUnsafeMutableBufferPointer { nodes in
            let nextFree = reused ? nodes[Int(node)].next : freeHead
            nodes[Int(node)].entry = entry
            heads.withUnsafeMutableBufferPointer { heads in
                Self.link(node, nodes: nodes, heads: heads, inverseWidth: inverseWidth, mask: mask)
            }
            return nextFree
        }
        storedCount += 1
        // An event earlier than the scan position (possible outside a simulation) moves it back.
        let newDay = day(of: entry.time)
        if newDay < currentDay { currentDay = newDay }
    }

    /// Inserts `node` into its bucket's list, after every entry that precedes it.
    @inlinable
    mutating func link(_ node: Int32) {
        let inverseWidth = inverseWidth
        let mask = mask
        nodes.withUnsafeMutableBufferPointer { nodes in
            heads.withUnsafeMutableBufferPointer { heads in
                Self.link(node, nodes: nodes, heads: heads, inverseWidth: inverseWidth, mask: mask)
            }
        }
    }

    @inlinable @inline(__always)
    static func link(
        _ node: Int32, nodes: UnsafeMutableBufferPointer<Node>, heads: UnsafeMutableBufferPointer<Int32>,
        inverseWidth: Double, mask: Int
    ) {
        let entry = nodes[Int(node)].entry
        let bucket = Int(Swift.min(entry.time * inverseWidth, 0x1p62)) & mask
        var previous: Int32 = -1
        var current = heads[bucket]
        while current >= 0 && nodes[Int(current)].entry.precedes(entry) {
            previous = current
            current = nodes[Int(current)].next
        }
        nodes[Int(node)].next = current
        if previous < 0 { heads[bucket] = node } else { nodes[Int(previous)].next = node }
    }

    @inlinable
    public mutating func removeFirst() -> ScheduledEvent<Event>? {
        guard let node = firstNode() else { return nil }
        let entry = nodes[Int(node)].entry
        let entryDay = day(of: entry.time)
        let freeHead = freeHead
        let mask = mask
        nodes.withUnsafeMutableBufferPointer { nodes in
            heads.withUnsafeMutableBufferPointer { heads in
                // The earliest event heads its bucket's list.
                heads[entryDay & mask] = nodes[Int(node)].next
                nodes[Int(node)].next = freeHead
            }
        }
        self.freeHead = node
        storedCount -= 1
        currentDay = entryDay
        meanGap += (entry.time - lastRemovedTime - meanGap) * (1.0 / 64)
        lastRemovedTime = entry.time
        if heads.count > 16 && storedCount < heads.count / 2 { resize(buckets: heads.count / 2) }
        return entry
    }

    @inlinable
    public mutating func replaceFirst(with entry: ScheduledEvent<Event>) -> ScheduledEvent<Event> {
        let first = removeFirst()!
        insert(entry)
        return first
    }

    /// Rebuilds the calendar with `buckets` days, relinking every node. The day width is about three
    /// mean gaps between events near the front (as Brown suggests): estimated from the 5% and 50%
    /// quantiles of the times of up to 1024 events present, or from recent removals. O(n); happens
    /// O(log n) times as the set grows.
    @usableFromInline
    mutating func resize(buckets: Int) {
        var isFree = [Bool](repeating: false, count: nodes.count)
        var free = freeHead
        while free >= 0 {
            isFree[Int(free)] = true
            free = nodes[Int(free)].next
        }
        let live = nodes.indices.filter { !isFree[$0] }
        var gap = meanGap
        if live.count >= 8 {
            let stride = Swift.max(1, live.count / 1024)
            let sample = Swift.stride(from: 0, to: live.count, by: stride).map { nodes[live[$0]].entry.time }.sorted()
            let spread = sample[sample.count / 2] - sample[sample.count / 20]
            let sampledGap = spread / (0.45 * Double(live.count))
            if sampledGap > 0 && sampledGap.isFinite { gap = sampledGap }
        }
        if gap > 0 && gap.isFinite {
            width = 3 * gap
            inverseWidth = 1 / width
        }
        heads = ContiguousArray(repeating: -1, count: buckets)
        mask = buckets - 1
        // Scan from the earliest event present (events may precede the last removal outside a
        // simulation).
        var earliest = lastRemovedTime
        for node in live { earliest = Swift.min(earliest, nodes[node].entry.time) }
        currentDay = day(of: earliest)
        for node in live { link(Int32(node)) }
    }
}

extension CalendarQueue: Sendable where Event: Sendable {}
extension CalendarQueue.Node: Sendable where Event: Sendable {}
