import AntreanEngine
import Testing

/// Checks that the replications' mean of `key` agrees with `theory`: within `halfWidths` times the
/// 95% confidence half-width, and (so that a uselessly wide interval cannot pass) within
/// `relative` of the theory.
func expectAgreement(
    _ samples: [MetricSample], _ key: String, theory: Double, halfWidths: Double = 4, relative: Double = 0.1,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let summary = MetricSummary(observations: samples.map { $0[key]! })
    let difference = abs(summary.mean - theory)
    #expect(
        difference <= halfWidths * summary.halfWidth95,
        "\(key): \(summary.mean) ± \(summary.halfWidth95) vs theory \(theory)", sourceLocation: sourceLocation)
    #expect(
        difference <= relative * abs(theory),
        "\(key): \(summary.mean) more than \(relative * 100)% from theory \(theory)", sourceLocation: sourceLocation)
}
