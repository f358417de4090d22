import AntreanEngine
import Testing

/// Issue 16, item 4: a duration drawn from a distribution that can go negative is clamped to 0.
@Suite("Duration sampling never goes below 0")
struct DurationSamplingTests {
    @Test func negativeDrawsBecomeZeroAndOthersAreUnchanged() throws {
        let distribution = Distribution.normal(mean: 0, sd: 1)
        let sampler = try distribution.sampler()
        var plain = RandomStream(seed: 5, replication: 0, purpose: "duration")
        var clamped = plain
        var negatives = 0
        for _ in 0..<10_000 {
            let draw = sampler.sample(&plain)
            let duration = sampler.sampleDuration(&clamped)
            if draw < 0 {
                negatives += 1
                #expect(duration == 0)
            } else {
                #expect(duration == draw)
            }
        }
        // Half the draws of N(0, 1) are negative: the clamp was exercised (binomial, ±5 sd ≈ ±250).
        #expect((4_750...5_250).contains(negatives))
    }

    @Test func durationValidationFollowsTheSupport() {
        #expect(throws: DistributionError.self) {
            try Distribution.normal(mean: 5, sd: 3).validateAsDuration(meanMustBePositive: false)
        }
        #expect(throws: DistributionError.self) {
            try Distribution.deterministic(0).validateAsDuration(meanMustBePositive: true)
        }
        #expect(throws: Never.self) { try Distribution.deterministic(0).validateAsDuration(meanMustBePositive: false) }
        #expect(throws: Never.self) {
            try Distribution.truncatedNormal(mean: 5, sd: 3, low: 0, high: 17).validateAsDuration(
                meanMustBePositive: true)
        }
        #expect(Distribution.lognormal(mean: 5, sd: 3).lowestValue == 0)
        #expect(Distribution.uniform(low: -1, high: 2).lowestValue == -1)
    }
}
