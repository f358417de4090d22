/// When to try a failed delivery again: exponential backoff with full jitter (Brooker, "Exponential
/// Backoff and Jitter", AWS Architecture Blog, 2015). After the n-th failed attempt the wait is drawn
/// uniformly from 1…min(cap, base · 2ⁿ⁻¹) seconds, so receivers that failed together (an outage of the
/// portal) are not retried together, and the expected wait still doubles per attempt. There is no
/// last attempt: delivery is at least once, so a receiver that is down keeps its events until it
/// answers 2xx (the backlog is visible through `SQLiteAllocatorStore.outboxBacklog`).
public struct RetryPolicy: Hashable, Sendable {
    /// The ceiling of the first wait, in seconds.
    public var baseSeconds: Int64
    /// The largest ceiling, in seconds.
    public var capSeconds: Int64

    public init(baseSeconds: Int64 = 10, capSeconds: Int64 = 3600) {
        self.baseSeconds = max(1, baseSeconds)
        self.capSeconds = max(self.baseSeconds, capSeconds)
    }

    /// The ceiling of the wait after `attempts` failed attempts (≥ 1): min(cap, base · 2^(attempts−1)),
    /// computed without overflow. O(1).
    public func ceiling(afterAttempts attempts: Int) -> Int64 {
        let doublings = max(0, attempts - 1)
        guard doublings < 62, baseSeconds <= capSeconds >> Int64(doublings) else { return capSeconds }
        return baseSeconds << Int64(doublings)
    }

    /// A wait drawn uniformly from 1…ceiling(afterAttempts:) with `generator`. O(1).
    public func delay(afterAttempts attempts: Int, using generator: inout some RandomNumberGenerator) -> Int64 {
        Int64.random(in: 1...ceiling(afterAttempts: attempts), using: &generator)
    }
}
