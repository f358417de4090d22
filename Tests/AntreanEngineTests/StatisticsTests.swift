import Testing

@testable import AntreanEngine

@Suite struct StatisticsTests {
    /// Every quantile the sketch reports is within its relative accuracy of the exact sample
    /// quantile of the same rank (the DDSketch guarantee).
    @Test(arguments: [0.01, 0.005])
    func sketchQuantilesAreWithinTheRelativeAccuracy(_ accuracy: Double) throws {
        var stream = RandomStream(seed: 9, replication: 0, purpose: "sketch")
        let sampler = try Distribution.lognormal(mean: 5, sd: 8).sampler()
        var sketch = QuantileSketch(relativeAccuracy: accuracy)
        var values: [Double] = []
        for index in 0..<50_000 {
            let value = index % 5 == 0 ? 0 : sampler.sample(&stream)  // a fifth are exact zeros
            values.append(value)
            sketch.add(value)
        }
        values.sort()
        for q in [0.0, 0.1, 0.25, 0.5, 0.9, 0.99, 0.999, 1.0] {
            let exact = values[Int((q * Double(values.count - 1)).rounded(.down))]
            let estimate = sketch.quantile(q)
            #expect(abs(estimate - exact) <= accuracy * exact + 1e-12, "q \(q): \(estimate) vs \(exact)")
        }
    }

    @Test func mergedSketchesEqualOneSketchOfAllValues() {
        var stream = RandomStream(seed: 10, replication: 0, purpose: "merge")
        var whole = QuantileSketch()
        var left = QuantileSketch()
        var right = QuantileSketch()
        for index in 0..<20_000 {
            let value = stream.nextExponential() * (index < 10_000 ? 1 : 1000)
            whole.add(value)
            if index < 10_000 { left.add(value) } else { right.add(value) }
        }
        left.merge(right)
        for q in [0.05, 0.5, 0.95, 0.99] { #expect(left.quantile(q) == whole.quantile(q)) }
        #expect(left.count == whole.count)
    }

    @Test func sketchMemoryIsBoundedOverAHugeRange() {
        var sketch = QuantileSketch(relativeAccuracy: 0.01, maximumBuckets: 64)
        for exponent in -300...300 { sketch.add(Double.pow(10, Double(exponent) / 10)) }
        #expect(sketch.counts.count <= 64)
        #expect(sketch.count == 601)
        // The top quantiles stay accurate; only the lowest buckets were folded.
        #expect(abs(sketch.quantile(1) - 1e30) <= 0.01 * 1e30)
    }

    @Test func timeWeightedAverageIntegratesAStepFunction() {
        var average = TimeWeightedAverage(value: 0, at: 0)
        average.record(2, at: 1)  // 0 on [0,1)
        average.record(5, at: 3)  // 2 on [1,3)
        average.add(-5, at: 4)  // 5 on [3,4)
        #expect(average.integral(until: 10) == 0 + 4 + 5 + 0)
        #expect(average.average(until: 10) == 0.9)
        average.reset(at: 10)
        average.record(1, at: 12)
        #expect(average.average(until: 14) == 0.5)  // 0 on [10,12), 1 on [12,14)
    }

    @Test func tallyMergesMomentsAndQuantiles() {
        var a = Tally()
        var b = Tally()
        for value in 1...10 { a.add(Double(value)) }
        for value in 11...20 { b.add(Double(value)) }
        a.merge(b)
        #expect(a.count == 20)
        #expect(a.mean == 10.5)
        #expect(abs(a.moments.variance - 35) < 1e-12)  // variance of 1…20 is 35
    }

    @Test(arguments: [(1.0, 12.7062), (9, 2.2622), (29, 2.0452)])
    func studentTQuantilesMatchTheTable(_ degrees: Double, _ table: Double) {
        #expect(abs(StudentT.quantile(probability: 0.975, degreesOfFreedom: degrees) - table) < 5e-5)
    }

    @Test func studentTTendsToTheNormal() {
        #expect(abs(StudentT.quantile(probability: 0.975, degreesOfFreedom: 1e7) - 1.959964) < 1e-5)
    }
}
