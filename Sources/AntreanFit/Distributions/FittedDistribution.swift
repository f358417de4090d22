import Foundation

/// The continuous families fitted to service times.
public enum DistributionFamily: String, Sendable, CaseIterable {
    case exponential, lognormal, gamma, weibull

    /// Free parameters (for AIC).
    public var parameterCount: Int { self == .exponential ? 1 : 2 }
}

/// A family with its maximum-likelihood parameters and how well it fits the sample.
///
/// Parameters: exponential (mean, –), lognormal (μ, σ of the logarithm), gamma (shape k, scale θ),
/// Weibull (shape k, scale λ); durations in minutes.
public struct FittedDistribution: Sendable {
    public var family: DistributionFamily
    public var first: Double
    public var second: Double
    public var logLikelihood: Double
    /// Kolmogorov–Smirnov D, its asymptotic p-value, and the Anderson–Darling A².
    public var ksStatistic = Double.nan
    public var ksPValue = Double.nan
    public var andersonDarling = Double.nan
    /// Half the width of the 95% confidence interval of the shape (gamma, Weibull) or σ (log-normal),
    /// from the Fisher information; NaN for the exponential.
    public var shapeHalfWidth = Double.nan

    /// Akaike's information criterion, 2p − 2 ln L (Akaike 1974).
    public var aic: Double { 2 * Double(family.parameterCount) - 2 * logLikelihood }

    public var mean: Double {
        switch family {
        case .exponential: first
        case .lognormal: exp(first + second * second / 2)
        case .gamma: first * second
        case .weibull: second * exp(SpecialFunctions.logGamma(1 + 1 / first))
        }
    }

    public var standardDeviation: Double {
        switch family {
        case .exponential: first
        case .lognormal: mean * (exp(second * second) - 1).squareRoot()
        case .gamma: first.squareRoot() * second
        case .weibull:
            (second * second * exp(SpecialFunctions.logGamma(1 + 2 / first)) - mean * mean).squareRoot()
        }
    }

    /// F(x), the distribution function.
    public func cdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        switch family {
        case .exponential: return -expm1(-x / first)
        case .lognormal: return SpecialFunctions.normalCDF((log(x) - first) / second)
        case .gamma: return SpecialFunctions.regularizedGammaP(first, x / second)
        case .weibull: return -expm1(-pow(x / second, first))
        }
    }

    /// The density f(x), for the report's curves.
    public func density(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        switch family {
        case .exponential: return exp(-x / first) / first
        case .lognormal:
            let z = (log(x) - first) / second
            return exp(-z * z / 2) / (x * second * (2 * Double.pi).squareRoot())
        case .gamma:
            return exp((first - 1) * log(x) - x / second - first * log(second) - SpecialFunctions.logGamma(first))
        case .weibull:
            let y = x / second
            return first / second * pow(y, first - 1) * exp(-pow(y, first))
        }
    }
}
