import Testing

@testable import AntreanFit

/// A censored sample small enough to work by hand: 3, 5⁺, 5, 8, 10⁺, 12 (⁺ censored).
@Suite("Kaplan–Meier and the censored exponential")
struct KaplanMeierTests {
    static var sample: CensoredSample {
        var sample = CensoredSample()
        for (time, isEvent) in [(3.0, true), (5, false), (5, true), (8, true), (10, false), (12, true)] {
            sample.add(time, isEvent: isEvent)
        }
        return sample
    }

    @Test func survivalStepsAreTheHandComputedOnes() {
        let km = KaplanMeier(Self.sample)
        // t=3: 6 at risk, 1 event → 5/6. t=5: 5 at risk (the one censored at 5 still counts) → 5/6·4/5 = 2/3.
        // t=8: 3 at risk → 2/3·2/3 = 4/9. t=10 censored. t=12: 1 at risk → 0.
        #expect(km.steps.map(\.time) == [3, 5, 8, 12])
        #expect(km.steps.map(\.atRisk) == [6, 5, 3, 1])
        let expected = [5.0 / 6, 2.0 / 3, 4.0 / 9, 0]
        for (step, survival) in zip(km.steps, expected) { #expect(abs(step.survival - survival) < 1e-15) }
        #expect(km.median == 8)
        #expect(km.survival(at: 2.9) == 1)
        #expect(abs(km.survival(at: 9) - 4.0 / 9) < 1e-15)
        // Greenwood at t=5: S² (1/(6·5) + 1/(5·4)) = (4/9)(1/12).
        #expect(abs(km.steps[1].standardError - (4.0 / 9 / 12).squareRoot()) < 1e-12)
    }

    @Test func exponentialMeanIsTotalTimeOverEvents() throws {
        let fit = try #require(CensoredExponential(Self.sample))
        #expect(fit.events == 4)
        #expect(abs(fit.mean - 43.0 / 4) < 1e-12)
        #expect(fit.lower < fit.mean && fit.mean < fit.upper)
        #expect(CensoredExponential(CensoredSample()) == nil)
    }
}
