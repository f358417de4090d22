import RealModule

/// A `Distribution` prepared for fast repeated sampling: derived parameters (log-normal μ and σ,
/// Marsaglia–Tsang constants, cumulative histogram weights) are computed once.
///
/// Make one per distribution and purpose before the run (`distribution.sampler()`), then call
/// `sample(_:)` in the event loop. Sampling is O(1) except the histogram (O(log bins)) and
/// rejection methods (expected O(1)).
public struct DistributionSampler: Sendable, Hashable {
    @usableFromInline enum Method: Sendable, Hashable {
        case exponential(mean: Double)
        case constant(Double)
        case uniform(low: Double, width: Double)
        case normal(mean: Double, sd: Double)
        case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)
        case lognormal(mu: Double, sigma: Double)
        case gamma(MarsagliaTsang)
        case erlangProduct(k: Int, phaseMean: Double)
        case weibull(inverseShape: Double, scale: Double)
        case samples([Double])
        case histogram(edges: [Double], cumulativeWeights: [Double])
    }

    @usableFromInline let method: Method
    /// The mean if the distribution is exponential, else NaN: a plain field, so the commonest case
    /// is recognised without inspecting (and copying) the enum.
    @usableFromInline let exponentialMean: Double
    public let distribution: Distribution

    /// Prepares `distribution`; throws `DistributionError` if its parameters are invalid.
    public init(_ distribution: Distribution) throws(DistributionError) {
        try distribution.validate()
        self.distribution = distribution
        if case .exponential(let mean) = distribution { exponentialMean = mean } else { exponentialMean = .nan }
        switch distribution {
        case .exponential(let mean): method = .exponential(mean: mean)
        case .deterministic(let value): method = .constant(value)
        case .uniform(let low, let high): method = .uniform(low: low, width: high - low)
        case .normal(let mean, let sd): method = .normal(mean: mean, sd: sd)
        case .truncatedNormal(let mean, let sd, let low, let high):
            method = .truncatedNormal(mean: mean, sd: sd, low: low, high: high)
        case .lognormal(let mean, let sd):
            let sigmaSquared = Double.log(1 + (sd * sd) / (mean * mean))
            method = .lognormal(mu: Double.log(mean) - sigmaSquared / 2, sigma: sigmaSquared.squareRoot())
        case .gamma(let shape, let scale): method = .gamma(MarsagliaTsang(shape: shape, scale: scale))
        case .erlang(let k, let mean):
            method =
                k <= 16
                ? .erlangProduct(k: k, phaseMean: mean / Double(k))
                : .gamma(MarsagliaTsang(shape: Double(k), scale: mean / Double(k)))
        case .weibull(let shape, let scale): method = .weibull(inverseShape: 1 / shape, scale: scale)
        case .empirical(let empirical):
            switch empirical.form {
            case .samples(let values): method = .samples(values)
            case .histogram(let edges, let weights):
                var running = 0.0
                let cumulative = weights.map { weight -> Double in
                    running += weight
                    return running
                }
                method = .histogram(edges: edges, cumulativeWeights: cumulative)
            }
        }
    }

    /// One variate drawn from `stream`.
    @inlinable @inline(__always)
    public func sample(_ stream: inout RandomStream) -> Double {
        // The commonest case inline; the rest behind a call.
        if !exponentialMean.isNaN { return exponentialMean * stream.nextExponential() }
        return sampleAnyMethod(&stream)
    }

    @inlinable
    func sampleAnyMethod(_ stream: inout RandomStream) -> Double {
        switch method {
        case .exponential(let mean):
            return mean * stream.nextExponential()
        case .constant(let value):
            return value
        case .uniform(let low, let width):
            return low + width * stream.nextUniform()
        case .normal(let mean, let sd):
            return mean + sd * stream.nextStandardNormal()
        case .truncatedNormal(let mean, let sd, let low, let high):
            while true {
                let x = mean + sd * stream.nextStandardNormal()
                if x >= low && x <= high { return x }
            }
        case .lognormal(let mu, let sigma):
            return Double.exp(mu + sigma * stream.nextStandardNormal())
        case .gamma(let parameters):
            return parameters.sample(&stream)
        case .erlangProduct(let k, let phaseMean):
            var product = 1.0
            for _ in 0..<k { product *= stream.nextOpenUniform() }
            return -phaseMean * Double.log(product)
        case .weibull(let inverseShape, let scale):
            return scale * Double.pow(stream.nextExponential(), inverseShape)
        case .samples(let values):
            return values[stream.nextInt(below: values.count)]
        case .histogram(let edges, let cumulative):
            return Self.sampleHistogram(edges: edges, cumulative: cumulative, stream: &stream)
        }
    }

    @usableFromInline
    static func sampleHistogram(edges: [Double], cumulative: [Double], stream: inout RandomStream) -> Double {
        let target = stream.nextUniform() * cumulative[cumulative.count - 1]
        // First bin whose cumulative weight exceeds the target (binary search).
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return edges[low] + (edges[low + 1] - edges[low]) * stream.nextUniform()
    }
}

/// Gamma variates by Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
/// ACM TOMS 26(3): a squeeze-and-reject transform of one normal and one uniform, accepting
/// about 96–99% of candidates. Shapes below 1 use the boost X·U^(1/a) with X ~ Gamma(a + 1).
@usableFromInline
struct MarsagliaTsang: Sendable, Hashable {
    @usableFromInline let d: Double
    @usableFromInline let c: Double
    @usableFromInline let scale: Double
    /// 1 / shape when shape < 1 (boost needed), else 0.
    @usableFromInline let boostExponent: Double

    init(shape: Double, scale: Double) {
        let boosted = shape < 1 ? shape + 1 : shape
        d = boosted - 1.0 / 3.0
        c = 1 / (9 * d).squareRoot()
        self.scale = scale
        boostExponent = shape < 1 ? 1 / shape : 0
    }

    @inlinable
    func sample(_ stream: inout RandomStream) -> Double {
        var value: Double
        while true {
            let x = stream.nextStandardNormal()
            var v = 1 + c * x
            if v <= 0 { continue }
            v = v * v * v
            let u = stream.nextOpenUniform()
            let xSquared = x * x
            if u < 1 - 0.0331 * xSquared * xSquared || Double.log(u) < 0.5 * xSquared + d * (1 - v + Double.log(v)) {
                value = d * v
                break
            }
        }
        if boostExponent > 0 { value *= Double.pow(stream.nextOpenUniform(), boostExponent) }
        return value * scale
    }
}

extension Distribution {
    /// This distribution prepared for sampling; throws if its parameters are invalid.
    public func sampler() throws(DistributionError) -> DistributionSampler { try DistributionSampler(self) }

    /// One variate (prepares a sampler each call: use `sampler()` in loops).
    public func sample(_ stream: inout RandomStream) throws(DistributionError) -> Double {
        try DistributionSampler(self).sample(&stream)
    }
}
