import Synchronization

/// Where the facade gets "now" from. The core never asks: its operations take `now` as an argument.
public protocol AllocatorClock: Sendable {
    func now() -> Instant
}

/// A clock the caller sets explicitly (tests, replay of a trace, the simulator).
public final class ManualClock: AllocatorClock {
    private let current: Mutex<Instant>

    public init(_ start: Instant) { current = Mutex(start) }

    public func now() -> Instant { current.withLock { $0 } }

    public func set(_ instant: Instant) { current.withLock { $0 = instant } }

    public func advance(seconds: Int64) { current.withLock { $0 = $0.adding(seconds: seconds) } }
}
