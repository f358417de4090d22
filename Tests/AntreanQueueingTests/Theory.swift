import Foundation

/// Closed-form and numerical queueing results the simulation is checked against.
enum Theory {
    /// Erlang C: probability that an arrival waits in M/M/c with offered load a = λ/μ < c.
    static func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
        var term = 1.0  // a^k / k!
        var below = 0.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            below += term
        }
        let top = term * a / Double(c) * Double(c) / (Double(c) - a)
        return top / (below + top)
    }

    /// Mean wait in queue of M/M/c (Erlang C).
    static func mmcWait(servers c: Int, arrivalRate lambda: Double, serviceRate mu: Double) -> Double {
        erlangC(servers: c, offeredLoad: lambda / mu) / (Double(c) * mu - lambda)
    }

    /// Pollaczek–Khinchine mean wait in M/G/1: λ E[S²] / (2 (1 − ρ)).
    static func pollaczekKhinchine(arrivalRate lambda: Double, serviceMean: Double, serviceVariance: Double) -> Double {
        let rho = lambda * serviceMean
        return lambda * (serviceVariance + serviceMean * serviceMean) / (2 * (1 - rho))
    }

    /// Erlang-A (M/M/c+M): the stationary birth–death chain, truncated where its mass is negligible.
    /// Returns the mean number waiting and the fraction of arrivals who abandon (θ·Lq/λ).
    static func erlangA(servers c: Int, arrivalRate lambda: Double, serviceRate mu: Double, abandonRate theta: Double)
        -> (queueLength: Double, abandonedFraction: Double)
    {
        var weights = [1.0]
        var n = 0
        while n < 10_000 {
            let death = Double(min(n + 1, c)) * mu + Double(max(n + 1 - c, 0)) * theta
            weights.append(weights[n] * lambda / death)
            n += 1
            if n > c && weights[n] < 1e-16 * weights.reduce(0, +) { break }
        }
        let total = weights.reduce(0, +)
        let queueLength = weights.enumerated().reduce(0.0) { $0 + Double(max($1.offset - c, 0)) * $1.element } / total
        return (queueLength, theta * queueLength / lambda)
    }

    /// Non-preemptive priority M/M/c with one service rate (Cobham 1954): the mean wait of class k
    /// (0 = highest) is C(c, a)/(cμ) / ((1 − σ_{k−1})(1 − σ_k)), σ_k = Σ_{i ≤ k} λ_i / (cμ).
    static func priorityWaits(servers c: Int, arrivalRates: [Double], serviceRate mu: Double) -> [Double] {
        let total = arrivalRates.reduce(0, +)
        let residual = erlangC(servers: c, offeredLoad: total / mu) / (Double(c) * mu)
        var sigma = 0.0
        return arrivalRates.map { rate in
            let before = sigma
            sigma += rate / (Double(c) * mu)
            return residual / ((1 - before) * (1 - sigma))
        }
    }
}
