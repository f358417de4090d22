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
