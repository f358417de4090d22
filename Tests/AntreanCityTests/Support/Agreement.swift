import AntreanEngine
import Testing

/// Checks that the replications' mean of `values` agrees with `theory`: the theory must lie inside the
/// two-sided 99.9% Student-t confidence interval of the mean (the 95% half-width scaled by
/// t(0.9995)/t(0.975), so a correct model fails on about one seed in a thousand), and the 95%
/// half-width must be below `precision` × |theory| so that a uselessly wide interval cannot pass.
func expectAgreement(
    _ values: [Double], _ name: String, theory: Double, precision: Double = 0.05,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let summary = MetricSummary(observations: values)
    let degrees = Double(values.count - 1)
    let halfWidth999 =
        summary.halfWidth95 * StudentT.quantile(probability: 0.9995, degreesOfFreedom: degrees)
        / StudentT.quantile(probability: 0.975, degreesOfFreedom: degrees)
    #expect(
        abs(summary.mean - theory) <= halfWidth999,
        "\(name): \(summary.mean) ± \(halfWidth999) (99.9%) vs theory \(theory)", sourceLocation: sourceLocation)
    #expect(
        summary.halfWidth95 <= precision * abs(theory),
        "\(name): 95% half-width \(summary.halfWidth95) is wider than \(precision * 100)% of \(theory)",
        sourceLocation: sourceLocation)
}
