/// A discrete-event simulation kernel in the event-scheduling world view: a clock and a set of
/// pending events of a model's own payload type `Event` (typically a small enum).
///
/// The kernel only orders events; the model decides what they mean. Drive it either with a loop,
///
///     var sim = Simulation<MyEvent>()
///     _ = sim.schedule(.arrival, at: 0)
///     while let (time, event) = sim.next(until: 480) { … sim.schedule(…, after: …) … }
///
/// or with an `EventHandler` and `run(_:until:)`. No closure, existential or reference is created
/// per event; with the hot paths `@inlinable`, a model in another module gets a fully specialised
/// kernel. `Simulation<Event>` keeps its events in a `QuaternaryHeap` (O(log n) per operation, the
/// fastest on whole queueing runs, whose pending sets are small); `EventScheduler<Event,
/// CalendarQueue<Event>>` is the same kernel on a calendar queue (O(1) expected: faster than the
/// heap in the hold model at 10^2–10^6 pending events with smooth time increments, slower on a
/// whole M/M/5 run; times must be ≥ 0; see docs/engine.md).
public typealias Simulation<Event> = EventScheduler<Event, QuaternaryHeap<Event>>

/// The simulation kernel over any pending-event set; see `Simulation`.
public struct EventScheduler<Event, Pending: PendingEventSet> where Pending.Event == Event {
    /// The current simulated time: the time of the event last returned by `next`, or the limit
    /// `next(until:)` stopped at.
    @inlinable public var now: Double { clock }
    @usableFromInline var clock: Double
    @usableFromInline var pending: Pending
    @usableFromInline var nextSequence: UInt64 = 0
    /// The first entry of `pending` was returned by `next` but is still in the heap: the next
    /// `schedule` overwrites it (one sift-down instead of two heap operations), anything else
    /// removes it first.
    @usableFromInline var firstIsSpent = false
    /// Sequence numbers of cancelled events still in the heap (lazy deletion).
    @usableFromInline var cancelled: Set<UInt64> = []

    @inlinable
    public init(startTime: Double = 0, expectedPendingEvents: Int = 64) {
        clock = startTime
        pending = Pending(minimumCapacity: expectedPendingEvents)
    }

    /// Number of events scheduled and neither fired nor cancelled.
    @inlinable public var pendingCount: Int { pending.count - (firstIsSpent ? 1 : 0) - cancelled.count }

    /// Really removes the entry `next` returned, if still in the heap.
    @inlinable @inline(__always)
    mutating func settle() {
        if firstIsSpent {
            firstIsSpent = false
            _ = pending.removeFirst()
        }
    }

    /// Schedules `event` at absolute time `time` (not before `now`). Among events at the same time,
    /// those scheduled earlier fire earlier.
    @inlinable @inline(__always) @discardableResult
    public mutating func schedule(_ event: Event, at time: Double) -> EventHandle {
        precondition(time >= now, "cannot schedule an event in the past (\(time) < now \(now))")
        let sequence = nextSequence
        nextSequence &+= 1
        let entry = ScheduledEvent(time: time, sequence: sequence, event: event)
        if firstIsSpent {
            firstIsSpent = false
            _ = pending.replaceFirst(with: entry)
        } else {
            pending.insert(entry)
        }
        return EventHandle(sequence: sequence)
    }

    /// Schedules `event` `delay` time units from now (`delay` ≥ 0).
    @inlinable @discardableResult
    public mutating func schedule(_ event: Event, after delay: Double) -> EventHandle {
        schedule(event, at: now + delay)
    }

    /// Cancels a scheduled event that has not fired yet; it will never be returned by `next`.
    /// O(1): the entry stays in the heap and is dropped when it reaches the front. Cancelling an event
    /// that already fired is a programming error (its mark would linger until the run ends).
    @inlinable
    public mutating func cancel(_ handle: EventHandle) {
        precondition(handle.sequence < nextSequence, "unknown event handle")
        cancelled.insert(handle.sequence)
    }

    /// Removes and returns the next event, advancing the clock to its time; nil when none is left.
    @inlinable
    public mutating func next() -> (time: Double, event: Event)? {
        next(until: .infinity)
    }

    /// Like `next()`, but leaves events later than `limit` pending: then the clock moves to `limit`
    /// (if finite) and the result is nil.
    @inlinable @inline(__always)
    public mutating func next(until limit: Double) -> (time: Double, event: Event)? {
        settle()
        while let entry = pending.first {
            if entry.time > limit {
                clock = Swift.max(clock, limit)
                return nil
            }
            if !cancelled.isEmpty, cancelled.remove(entry.sequence) != nil {
                _ = pending.removeFirst()
                continue
            }
            firstIsSpent = true
            clock = entry.time
            return (entry.time, entry.event)
        }
        if limit.isFinite { clock = Swift.max(clock, limit) }
        return nil
    }

    /// The time of the next pending (not cancelled) event, if any.
    @inlinable
    public mutating func nextEventTime() -> Double? {
        settle()
        while let entry = pending.first {
            if !cancelled.isEmpty, cancelled.remove(entry.sequence) != nil {
                _ = pending.removeFirst()
                continue
            }
            return entry.time
        }
        return nil
    }

}

extension EventScheduler where Pending == QuaternaryHeap<Event> {
    /// Runs `handler` on every event up to `limit` (inclusive), or until no event is left.
    @inlinable
    public mutating func run<Handler: EventHandler>(_ handler: inout Handler, until limit: Double = .infinity)
    where Handler.Event == Event {
        while let (time, event) = next(until: limit) {
            handler.handle(event, at: time, in: &self)
        }
    }
}

extension EventScheduler: Sendable where Event: Sendable, Pending: Sendable {}

/// Identifies one scheduled event, for `Simulation.cancel`.
public struct EventHandle: Sendable, Hashable {
    public let sequence: UInt64

    @inlinable init(sequence: UInt64) { self.sequence = sequence }
}

/// A model that reacts to its own events; `Simulation.run(_:until:)` calls it for each one.
public protocol EventHandler<Event> {
    associatedtype Event
    mutating func handle(_ event: Event, at time: Double, in simulation: inout Simulation<Event>)
}
