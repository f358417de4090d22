/// A calendar queue (Brown 1988, "Calendar queues: a fast O(1) priority queue implementation for
/// the simulation event set problem", CACM 31(10)): events hashed by time into a power-of-two number
/// of day-buckets of `width` time units, each a linked list sorted by (time, sequence); the earliest
/// event is found by scanning forward from the current day. With about one event per bucket,
/// `insert`, `removeFirst` and `replaceFirst` are O(1) expected and `first` is O(1); skewed time
/// distributions degrade it (events beyond one lap of the calendar are found by an O(buckets)
/// search of all buckets), which is one reason the kernel keeps the 4-ary heap (see docs/engine.md).
///
/// Leaner than Brown's original: each bucket's head records its first node's time, so the scan
/// for the earliest event and an insertion before a bucket's first node touch no node; the earliest
/// node is kept (`firstIndex`), so `first` is a load and each operation scans at most once (Brown's
/// dequeue scans on every call); `replaceFirst` reuses the removed node for the new entry; a day's
/// bucket is a mask, not a division. Nodes live in one array with a free list, so the steady state
/// allocates nothing; the bucket array doubles or halves when the event count leaves
/// [buckets/2, 2·buckets], and the width (two mean gaps between events near the front) is
/// re-estimated then. Times must be ≥ 0. Simultaneous events keep schedule order.
public struct CalendarQueue<Event>: PendingEventSet {
    @usableFromInline struct Node {
        @usableFromInline var entry: ScheduledEvent<Event>
        @usableFromInline var next: Int32
        @inlinable init(entry: ScheduledEvent<Event>, next: Int32) {
            self.entry = entry
            self.next = next
        }
    }

    /// A bucket: its first node (-1 when empty) and that node's time, so that neither the scan for
    /// the earliest event nor an insertion before the first node touches a node.
    @usableFromInline struct Head {
        @usableFromInline var time: Double
        @usableFromInline var node: Int32
        @inlinable init(time: Double, node: Int32) {
            self.time = time
            self.node = node
        }
        @inlinable static var empty: Head { Head(time: .infinity, node: -1) }
    }

    @usableFromInline var nodes: ContiguousArray<Node> = []
    @usableFromInline var freeHead: Int32 = -1
    @usableFromInline var heads: ContiguousArray<Head>
    @usableFromInline var mask: Int
    @usableFromInline var width: Double = 1
    @usableFromInline var inverseWidth: Double = 1
    /// The earliest node (the first of its bucket's list), or -1 when empty.
    @usableFromInline var firstIndex: Int32 = -1
    /// The day of `firstIndex`: no event is on an earlier day.
    @usableFromInline var currentDay: Int = 0
    @usableFromInline var storedCount = 0
    /// Time of the last removed event and a running mean of the gaps between removals.
    @usableFromInline var lastRemovedTime = 0.0
    @usableFromInline var meanGap = 0.0

    @inlinable
    public init(minimumCapacity: Int = 0) {
        // Start small: each doubling re-estimates the day width from the events present.
        heads = ContiguousArray(repeating: .empty, count: 16)
        mask = 15
        nodes.reserveCapacity(minimumCapacity)
    }

    @inlinable public var count: Int { storedCount }

    /// O(1).
    @inlinable
    public var first: ScheduledEvent<Event>? { firstIndex < 0 ? nil : nodes[Int(firstIndex)].entry }

    /// ⌊time / width⌋, clamped so that far-future times cannot overflow `Int`.
    @inlinable @inline(__always)
    func day(of time: Double) -> Int { Self.day(of: time, inverseWidth: inverseWidth) }

    @inlinable @inline(__always)
    static func day(of time: Double, inverseWidth: Double) -> Int { Int(Swift.min(time * inverseWidth, 0x1p62)) }

    /// O(1) expected: a walk along one bucket's list.
    @inlinable
    public mutating func insert(_ entry: ScheduledEvent<Event>) {
        if storedCount >= 2 &* heads.count { resize(buckets: heads.count &* 2) }
        let day = day(of: entry.time)
        if freeHead < 0 {
            freeHead = Int32(truncatingIfNeeded: nodes.count)
            nodes.append(Node(entry: entry, next: -1))
        }
        let node = freeHead
        let (mask, firstIndex) = (mask, firstIndex)
        var becomesFirst = false
        freeHead = nodes.withUnsafeMutableBufferPointer { nodes in
            let nextFree = nodes[Int(node)].next
            nodes[Int(node)] = Node(entry: entry, next: -1)
            heads.withUnsafeMutableBufferPointer { heads in
                Self.link(node, day: day, nodes: nodes, heads: heads, mask: mask)
            }
            becomesFirst = firstIndex < 0 || entry.precedes(nodes[Int(firstIndex)].entry)
            return nextFree
        }
        storedCount &+= 1
        if becomesFirst {
            self.firstIndex = node
            currentDay = day
        }
    }

    /// Inserts `node` (on `day`) into its bucket's list, after every entry that precedes it.
    @inlinable @inline(__always)
    static func link(
        _ node: Int32, day: Int, nodes: UnsafeMutableBufferPointer<Node>, heads: UnsafeMutableBufferPointer<Head>,
        mask: Int
    ) {
        let bucket = day & mask
        let entry = nodes[Int(node)].entry
        let head = heads[bucket]
        if head.node < 0 || entry.time < head.time
            || (entry.time == head.time && entry.sequence < nodes[Int(head.node)].entry.sequence)
        {
            nodes[Int(node)].next = head.node
            heads[bucket] = Head(time: entry.time, node: node)
            return
        }
        var previous = head.node
        var current = nodes[Int(previous)].next
        while current >= 0 && !entry.precedes(nodes[Int(current)].entry) {
            previous = current
            current = nodes[Int(current)].next
        }
        nodes[Int(node)].next = current
        nodes[Int(previous)].next = node
    }

    /// Unlinks the first node `node`, the first of bucket `bucket`'s list.
    @inlinable @inline(__always)
    static func unlink(
        _ node: Int32, bucket: Int, nodes: UnsafeMutableBufferPointer<Node>, heads: UnsafeMutableBufferPointer<Head>
    ) {
        let next = nodes[Int(node)].next
        heads[bucket] = next < 0 ? .empty : Head(time: nodes[Int(next)].entry.time, node: next)
    }

    /// The earliest node and its day, scanning days from `day` (no event is on an earlier day): one
    /// lap of the calendar at most, then a direct search of all bucket heads. The set must not be
    /// empty.
    @inlinable @inline(__always)
    static func earliest(
        from day: Int, nodes: UnsafeMutableBufferPointer<Node>, heads: UnsafeMutableBufferPointer<Head>, mask: Int,
        inverseWidth: Double
    ) -> (node: Int32, day: Int) {
        var day = day
        var remaining = mask
        while remaining >= 0 {
            let head = heads[day & mask]
            let headDay = Self.day(of: head.time, inverseWidth: inverseWidth)
            if head.node >= 0 && headDay <= day { return (head.node, headDay) }
            day &+= 1
            remaining &-= 1
        }
        var best = Head.empty
        for head in heads where head.node >= 0 {
            if best.node < 0 || nodes[Int(head.node)].entry.precedes(nodes[Int(best.node)].entry) { best = head }
        }
        return (best.node, Self.day(of: best.time, inverseWidth: inverseWidth))
    }

    /// Records the gap since the last removal, for the next width estimate.
    @inlinable @inline(__always)
    mutating func noteRemoval(at time: Double) {
        meanGap += (time - lastRemovedTime - meanGap) * (1.0 / 64)
        lastRemovedTime = time
    }

    /// O(1) expected: the scan to the next non-empty day skips about one empty bucket.
    @inlinable
    public mutating func removeFirst() -> ScheduledEvent<Event>? {
        let node = firstIndex
        if node < 0 { return nil }
        storedCount &-= 1
        let (mask, day, freeHead, isLast) = (mask, currentDay, freeHead, storedCount == 0)
        let inverseWidth = inverseWidth
        let (entry, next) = nodes.withUnsafeMutableBufferPointer { nodes in
            heads.withUnsafeMutableBufferPointer { heads in
                Self.unlink(node, bucket: day & mask, nodes: nodes, heads: heads)
                nodes[Int(node)].next = freeHead
                let next =
                    isLast
                    ? (node: -1, day: day)
                    : Self.earliest(from: day, nodes: nodes, heads: heads, mask: mask, inverseWidth: inverseWidth)
                return (nodes[Int(node)].entry, next)
            }
        }
        self.freeHead = node
        firstIndex = next.node
        currentDay = next.day
        noteRemoval(at: entry.time)
        if heads.count > 16 && storedCount < heads.count / 2 {
            resize(buckets: heads.count / 2)
        }
        return entry
    }

    /// Removes the first entry and inserts `entry` into the removed entry's node, with one scan.
    /// O(1) expected; the set must not be empty.
    @inlinable
    public mutating func replaceFirst(with entry: ScheduledEvent<Event>) -> ScheduledEvent<Event> {
        let node = firstIndex
        precondition(node >= 0, "replaceFirst on an empty calendar queue")
        let day = day(of: entry.time)
        let (mask, oldDay, inverseWidth) = (mask, currentDay, inverseWidth)
        let (top, next) = nodes.withUnsafeMutableBufferPointer { nodes in
            heads.withUnsafeMutableBufferPointer { heads in
                let top = nodes[Int(node)].entry
                Self.unlink(node, bucket: oldDay & mask, nodes: nodes, heads: heads)
                nodes[Int(node)] = Node(entry: entry, next: -1)
                Self.link(node, day: day, nodes: nodes, heads: heads, mask: mask)
                let next = Self.earliest(
                    from: Swift.min(day, oldDay), nodes: nodes, heads: heads, mask: mask, inverseWidth: inverseWidth)
                return (top, next)
            }
        }
        firstIndex = next.node
        currentDay = next.day
        noteRemoval(at: top.time)
        return top
    }

    /// Rebuilds the calendar with `buckets` days, relinking every node. The day width is about two
    /// mean gaps between events near the front (Brown suggests three; two measured as fast and keeps
    /// bucket lists shorter): estimated from the 5% and 50%
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
            width = 2 * gap
            inverseWidth = 1 / width
        }
        heads = ContiguousArray(repeating: .empty, count: buckets)
        mask = buckets - 1
        let inverseWidth = inverseWidth
        let mask = mask
        var earliestDay = Int.max
        nodes.withUnsafeMutableBufferPointer { nodes in
            heads.withUnsafeMutableBufferPointer { heads in
                for node in live {
                    let day = Self.day(of: nodes[node].entry.time, inverseWidth: inverseWidth)
                    earliestDay = Swift.min(earliestDay, day)
                    Self.link(Int32(truncatingIfNeeded: node), day: day, nodes: nodes, heads: heads, mask: mask)
                }
                if !live.isEmpty {
                    (firstIndex, currentDay) = Self.earliest(
                        from: earliestDay, nodes: nodes, heads: heads, mask: mask, inverseWidth: inverseWidth)
                }
            }
        }
    }
}

extension CalendarQueue: Sendable where Event: Sendable {}
extension CalendarQueue.Node: Sendable where Event: Sendable {}
extension CalendarQueue.Head: Sendable {}
