import Foundation
import RealModule

/// The special functions the fits need, each accurate to about 1e-12 relative for the arguments
/// they get here (positive shapes, durations in minutes).
enum SpecialFunctions {
    /// ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 12, then the
    /// asymptotic series (Abramowitz & Stegun 6.3.18). O(1).
    static func digamma(_ x: Double) -> Double {
        var x = x
        var shift = 0.0
        while x < 12 {
            shift -= 1 / x
            x += 1
        }
        let inverse2 = 1 / (x * x)
        let series =
            inverse2
            * (1.0 / 12 - inverse2 * (1.0 / 120 - inverse2 * (1.0 / 252 - inverse2 * (1.0 / 240 - inverse2 / 132))))
        return shift + Foundation.log(x) - 0.5 / x - series
    }

    /// ψ′(x) for x > 0: ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 12, then the asymptotic series (A&S 6.4.12).
    static func trigamma(_ x: Double) -> Double {
        var x = x
        var shift = 0.0
        while x < 12 {
            shift += 1 / (x * x)
            x += 1
        }
        let inverse = 1 / x
        let inverse2 = inverse * inverse
        let series =
            inverse + inverse2 / 2
            + inverse * inverse2 * (1.0 / 6 - inverse2 * (1.0 / 30 - inverse2 * (1.0 / 42 - inverse2 / 30)))
        return shift + series
    }

    static func logGamma(_ x: Double) -> Double { Double.logGamma(x) }

    /// The regularized lower incomplete gamma function P(a, x): the series for x < a + 1, else the
    /// continued fraction for Q = 1 − P (Numerical Recipes §6.2). At most 500 terms.
    static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let logPrefix = a * Foundation.log(x) - x - logGamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<500 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return min(1, sum * Foundation.exp(logPrefix))
        }
        // Lentz's method for the continued fraction of Q(a, x).
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...500 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return max(0, 1 - Foundation.exp(logPrefix) * h)
    }

    /// Φ(z), the standard normal distribution function.
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// The asymptotic p-value of the Kolmogorov–Smirnov statistic `d` for `n` observations, with
    /// Stephens' small-sample correction λ = (√n + 0.12 + 0.11/√n)·d (Stephens 1970; Numerical
    /// Recipes §14.3). With parameters estimated from the same data the test is conservative
    /// (Lilliefors 1967): a p-value here overstates how well the family fits.
    static func kolmogorovPValue(d: Double, n: Int) -> Double {
        let root = Double(n).squareRoot()
        let lambda = (root + 0.12 + 0.11 / root) * d
        guard lambda > 0.2 else { return 1 }
        var sum = 0.0
        var sign = 1.0
        for j in 1...100 {
            let term = sign * Foundation.exp(-2 * Double(j * j) * lambda * lambda)
            sum += term
            if abs(term) < 1e-12 { break }
            sign = -sign
        }
        return min(1, max(0, 2 * sum))
    }

    /// A root of `f` on [low, high], where f(low) < 0 < f(high) and f increases: Newton steps with
    /// `derivative`, falling back to bisection when a step leaves the bracket (safeguarded Newton,
    /// Numerical Recipes §9.4 `rtsafe`). At most 200 steps; relative tolerance 1e-12.
    static func increasingRoot(
        low: Double, high: Double, _ f: (Double) -> Double, derivative: (Double) -> Double
    ) -> Double {
        var low = low
        var high = high
        var x = (low + high) / 2
        for _ in 0..<200 {
            let value = f(x)
            if value == 0 { return x }
            if value < 0 { low = x } else { high = x }
            let slope = derivative(x)
            var next = slope > 0 && slope.isFinite ? x - value / slope : .nan
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - x) <= 1e-12 * abs(next) { return next }
            x = next
        }
        return x
    }
}
