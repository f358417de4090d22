/// One entry of the pending-event set: an event payload with its firing time and the sequence
/// number it was scheduled with. Ordering is by time, then by sequence, so simultaneous events fire
/// in the order they were scheduled (FIFO) and every run is deterministic.
public struct ScheduledEvent<Event> {
    public var time: Double
    public var sequence: UInt64
    public var event: Event

    @inlinable
    public init(time: Double, sequence: UInt64, event: Event) {
        self.time = time
        self.sequence = sequence
        self.event = event
    }

    /// Whether `self` fires before `other` (earlier time, or same time and scheduled earlier).
    @inlinable @inline(__always)
    public func precedes(_ other: Self) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}

extension ScheduledEvent: Sendable where Event: Sendable {}

/// A priority queue of scheduled events keyed by (time, sequence). Implementations must not
/// allocate per operation once their capacity has been reached.
public protocol PendingEventSet<Event> {
    associatedtype Event
    init(minimumCapacity: Int)
    var count: Int { get }
    /// The next event to fire, without removing it.
    var first: ScheduledEvent<Event>? { get }
    mutating func insert(_ entry: ScheduledEvent<Event>)
    mutating func removeFirst() -> ScheduledEvent<Event>?
}
