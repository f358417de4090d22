/// The service-time model of one service: the four families fitted by maximum likelihood, the best
/// by AIC, and whether it fits; when none does, the sample's quantiles as an empirical distribution.
public struct ServiceTimeFit: Sendable {
    /// What "fits" means: the chosen family's Kolmogorov–Smirnov p-value is at least this…
    public static let minimumPValue = 0.01
    /// … or its D is at most this: with tens of thousands of observations the test rejects even
    /// differences of a few seconds (timestamps rounded to the second or minute), while a fitted
    /// distribution function within 3 percentage points of the observed one everywhere serves a
    /// simulation well.
    public static let toleratedDistance = 0.03
    /// Quantiles kept for the empirical distribution.
    public static let empiricalPoints = 100

    /// Observations (durations in minutes), and those not positive (left out of the log families).
    public var sample: GroupedSample
    public var nonPositive: Int
    /// Fitted families, best (lowest AIC) first; empty when fewer than two distinct positive values.
    public var candidates: [FittedDistribution]
    public var fits: Bool

    public var chosen: FittedDistribution? { candidates.first }

    /// Sample mean and the half-width of its 95% confidence interval (normal approximation).
    public var mean: Double { sample.mean }
    public var meanHalfWidth: Double { 1.959964 * sample.standardDeviation / Double(max(1, sample.count)).squareRoot() }

    /// The empirical distribution's points: the sample's quantiles at (i + ½)/`empiricalPoints`.
    public var empiricalQuantiles: [Double] {
        (0..<Self.empiricalPoints).map { sample.quantile((Double($0) + 0.5) / Double(Self.empiricalPoints)) }
    }

    /// Fits every family to the positive part of `sample`. O(k · iterations) for k distinct values.
    public init(_ sample: GroupedSample) {
        self.sample = sample
        let positive = sample.above(0)
        nonPositive = sample.count - positive.count
        guard positive.values.count >= 2 else {
            candidates = []
            fits = false
            return
        }
        candidates = DistributionFamily.allCases.map { family in
            var fit = MaximumLikelihood.fit(family, positive)
            fit.ksStatistic = GoodnessOfFit.kolmogorovSmirnov(positive, fit.cdf)
            fit.ksPValue = SpecialFunctions.kolmogorovPValue(d: fit.ksStatistic, n: positive.count)
            fit.andersonDarling = GoodnessOfFit.andersonDarling(positive, fit.cdf)
            return fit
        }.filter { $0.logLikelihood.isFinite }.sorted { $0.aic < $1.aic }
        fits =
            candidates.first.map {
                $0.ksPValue >= Self.minimumPValue || $0.ksStatistic <= Self.toleratedDistance
            } ?? false
    }
}
