import Foundation

/// The M/M/c queue in steady state (Erlang 1917): probability of waiting, mean wait, the tail of the
/// wait and its quantiles, and the fewest servers that meet a ``ServiceTarget``.
///
/// Erlang C is computed from the Erlang B recursion `B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1))`
/// and `C = c·B / (c − a·(1 − B))`, which never forms `a^c` or `c!` and is stable for thousands of
/// servers (Cooper, *Introduction to Queueing Theory*, 1981, §3.4). Each call is O(c).
/// Rates are per minute; times are in minutes.
public enum ErlangC {
    /// Erlang B blocking probability for `servers` servers and offered load `a` (Erlangs). O(servers).
    public static func blockingProbability(servers: Int, offeredLoad a: Double) -> Double {
        precondition(servers >= 0 && a >= 0, "servers and offered load must be non-negative")
        var b = 1.0
        if servers == 0 { return b }
        for k in 1...servers { b = a * b / (Double(k) + a * b) }
        return b
    }

    /// P(an arrival waits) = Erlang C; 1 when the queue is unstable (a ≥ c).
    public static func probabilityOfWaiting(servers: Int, offeredLoad a: Double) -> Double {
        guard servers > 0, a < Double(servers) else { return 1 }
        if a == 0 { return 0 }
        let b = blockingProbability(servers: servers, offeredLoad: a)
        let c = Double(servers)
        return c * b / (c - a * (1 - b))
    }

    /// Mean wait in queue Wq = C / (cμ − λ); infinite when unstable.
    public static func meanWait(servers: Int, arrivalRate lambda: Double, meanService: Double) -> Double {
        let a = lambda * meanService
        guard servers > 0, a < Double(servers) else { return .infinity }
        return probabilityOfWaiting(servers: servers, offeredLoad: a) / drainRate(servers, lambda, meanService)
    }

    /// P(W > t) = C · exp(−(cμ − λ)t) for FIFO service.
    public static func probabilityWaitExceeds(
        _ t: Double, servers: Int, arrivalRate lambda: Double, meanService: Double
    ) -> Double {
        let a = lambda * meanService
        guard servers > 0, a < Double(servers) else { return 1 }
        let waiting = probabilityOfWaiting(servers: servers, offeredLoad: a)
        return t < 0 ? 1 : waiting * exp(-drainRate(servers, lambda, meanService) * t)
    }

    /// The p-quantile of the wait: 0 when P(W > 0) ≤ 1 − p, else ln(C / (1 − p)) / (cμ − λ).
    public static func waitQuantile(
        _ p: Double, servers: Int, arrivalRate lambda: Double, meanService: Double
    ) -> Double {
        precondition(p > 0 && p < 1, "the quantile level must lie strictly between 0 and 1")
        let a = lambda * meanService
        guard servers > 0, a < Double(servers) else { return .infinity }
        let waiting = probabilityOfWaiting(servers: servers, offeredLoad: a)
        if waiting <= 1 - p { return 0 }
        return log(waiting / (1 - p)) / drainRate(servers, lambda, meanService)
    }

    /// Whether `servers` meet `target` in steady state.
    public static func meets(
        _ target: ServiceTarget, servers: Int, arrivalRate lambda: Double, meanService: Double
    ) -> Bool {
        switch target.kind {
        case .quantile(let level):
            return waitQuantile(level, servers: servers, arrivalRate: lambda, meanService: meanService)
                <= target.minutes
        case .mean:
            return meanWait(servers: servers, arrivalRate: lambda, meanService: meanService) <= target.minutes
        case .shareWithin(let share):
            let late = probabilityWaitExceeds(
                target.minutes, servers: servers, arrivalRate: lambda, meanService: meanService)
            return 1 - late >= share
        }
    }

    /// The fewest servers (at least 1) meeting `target`: starts at the stability bound ⌊a⌋ + 1 and
    /// counts up; O(c²) overall, negligible for office sizes.
    public static func fewestServers(
        for target: ServiceTarget, arrivalRate lambda: Double, meanService: Double, limit: Int = 10_000
    ) -> Int? {
        let a = lambda * meanService
        if a == 0 { return 1 }
        // More load than `limit` servers can carry (or a rate that is not a number): none will do.
        guard a.isFinite, a >= 0, a < Double(limit) else { return nil }
        var servers = max(1, Int(a.rounded(.down)) + 1)
        while servers <= limit {
            if meets(target, servers: servers, arrivalRate: lambda, meanService: meanService) { return servers }
            servers += 1
        }
        return nil
    }

    private static func drainRate(_ servers: Int, _ lambda: Double, _ meanService: Double) -> Double {
        Double(servers) / meanService - lambda
    }
}
