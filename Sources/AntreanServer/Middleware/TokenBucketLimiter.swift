import Synchronization

/// Token buckets keyed by client key or account (Turner 1986's token bucket): each bucket holds up to
/// `burst` tokens, refilled at `ratePerSecond`; a request takes one or is refused with the seconds until
/// one is back. Time comes from the caller (monotonic seconds), so tests need no sleeping.
///
/// O(1) per request; buckets that have refilled completely are dropped when more than `maxBuckets` exist,
/// so a flood of distinct accounts cannot grow memory without bound (O(n) sweep, amortized O(1)).
public final class TokenBucketLimiter: Sendable {
    public struct Settings: Hashable, Sendable {
        public var ratePerSecond: Double
        public var burst: Double
        public init(ratePerSecond: Double, burst: Double) {
            self.ratePerSecond = ratePerSecond
            self.burst = burst
        }
    }

    private struct Bucket {
        var tokens: Double
        var updatedAt: Double
    }

    public let settings: Settings
    private let maxBuckets: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    public init(settings: Settings, maxBuckets: Int = 100_000) {
        self.settings = settings
        self.maxBuckets = max(1, maxBuckets)
    }

    /// Takes a token from `key`'s bucket at monotonic time `now` (seconds): nil when allowed, else the
    /// whole seconds to wait (at least 1) for the `Retry-After` header.
    public func take(_ key: String, now: Double) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: settings.burst, updatedAt: now)
            let elapsed = max(0, now - bucket.updatedAt)
            bucket.tokens = min(settings.burst, bucket.tokens + elapsed * settings.ratePerSecond)
            bucket.updatedAt = now
            defer {
                buckets[key] = bucket
                if buckets.count > maxBuckets { prune(&buckets, now: now) }
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            guard settings.ratePerSecond > 0 else { return 3600 }
            let wait = (1 - bucket.tokens) / settings.ratePerSecond
            return wait >= 3600 ? 3600 : max(1, Int(wait.rounded(.up)))
        }
    }

    private func prune(_ buckets: inout [String: Bucket], now: Double) {
        let full = settings.ratePerSecond > 0 ? settings.burst / settings.ratePerSecond : .infinity
        buckets = buckets.filter { now - $0.value.updatedAt < full }
    }
}
