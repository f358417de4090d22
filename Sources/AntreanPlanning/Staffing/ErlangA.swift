import Foundation

/// The M/M/n+M queue (Palm 1943; "Erlang A"): Poisson arrivals, n servers, exponential service and
/// exponential patience with rate θ. Formulas of Mandelbaum & Zeltyn ("The M/M/n+G queue: summary
/// of performance measures", Technion, 2007; Garnett, Mandelbaum & Reiman, MSOM 4(3), 2002):
/// with x = nμ/θ, y = λ/θ and A(x, y) = Σ_{j≥0} y^j / ((x+1)(x+2)…(x+j)),
///
///     P(W > 0) = A·E / (1 + (A − 1)·E)          E = Erlang B(n, λ/μ)
///     P(Ab)    = (1/(ρA) + 1 − 1/ρ) · P(W > 0)   ρ = λ/(nμ)
///     E[W]     = P(Ab) / θ                       (abandonment rate θ·E[Q] = λ·P(Ab), Little)
///
/// The series is summed until its terms fall below 1e-16 of the sum: O(n + λ/θ) terms. Stable for
/// any load (abandonment keeps the queue stable even when λ ≥ nμ). Rates per minute.
public enum ErlangA {
    public struct Measures: Sendable, Hashable {
        public var probabilityOfWaiting: Double
        public var probabilityOfAbandoning: Double
        /// Mean wait in queue of all arrivals (those who abandon count their time until leaving).
        public var meanWait: Double
    }

    public static func measures(servers n: Int, arrivalRate lambda: Double, meanService: Double, meanPatience: Double)
        -> Measures
    {
        precondition(n >= 1 && lambda >= 0 && meanService > 0 && meanPatience > 0, "invalid Erlang-A parameters")
        if lambda == 0 { return Measures(probabilityOfWaiting: 0, probabilityOfAbandoning: 0, meanWait: 0) }
        let mu = 1 / meanService
        let theta = 1 / meanPatience
        let x = Double(n) * mu / theta
        let y = lambda / theta
        var a = 1.0
        var term = 1.0
        var j = 1.0
        while true {
            term *= y / (x + j)
            a += term
            if term < 1e-16 * a && x + j > y { break }
            j += 1
        }
        let blocking = ErlangC.blockingProbability(servers: n, offeredLoad: lambda / mu)
        let waiting = a * blocking / (1 + (a - 1) * blocking)
        let rho = lambda / (Double(n) * mu)
        let abandoning = (1 / (rho * a) + 1 - 1 / rho) * waiting
        return Measures(
            probabilityOfWaiting: waiting, probabilityOfAbandoning: abandoning, meanWait: abandoning / theta)
    }
}
