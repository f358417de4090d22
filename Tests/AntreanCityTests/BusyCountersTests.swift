import AntreanEngine
import Testing

@testable import AntreanCity

/// `BusyCounters` against the plain `[Bool]` it replaced, across the 64-counter word boundary.
@Suite struct BusyCountersTests {
    /// The first free counter at or after `start`, by walking the flags.
    func reference(_ flags: [Bool], from start: Int) -> Int? {
        flags.indices.first { $0 >= start && !flags[$0] }
    }

    @Test(arguments: [0, 1, 5, 63, 64, 65, 130])
    func agreesWithAnArrayOfFlags(counters: Int) {
        var stream = RandomStream(seed: 7, replication: counters, purpose: "busy counters")
        var set = BusyCounters(count: counters)
        var flags = [Bool](repeating: false, count: counters)
        for _ in 0..<4_000 {
            if counters > 0 {
                let counter = stream.nextInt(below: counters)
                // Mostly busy, so that runs of busy counters cross word boundaries.
                let busy = stream.nextUniform() < 0.8
                set[counter] = busy
                flags[counter] = busy
            }
            let start = stream.nextInt(below: counters + 2)
            #expect(set.firstFree(from: start) == reference(flags, from: start))
        }
        #expect((0..<counters).allSatisfy { set[$0] == flags[$0] })
    }

    @Test func allBusyHasNoFreeCounter() {
        var set = BusyCounters(count: 70)
        for counter in 0..<70 { set[counter] = true }
        #expect(set.firstFree(from: 0) == nil)
        set[69] = false
        #expect(set.firstFree(from: 0) == 69 && set.firstFree(from: 69) == 69)
        #expect(set.firstFree(from: 70) == nil)
    }
}
