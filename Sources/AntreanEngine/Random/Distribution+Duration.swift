extension Distribution {
    /// The least value a draw can take: −∞ for the normal, 0 for the families on [0, ∞), the lower
    /// bound for the uniform, the truncated normal and empirical data. O(samples) for `empirical`.
    public var lowestValue: Double {
        switch self {
        case .exponential, .lognormal, .gamma, .erlang, .weibull: return 0
        case .deterministic(let value): return value
        case .uniform(let low, _): return low
        case .normal: return -.infinity
        case .truncatedNormal(_, _, let low, _): return low
        case .empirical(let empirical):
            switch empirical.form {
            case .samples(let values): return values.min() ?? 0
            case .histogram(let edges, _): return edges.first ?? 0
            }
        }
    }

    /// Checks the parameters (`validate()`) and that the distribution can be a duration: no draw
    /// below 0, and, when `meanMustBePositive` (a service time, which capacities are divided by),
    /// a mean above 0. Signed offsets such as punctuality use `validate()` instead.
    public func validateAsDuration(meanMustBePositive: Bool) throws(DistributionError) {
        try validate()
        guard lowestValue >= 0 else {
            throw DistributionError(
                "\(name): a duration cannot be negative, but draws go down to \(lowestValue) "
                    + "(use a distribution on [0, ∞) such as lognormal, gamma or truncatedNormal with low ≥ 0)")
        }
        if meanMustBePositive && !(mean > 0) {
            throw DistributionError("\(name): the mean must be above 0 (capacity is divided by it), got \(mean)")
        }
    }
}

extension DistributionSampler {
    /// One draw used as a duration, never negative: a negative draw (or NaN) becomes 0.
    ///
    /// Models validate their durations with `validateAsDuration`, so for them this clamp never
    /// changes a value; it is the documented rule for a distribution that reaches a model some other
    /// way, so that a negative draw can never schedule an event in the past (which would trap).
    @inlinable
    public func sampleDuration(_ stream: inout RandomStream) -> Double {
        let draw = sample(&stream)
        return draw >= 0 ? draw : 0
    }
}
