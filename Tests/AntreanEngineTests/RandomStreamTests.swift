import Foundation
import Testing

@testable import AntreanEngine

@Suite struct RandomStreamTests {
    func draws(_ stream: RandomStream, _ n: Int = 8) -> [UInt64] {
        var copy = stream
        return (0..<n).map { _ in copy.next() }
    }

    @Test func sameTripleGivesSameNumbers() {
        #expect(
            draws(RandomStream(seed: 42, replication: 3, purpose: "arrivals/A"))
                == draws(RandomStream(seed: 42, replication: 3, purpose: "arrivals/A")))
    }

    @Test func anyChangeOfTheTripleGivesAnotherStream() {
        let base = draws(RandomStream(seed: 42, replication: 3, purpose: "arrivals/A"))
        #expect(base != draws(RandomStream(seed: 43, replication: 3, purpose: "arrivals/A")))
        #expect(base != draws(RandomStream(seed: 42, replication: 4, purpose: "arrivals/A")))
        #expect(base != draws(RandomStream(seed: 42, replication: 3, purpose: "arrivals/B")))
    }

    /// Reference values of xoshiro256** from its authors' C code for state (1, 2, 3, 4).
    @Test func matchesTheReferenceGenerator() {
        var stream = RandomStream(key: 0)
        stream.s0 = 1
        stream.s1 = 2
        stream.s2 = 3
        stream.s3 = 4
        let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240]
        #expect((0..<4).map { _ in stream.next() } == expected)
    }

    @Test func uniformsStayInRangeWithTheRightMean() {
        var stream = RandomStream(seed: 7, replication: 0, purpose: "uniform")
        var moments = Welford()
        for _ in 0..<100_000 {
            let u = stream.nextUniform()
            let open = stream.nextOpenUniform()
            #expect(u >= 0 && u < 1)
            #expect(open > 0 && open <= 1)
            moments.add(u)
        }
        // Var(U) = 1/12; 5 standard errors.
        #expect(abs(moments.mean - 0.5) < 5 * (1.0 / 12 / 100_000).squareRoot())
    }
}

@Suite struct ExponentialZigguratTests {
    /// P(X > t) = e^{−t} at points in the rectangles, the wedges and the tail beyond r ≈ 7.7, within
    /// 5 binomial standard errors over 10^6 draws.
    @Test func survivalFunctionMatchesTheExponential() {
        var stream = RandomStream(seed: 77, replication: 0, purpose: "ziggurat")
        let n = 1_000_000
        let points: [Double] = [0.01, 0.1, 0.5, 1, 2, 4, 7.5, 8, 10]
        var above = [Int](repeating: 0, count: points.count)
        for _ in 0..<n {
            let x = stream.nextExponential()
            for (index, point) in points.enumerated() where x > point { above[index] += 1 }
        }
        for (index, point) in points.enumerated() {
            let p = Double.exp(-point)
            let observed = Double(above[index]) / Double(n)
            let standardError = (p * (1 - p) / Double(n)).squareRoot()
            #expect(abs(observed - p) <= 5 * standardError, "P(X > \(point)) = \(observed), expected \(p)")
        }
    }
}
