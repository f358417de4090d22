/// A probability distribution of a non-negative or real quantity (durations in model time units,
/// counts, …), as a value: cheap to copy, `Sendable`, and sampled without dynamic dispatch.
///
/// Parameters are those a planner knows: the log-normal is given by the mean and standard deviation
/// of the variable itself, not of its logarithm.
public enum Distribution: Sendable, Hashable {
    case exponential(mean: Double)
    case deterministic(Double)
    case uniform(low: Double, high: Double)
    case normal(mean: Double, sd: Double)
    /// Normal restricted to `low...high` (rejection sampling; use a sensible range).
    case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)
    /// Log-normal by the mean and standard deviation of the variable (not of its logarithm).
    case lognormal(mean: Double, sd: Double)
    case gamma(shape: Double, scale: Double)
    /// Sum of `k` exponential phases with the given overall mean.
    case erlang(k: Int, mean: Double)
    case weibull(shape: Double, scale: Double)
    case empirical(EmpiricalDistribution)
}

/// An empirical distribution: either resampling observed values, or a histogram whose bins are
/// sampled by weight and uniformly within the bin.
public struct EmpiricalDistribution: Sendable, Hashable {
    public enum Form: Sendable, Hashable {
        case samples([Double])
        /// `edges.count == weights.count + 1`, edges ascending, weights non-negative.
        case histogram(edges: [Double], weights: [Double])
    }

    public var form: Form

    public init(samples: [Double]) { self.form = .samples(samples) }
    public init(edges: [Double], weights: [Double]) { self.form = .histogram(edges: edges, weights: weights) }
}
