import Testing

@testable import AntreanEngine

@Suite struct DistributionTests {
    static let cases: [Distribution] = [
        .exponential(mean: 2),
        .deterministic(3.5),
        .uniform(low: 1, high: 4),
        .normal(mean: 10, sd: 2),
        .truncatedNormal(mean: 5, sd: 3, low: 2, high: 12),
        .truncatedNormal(mean: 0, sd: 1, low: 0, high: .infinity),
        .lognormal(mean: 4, sd: 3),
        .gamma(shape: 2.5, scale: 1.5),
        .gamma(shape: 0.4, scale: 2),
        .erlang(k: 3, mean: 6),
        .erlang(k: 30, mean: 6),
        .weibull(shape: 1.7, scale: 5),
        .weibull(shape: 0.8, scale: 2),
        .empirical(EmpiricalDistribution(samples: [1, 2, 2, 3, 7.5])),
        .empirical(EmpiricalDistribution(edges: [0, 1, 3, 10], weights: [2, 5, 1])),
    ]

    /// The sample mean and variance of 200 000 draws lie within 4.5 standard errors of the
    /// distribution's own `mean` and `variance`. The standard error of the variance uses the sample's
    /// fourth central moment: SE(s²) ≈ √((m₄ − s⁴)/n).
    @Test(arguments: cases)
    func sampleMomentsMatchTheTheory(_ distribution: Distribution) throws {
        let sampler = try distribution.sampler()
        var stream = RandomStream(seed: 2024, replication: 0, purpose: distribution.name)
        let n = 200_000
        var values = [Double]()
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(sampler.sample(&stream)) }
        let mean = values.reduce(0, +) / Double(n)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let fourth = values.reduce(0) { $0 + pow4($1 - mean) } / Double(n)
        let meanError = (variance / Double(n)).squareRoot()
        let varianceError = ((fourth - variance * variance) / Double(n)).squareRoot()
        #expect(abs(mean - distribution.mean) <= 4.5 * meanError + 1e-12, "mean \(mean) vs \(distribution.mean)")
        #expect(
            abs(variance - distribution.variance) <= 4.5 * varianceError + 1e-12,
            "variance \(variance) vs \(distribution.variance)")
        if case .truncatedNormal(_, _, let low, let high) = distribution {
            #expect(values.allSatisfy { $0 >= low && $0 <= high })
        }
    }

    private func pow4(_ x: Double) -> Double { x * x * x * x }

    @Test func closedFormMomentsOfKnownCases() {
        // Half-normal: mean √(2/π), variance 1 − 2/π.
        let halfNormal = Distribution.truncatedNormal(mean: 0, sd: 1, low: 0, high: .infinity)
        #expect(abs(halfNormal.mean - (2 / Double.pi).squareRoot()) < 1e-12)
        #expect(abs(halfNormal.variance - (1 - 2 / Double.pi)) < 1e-12)
        // Weibull with shape 1 is exponential.
        #expect(abs(Distribution.weibull(shape: 1, scale: 3).mean - 3) < 1e-12)
        #expect(abs(Distribution.weibull(shape: 1, scale: 3).variance - 9) < 1e-10)
        #expect(Distribution.erlang(k: 4, mean: 8).variance == 16)
    }

    @Test(arguments: [
        (Distribution.exponential(mean: -1), "mean"),
        (.uniform(low: 5, high: 1), "low"),
        (.normal(mean: 0, sd: 0), "sd"),
        (.truncatedNormal(mean: 0, sd: 1, low: 10, high: 11), "probability"),
        (.lognormal(mean: 3, sd: -1), "sd"),
        (.gamma(shape: 0, scale: 1), "shape"),
        (.erlang(k: 0, mean: 1), "k"),
        (.weibull(shape: 2, scale: .nan), "scale"),
        (.empirical(EmpiricalDistribution(samples: [])), "at least one sample"),
        (.empirical(EmpiricalDistribution(edges: [0, 1], weights: [1, 2])), "edges"),
        (.empirical(EmpiricalDistribution(edges: [0, 2, 1], weights: [1, 2])), "ascending"),
        (.empirical(EmpiricalDistribution(edges: [0, 1, 2], weights: [1, -2])), "weight 1"),
    ])
    func invalidParametersAreRejectedWithAMessageNamingThem(_ distribution: Distribution, _ mention: String) {
        #expect {
            try distribution.validate()
        } throws: { error in
            (error as? DistributionError)?.message.contains(mention) == true
        }
        #expect(throws: DistributionError.self) { try distribution.sampler() }
    }
}
