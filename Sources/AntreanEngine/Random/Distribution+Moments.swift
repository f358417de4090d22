import RealModule

extension Distribution {
    /// The expected value. For `empirical` samples, the mean of the samples (resampling).
    public var mean: Double {
        switch self {
        case .exponential(let mean): return mean
        case .deterministic(let value): return value
        case .uniform(let low, let high): return (low + high) / 2
        case .normal(let mean, _): return mean
        case .truncatedNormal(let mean, let sd, let low, let high):
            let t = TruncationTerms(mean: mean, sd: sd, low: low, high: high)
            return mean + sd * (t.densityLow - t.densityHigh) / t.mass
        case .lognormal(let mean, _): return mean
        case .gamma(let shape, let scale): return shape * scale
        case .erlang(_, let mean): return mean
        case .weibull(let shape, let scale): return scale * Double.gamma(1 + 1 / shape)
        case .empirical(let empirical): return empirical.moments.mean
        }
    }

    /// The variance. For `empirical` samples, the population variance of the samples.
    public var variance: Double {
        switch self {
        case .exponential(let mean): return mean * mean
        case .deterministic: return 0
        case .uniform(let low, let high): return (high - low) * (high - low) / 12
        case .normal(_, let sd): return sd * sd
        case .truncatedNormal(let mean, let sd, let low, let high):
            let t = TruncationTerms(mean: mean, sd: sd, low: low, high: high)
            let shift = (t.densityLow - t.densityHigh) / t.mass
            return sd * sd * (1 + (t.alphaDensityLow - t.betaDensityHigh) / t.mass - shift * shift)
        case .lognormal(_, let sd): return sd * sd
        case .gamma(let shape, let scale): return shape * scale * scale
        case .erlang(let k, let mean): return mean * mean / Double(k)
        case .weibull(let shape, let scale):
            let first = Double.gamma(1 + 1 / shape)
            return scale * scale * (Double.gamma(1 + 2 / shape) - first * first)
        case .empirical(let empirical): return empirical.moments.variance
        }
    }
}

/// φ and Φ terms of a normal truncated to [low, high] in standard units.
struct TruncationTerms {
    var densityLow = 0.0, densityHigh = 0.0
    /// α·φ(α) and β·φ(β), zero at infinite bounds.
    var alphaDensityLow = 0.0, betaDensityHigh = 0.0
    var mass: Double

    init(mean: Double, sd: Double, low: Double, high: Double) {
        let alpha = (low - mean) / sd
        let beta = (high - mean) / sd
        if alpha.isFinite {
            densityLow = Self.density(alpha)
            alphaDensityLow = alpha * densityLow
        }
        if beta.isFinite {
            densityHigh = Self.density(beta)
            betaDensityHigh = beta * densityHigh
        }
        mass = Self.cdf(beta) - Self.cdf(alpha)
    }

    static func density(_ z: Double) -> Double { Double.exp(-z * z / 2) / (2 * Double.pi).squareRoot() }
    static func cdf(_ z: Double) -> Double { 0.5 * Double.erfc(-z / 2.0.squareRoot()) }
}

extension EmpiricalDistribution {
    var moments: (mean: Double, variance: Double) {
        switch form {
        case .samples(let values):
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
            return (mean, variance)
        case .histogram(let edges, let weights):
            let total = weights.reduce(0, +)
            var first = 0.0
            var second = 0.0
            for (index, weight) in weights.enumerated() {
                let a = edges[index]
                let b = edges[index + 1]
                first += weight * (a + b) / 2
                second += weight * (a * a + a * b + b * b) / 3
            }
            let mean = first / total
            return (mean, second / total - mean * mean)
        }
    }
}
