import AntreanAllocator
import Foundation

/// The allocator's clock in a running server: the system's time, optionally shifted so that it starts
/// at a chosen instant (`antrean serve --clock-start`, for demos and tests that need fixed dates) and
/// then runs at the real pace, so holds lapse and no-shows are released as in production.
public final class OffsetClock: AllocatorClock {
    private let offsetSeconds: Int64

    /// The system clock itself (`start` nil), or one reading `start` now.
    public init(start: Instant? = nil) {
        offsetSeconds = start.map { $0.secondsSinceEpoch - Self.systemSeconds() } ?? 0
    }

    public func now() -> Instant { Instant(secondsSinceEpoch: Self.systemSeconds() + offsetSeconds) }

    private static func systemSeconds() -> Int64 { Int64(Date().timeIntervalSince1970.rounded(.down)) }
}
