import Testing

@testable import AntreanAllocator

/// `ShardedDictionary` must answer as a `Dictionary` does, and its keys must spread over its parts (so
/// that each part's regrowth moves a small share; the pause itself is measured by
/// `pooled-counters pauses` in `Benchmarks/`).
@Suite struct ShardedDictionaryTests {
    /// A key whose shard bits are chosen by the test, to put many keys in one part.
    struct Probe: ShardedKey {
        var id: Int
        var shardBits: UInt64
    }

    @Test func answersAsADictionaryUnderRandomInsertsUpdatesAndRemovals() {
        var random = SplitMix64(seed: 11)
        var sharded = ShardedDictionary<Probe, Int>()
        var model: [Probe: Int] = [:]
        // A third of the keys share one part.
        func probe(_ id: Int) -> Probe {
            Probe(id: id, shardBits: id % 3 == 0 ? 7 : UInt64(id) &* 0x9E37_79B9_7F4A_7C15)
        }
        for step in 0..<60_000 {
            let key = probe(Int(random.next() % 5_000))
            switch random.next() % 4 {
            case 0, 1:
                #expect(sharded[key] == model[key])
                sharded[key] = nil
                model[key] = nil
            default:
                sharded[key] = step
                model[key] = step
            }
            #expect(sharded[key] == model[key])
            #expect(sharded.count == model.count)
        }
        #expect((0..<5_000).allSatisfy { sharded[probe($0)] == model[probe($0)] })
        #expect(sharded.shardCounts.reduce(0, +) == model.count)
    }

    @Test func reservingKeepsEveryEntry() {
        var sharded = ShardedDictionary<UInt64, String>()
        for key in 0..<UInt64(1_000) { sharded[key] = "key-\(key)" }
        sharded.reserveCapacity(100_000)
        #expect(sharded.count == 1_000)
        #expect((0..<UInt64(1_000)).allSatisfy { sharded[$0] == "key-\($0)" })
        #expect(sharded[1_000] == nil)
    }

    /// Fingerprints of idempotency scopes split by their low bits: with 100,000 keys, no part holds more
    /// than 1.3 times its even share (a binomial share's 5 standard deviations are 1.2 times it), and
    /// every part is used.
    @Test func fingerprintsSpreadEvenly() {
        var fingerprints = ShardedDictionary<UInt64, UInt32>()
        let total = 100_000
        for number in 0..<total {
            var hasher = Hasher()
            hasher.combine(IdempotencyScope(nikHash: NIKHash(syntheticCitizen: UInt64(number)), key: "k"))
            fingerprints[UInt64(truncatingIfNeeded: hasher.finalize())] = UInt32(number)
        }
        let share = Double(total) / 256
        let counts = fingerprints.shardCounts
        #expect(counts.count == 256)
        #expect(Double(counts.max() ?? 0) <= 1.3 * share)
        #expect(Double(counts.min() ?? 0) >= 0.7 * share)
    }
}
