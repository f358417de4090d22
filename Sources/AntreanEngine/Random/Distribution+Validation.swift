/// A distribution whose parameters make no sense, with a message naming the parameter.
public struct DistributionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Distribution {
    /// Checks the parameters; throws a `DistributionError` saying which one is wrong and why.
    public func validate() throws(DistributionError) {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(DistributionError) {
            if !condition { throw DistributionError(message()) }
        }
        func positive(_ value: Double, _ name: String) throws(DistributionError) {
            try require(
                value.isFinite && value > 0, "\(self.name): \(name) must be a positive finite number, got \(value)")
        }
        func nonNegative(_ value: Double, _ name: String) throws(DistributionError) {
            try require(value.isFinite && value >= 0, "\(self.name): \(name) must be finite and ≥ 0, got \(value)")
        }
        switch self {
        case .exponential(let mean): try positive(mean, "mean")
        case .deterministic(let value): try require(value.isFinite, "deterministic: value must be finite, got \(value)")
        case .uniform(let low, let high):
            try require(low.isFinite && high.isFinite, "uniform: low and high must be finite, got \(low), \(high)")
            try require(low <= high, "uniform: low (\(low)) must not exceed high (\(high))")
        case .normal(let mean, let sd):
            try require(mean.isFinite, "normal: mean must be finite, got \(mean)")
            try positive(sd, "sd")
        case .truncatedNormal(let mean, let sd, let low, let high):
            try require(mean.isFinite, "truncatedNormal: mean must be finite, got \(mean)")
            try positive(sd, "sd")
            try require(low < high, "truncatedNormal: low (\(low)) must be below high (\(high))")
            let mass = TruncationTerms(mean: mean, sd: sd, low: low, high: high).mass
            try require(
                mass >= 1e-3,
                "truncatedNormal: only \(mass) of the probability lies in [\(low), \(high)]; "
                    + "rejection sampling needs at least 0.001 (move the range nearer the mean)")
        case .lognormal(let mean, let sd):
            try positive(mean, "mean")
            try positive(sd, "sd")
        case .gamma(let shape, let scale):
            try positive(shape, "shape")
            try positive(scale, "scale")
        case .erlang(let k, let mean):
            try require(k >= 1, "erlang: k must be at least 1, got \(k)")
            try positive(mean, "mean")
        case .weibull(let shape, let scale):
            try positive(shape, "shape")
            try positive(scale, "scale")
        case .empirical(let empirical):
            switch empirical.form {
            case .samples(let values):
                try require(!values.isEmpty, "empirical: needs at least one sample")
                if let bad = values.firstIndex(where: { !$0.isFinite }) {
                    throw DistributionError("empirical: sample \(bad) is not finite (\(values[bad]))")
                }
            case .histogram(let edges, let weights):
                try require(!weights.isEmpty, "empirical histogram: needs at least one bin")
                try require(
                    edges.count == weights.count + 1,
                    "empirical histogram: \(weights.count) weights need \(weights.count + 1) edges, got \(edges.count)")
                for index in weights.indices {
                    try require(
                        edges[index].isFinite && edges[index] < edges[index + 1] && edges[index + 1].isFinite,
                        "empirical histogram: edges must be finite and strictly ascending (edge \(index))")
                    try nonNegative(weights[index], "weight \(index)")
                }
                try require(weights.reduce(0, +) > 0, "empirical histogram: weights must not all be zero")
            }
        }
    }

    /// The case name, for messages.
    public var name: String {
        switch self {
        case .exponential: "exponential"
        case .deterministic: "deterministic"
        case .uniform: "uniform"
        case .normal: "normal"
        case .truncatedNormal: "truncatedNormal"
        case .lognormal: "lognormal"
        case .gamma: "gamma"
        case .erlang: "erlang"
        case .weibull: "weibull"
        case .empirical: "empirical"
        }
    }
}
