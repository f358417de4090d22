import Foundation

/// Maximum-likelihood fits of the four service-time families to a grouped sample of positive
/// values. Each is O(k) per likelihood evaluation for k distinct values; the gamma and Weibull
/// shapes solve their profile-likelihood equations by safeguarded Newton (≤ 200 steps, in practice
/// under 10).
public enum MaximumLikelihood {
    /// Exponential: the mean. ln L = −n ln θ − n.
    public static func exponential(_ sample: GroupedSample) -> FittedDistribution {
        let n = Double(sample.count)
        let mean = sample.mean
        return FittedDistribution(family: .exponential, first: mean, second: .nan, logLikelihood: -n * log(mean) - n)
    }

    /// Log-normal: μ and σ of ln x (σ with n in the denominator, the MLE).
    public static func lognormal(_ sample: GroupedSample) -> FittedDistribution {
        let n = Double(sample.count)
        let sumLog = sample.sum { log($0) }
        let mu = sumLog / n
        let sigma = (sample.sum { (log($0) - mu) * (log($0) - mu) } / n).squareRoot()
        let logLikelihood = -sumLog - n * log(sigma) - n / 2 * log(2 * Double.pi) - n / 2
        var fit = FittedDistribution(family: .lognormal, first: mu, second: sigma, logLikelihood: logLikelihood)
        fit.shapeHalfWidth = 1.959964 * sigma / (2 * n).squareRoot()
        return fit
    }

    /// Gamma: the shape k solves ln k − ψ(k) = ln x̄ − mean(ln x) (the profile likelihood's
    /// stationary point), started from Minka's approximation (Minka 2002, "Estimating a gamma
    /// distribution"); the scale is x̄ / k. The shape's variance is k / (n (k ψ′(k) − 1)).
    public static func gamma(_ sample: GroupedSample) -> FittedDistribution {
        let n = Double(sample.count)
        let mean = sample.mean
        let meanLog = sample.sum { log($0) } / n
        let s = log(mean) - meanLog
        let shape: Double
        if s <= 1e-12 {
            shape = 1e6  // All values equal: the gamma tends to a point mass.
        } else {
            let start = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
            // g(k) = ψ(k) − ln k + s increases in k from −∞ to s > 0.
            shape = SpecialFunctions.increasingRoot(
                low: start / 4, high: start * 4 + 1,
                { SpecialFunctions.digamma($0) - log($0) + s },
                derivative: { SpecialFunctions.trigamma($0) - 1 / $0 })
        }
        let scale = mean / shape
        let logLikelihood =
            (shape - 1) * meanLog * n - n * mean / scale - n * shape * log(scale) - n * SpecialFunctions.logGamma(shape)
        var fit = FittedDistribution(family: .gamma, first: shape, second: scale, logLikelihood: logLikelihood)
        let information = shape * SpecialFunctions.trigamma(shape) - 1
        fit.shapeHalfWidth = information > 0 ? 1.959964 * (shape / (n * information)).squareRoot() : .nan
        return fit
    }

    /// Weibull: the shape k solves Σ xᵏ ln x / Σ xᵏ − 1/k − mean(ln x) = 0 (increasing in k), with
    /// values scaled by the largest so that xᵏ stays in range; the scale is (Σ xᵏ / n)^(1/k). The
    /// shape's asymptotic variance is 6k² / (π² n).
    public static func weibull(_ sample: GroupedSample) -> FittedDistribution {
        let n = Double(sample.count)
        guard let largest = sample.values.last, largest > 0 else {
            return FittedDistribution(family: .weibull, first: .nan, second: .nan, logLikelihood: .nan)
        }
        let meanLogScaled = sample.sum { log($0 / largest) } / n
        func moments(_ k: Double) -> (b: Double, a: Double, c: Double) {
            var b = 0.0
            var a = 0.0
            var c = 0.0
            for (value, count) in zip(sample.values, sample.counts) {
                let logY = log(value / largest)
                let power = Double(count) * exp(k * logY)
                b += power
                a += power * logY
                c += power * logY * logY
            }
            return (b, a, c)
        }
        let shape = SpecialFunctions.increasingRoot(
            low: 0.02, high: 100,
            { k in
                let m = moments(k)
                return m.a / m.b - 1 / k - meanLogScaled
            },
            derivative: { k in
                let m = moments(k)
                return m.c / m.b - (m.a / m.b) * (m.a / m.b) + 1 / (k * k)
            })
        let scale = largest * pow(moments(shape).b / n, 1 / shape)
        let sumLog = sample.sum { log($0) }
        let sumPower = sample.sum { pow($0 / scale, shape) }
        let logLikelihood = n * log(shape) - n * shape * log(scale) + (shape - 1) * sumLog - sumPower
        var fit = FittedDistribution(family: .weibull, first: shape, second: scale, logLikelihood: logLikelihood)
        fit.shapeHalfWidth = 1.959964 * (6 / (Double.pi * Double.pi * n)).squareRoot() * shape
        return fit
    }

    /// The fit of `family`.
    public static func fit(_ family: DistributionFamily, _ sample: GroupedSample) -> FittedDistribution {
        switch family {
        case .exponential: exponential(sample)
        case .lognormal: lognormal(sample)
        case .gamma: gamma(sample)
        case .weibull: weibull(sample)
        }
    }
}

/// Goodness of fit of a continuous distribution function to a grouped sample.
public enum GoodnessOfFit {
    /// The Kolmogorov–Smirnov statistic sup |F_n − F|, checked on both sides of every jump. O(k).
    public static func kolmogorovSmirnov(_ sample: GroupedSample, _ cdf: (Double) -> Double) -> Double {
        let n = Double(sample.count)
        var seen = 0
        var largest = 0.0
        for (value, count) in zip(sample.values, sample.counts) {
            let f = cdf(value)
            largest = max(largest, abs(f - Double(seen) / n))
            seen += count
            largest = max(largest, abs(Double(seen) / n - f))
        }
        return largest
    }

    /// The Anderson–Darling statistic A² = −n − (1/n) Σᵢ [(2i − 1) ln F(x₍ᵢ₎) + (2n + 1 − 2i) ln(1 − F(x₍ᵢ₎))]
    /// (Anderson & Darling 1954), summing each group's ranks in closed form. O(k).
    public static func andersonDarling(_ sample: GroupedSample, _ cdf: (Double) -> Double) -> Double {
        let n = Double(sample.count)
        var rank = 0.0
        var total = 0.0
        for (value, count) in zip(sample.values, sample.counts) {
            let c = Double(count)
            let f = min(max(cdf(value), 1e-300), 1 - 1e-16)
            // Σ_{i=r+1}^{r+c} (2i − 1) = (r + c)² − r²; Σ (2n + 1 − 2i) = c (2n + 1) − ((r + c)(r + c + 1) − r (r + 1)).
            let lowerWeight = (rank + c) * (rank + c) - rank * rank
            let upperWeight = c * (2 * n + 1) - ((rank + c) * (rank + c + 1) - rank * (rank + 1))
            total += lowerWeight * log(f) + upperWeight * log1p(-f)
            rank += c
        }
        return -n - total / n
    }
}
