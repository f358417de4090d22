import AntreanEngine
import Foundation
import Testing

@testable import AntreanFit

/// The service-time fits against samples drawn from known distributions (seeded), and the
/// goodness-of-fit statistics against their textbook formulas computed on the raw, ungrouped list.
@Suite("maximum likelihood fits")
struct MaximumLikelihoodTests {
    static func draw(_ distribution: Distribution, count: Int, seed: UInt64) throws -> [Double] {
        let sampler = try distribution.sampler()
        var stream = RandomStream(seed: seed, replication: 0, purpose: "fit-test")
        // Rounded to the second, as a log's timestamps are.
        return (0..<count).map { _ in (sampler.sample(&stream) * 60).rounded() / 60 }
    }

    /// 99% interval (2.576 standard errors) from the reported 95% half-width.
    static func within99(_ estimate: Double, _ truth: Double, halfWidth95: Double) -> Bool {
        abs(estimate - truth) <= halfWidth95 / 1.959964 * 2.575829
    }

    @Test func gammaShapeOfALargeSampleIsWithinItsInterval() throws {
        let sample = GroupedSample(try Self.draw(.gamma(shape: 2.5, scale: 4), count: 40_000, seed: 11))
        let fit = MaximumLikelihood.gamma(sample)
        #expect(
            Self.within99(fit.first, 2.5, halfWidth95: fit.shapeHalfWidth), "shape \(fit.first) ± \(fit.shapeHalfWidth)"
        )
        #expect(abs(fit.mean - 10) < 0.1)
    }

    @Test func weibullAndLognormalShapesAreWithinTheirIntervals() throws {
        let weibull = MaximumLikelihood.weibull(
            GroupedSample(try Self.draw(.weibull(shape: 1.8, scale: 12), count: 40_000, seed: 12)))
        #expect(Self.within99(weibull.first, 1.8, halfWidth95: weibull.shapeHalfWidth), "\(weibull.first)")
        #expect(abs(weibull.second - 12) < 0.2, "scale \(weibull.second)")
        // lognormal(mean 10, sd 5): σ² = ln(1 + 0.25).
        let lognormal = MaximumLikelihood.lognormal(
            GroupedSample(try Self.draw(.lognormal(mean: 10, sd: 5), count: 40_000, seed: 13)))
        #expect(Self.within99(lognormal.second, log(1.25).squareRoot(), halfWidth95: lognormal.shapeHalfWidth))
    }

    /// At the MLE the log-likelihood's gradient vanishes: checked by central differences of the
    /// log-likelihood written out independently, for both parameters of gamma and Weibull.
    @Test func estimatesAreStationaryPointsOfTheLikelihood() throws {
        let values = try Self.draw(.gamma(shape: 3, scale: 2), count: 2000, seed: 14)
        func gammaLogLikelihood(_ k: Double, _ theta: Double) -> Double {
            values.reduce(0) { $0 + (k - 1) * log($1) - $1 / theta - k * log(theta) - Double.logGamma(k) }
        }
        func weibullLogLikelihood(_ k: Double, _ lambda: Double) -> Double {
            values.reduce(0) { $0 + log(k / lambda) + (k - 1) * log($1 / lambda) - pow($1 / lambda, k) }
        }
        let sample = GroupedSample(values)
        for (fit, logLikelihood) in [
            (MaximumLikelihood.gamma(sample), gammaLogLikelihood),
            (MaximumLikelihood.weibull(sample), weibullLogLikelihood),
        ] {
            let h = 1e-5
            let dFirst =
                (logLikelihood(fit.first * (1 + h), fit.second) - logLikelihood(fit.first * (1 - h), fit.second))
                / (2 * h * fit.first)
            let dSecond =
                (logLikelihood(fit.first, fit.second * (1 + h)) - logLikelihood(fit.first, fit.second * (1 - h)))
                / (2 * h * fit.second)
            #expect(abs(dFirst) < 1e-2 && abs(dSecond) < 1e-2, "\(fit.family): gradient \(dFirst), \(dSecond)")
            #expect(abs(fit.logLikelihood - logLikelihood(fit.first, fit.second)) < 1e-6 * abs(fit.logLikelihood))
        }
    }

    @Test(arguments: [
        (Distribution.lognormal(mean: 12, sd: 6), DistributionFamily.lognormal),
        (Distribution.gamma(shape: 3, scale: 4), DistributionFamily.gamma),
        (Distribution.weibull(shape: 2.5, scale: 15), DistributionFamily.weibull),
    ])
    func aicPicksTheTrueFamily(distribution: Distribution, family: DistributionFamily) throws {
        let model = ServiceTimeFit(GroupedSample(try Self.draw(distribution, count: 20_000, seed: 15)))
        #expect(model.chosen?.family == family, "\(model.candidates.map { ($0.family, $0.aic) })")
        #expect(model.fits)
    }

    /// The exponential is nested in gamma and Weibull (shape 1), so AIC may prefer either by chance;
    /// what must hold is that every fitted shape is 1 within its interval and the exponential fits.
    @Test func anExponentialSampleGivesShapeOne() throws {
        let model = ServiceTimeFit(GroupedSample(try Self.draw(.exponential(mean: 8), count: 20_000, seed: 16)))
        for fit in model.candidates where fit.family == .gamma || fit.family == .weibull {
            #expect(Self.within99(fit.first, 1, halfWidth95: fit.shapeHalfWidth), "\(fit.family) \(fit.first)")
        }
        #expect(model.fits)
        #expect([DistributionFamily.exponential, .gamma, .weibull].contains(model.chosen?.family))
    }

    /// A bimodal sample: no family fits, so the fragment gets the empirical distribution.
    @Test func aMixtureFitsNoFamily() throws {
        let sample = try Self.draw(.deterministic(2), count: 5000, seed: 1).indices.map {
            $0 % 2 == 0 ? 2.0 + Double($0 % 7) / 60 : 30 + Double($0 % 11) / 60
        }
        let model = ServiceTimeFit(GroupedSample(sample))
        #expect(!model.fits)
        #expect(model.empiricalQuantiles.count == ServiceTimeFit.empiricalPoints)
    }

    @Test func goodnessOfFitMatchesTheTextbookFormulasOnTiedData() {
        let raw: [Double] = [1, 2, 2, 3, 5, 5, 5, 8]
        let mean = 4.0
        let cdf = { (x: Double) in 1 - exp(-x / mean) }
        let sorted = raw.sorted()
        let n = Double(sorted.count)
        var d = 0.0
        var a2 = -n
        for (i, x) in sorted.enumerated() {
            // F_n jumps by 1/n at every observation, so the textbook D over the raw list checks each side.
            d = max(d, abs(Double(i + 1) / n - cdf(x)), abs(cdf(x) - Double(i) / n))
            a2 -= (2 * Double(i + 1) - 1) / n * (log(cdf(x)) + log(1 - cdf(sorted[sorted.count - 1 - i])))
        }
        let sample = GroupedSample(raw)
        #expect(abs(GoodnessOfFit.kolmogorovSmirnov(sample, cdf) - d) < 1e-12)
        #expect(abs(GoodnessOfFit.andersonDarling(sample, cdf) - a2) < 1e-9)
    }

    @Test func specialFunctionsAgreeWithKnownValues() {
        // ψ(1) = −γ, ψ′(1) = π²/6, P(1, x) = 1 − e^{−x}, P(3, 2) = 1 − 5e^{−2}.
        #expect(abs(SpecialFunctions.digamma(1) + 0.577_215_664_901_532_9) < 1e-12)
        #expect(abs(SpecialFunctions.trigamma(1) - Double.pi * Double.pi / 6) < 1e-12)
        #expect(abs(SpecialFunctions.regularizedGammaP(1, 0.7) - (1 - exp(-0.7))) < 1e-13)
        #expect(abs(SpecialFunctions.regularizedGammaP(3, 2) - (1 - 5 * exp(-2))) < 1e-13)
        #expect(abs(SpecialFunctions.regularizedGammaP(3, 9) - (1 - exp(-9) * (1 + 9 + 40.5))) < 1e-13)
    }
}
