import RealModule

/// Student's t distribution: the CDF through the regularised incomplete beta function and the
/// quantile by safeguarded Newton iteration on it.
///
/// The incomplete beta is evaluated by its continued fraction (modified Lentz's method, Lentz 1976;
/// Thompson & Barnett 1986), which converges fast for `x < (a + 1) / (a + b + 2)`; the symmetry
/// `I_x(a, b) = 1 − I_{1−x}(b, a)` covers the rest. Accuracy is about 1e-12, far beyond what a
/// confidence interval needs.
public enum StudentT {
    /// P(T ≤ t) for `degreesOfFreedom` ν > 0.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        let x = nu / (nu + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x: x, a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = `probability`, for 0 < probability < 1.
    public static func quantile(probability p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1, "probability must lie strictly between 0 and 1")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(probability: 1 - p, degreesOfFreedom: nu) }
        // Bracket, then Newton steps that fall back to bisection when they leave the bracket.
        var low = 0.0
        var high = 1.0
        while cdf(high, degreesOfFreedom: nu) < p { high *= 2 }
        var t = (low + high) / 2
        for _ in 0..<200 {
            let f = cdf(t, degreesOfFreedom: nu) - p
            if abs(f) < 1e-14 { break }
            if f < 0 { low = t } else { high = t }
            let step = f / density(t, degreesOfFreedom: nu)
            var next = t - step
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) < 1e-13 * max(1, abs(t)) {
                t = next
                break
            }
            t = next
        }
        return t
    }

    /// The probability density of t with ν degrees of freedom.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logNormaliser =
            Double.logGamma((nu + 1) / 2) - Double.logGamma(nu / 2) - 0.5 * Double.log(nu * Double.pi)
        return Double.exp(logNormaliser - (nu + 1) / 2 * Double.log(1 + t * t / nu))
    }

    /// I_x(a, b), the regularised incomplete beta function.
    static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront =
            Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b) + a * Double.log(x) + b
            * Double.log(1 - x)
        if x < (a + 1) / (a + b + 2) {
            return Double.exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - Double.exp(logFront) * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...500 {
            let m = Double(m)
            let evenTerm = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + evenTerm * d
            if abs(d) < tiny { d = tiny }
            c = 1 + evenTerm / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let oddTerm = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + oddTerm * d
            if abs(d) < tiny { d = tiny }
            c = 1 + oddTerm / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return result
    }
}
