import Testing

@testable import AntreanAllocator

/// The compact idempotency storage: packed keys give back their exact text, and the fingerprint index
/// answers as an exact dictionary of scopes does, also when every fingerprint collides.
@Suite struct IdempotencyIndexTests {
    @Test func packedKeysGiveBackTheirExactText() {
        let keys = [
            "c963cfe0-afae-4a3b-b909-6a04e7d80068", "C963CFE0-AFAE-4A3B-B909-6A04E7D80068",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "12345678-1234-1234-1234-123456789012",
        ]
        for key in keys {
            let stored = StoredIdempotencyKey(key)
            guard case .text = stored else {
                #expect(stored.text == key)
                continue
            }
            Issue.record("\(key) was not packed")
        }
        // Not packed, and still given back exactly: mixed case, wrong shape, other characters, no key.
        let others = [
            "c963cfe0-afae-4a3b-b909-6A04E7D80068", "c963cfe0afae4a3bb9096a04e7d80068",
            "c963cfe0-afae-4a3b-b909-6a04e7d8006", "c963cfe0-afae-4a3b-b909-6a04e7d800688",
            "g963cfe0-afae-4a3b-b909-6a04e7d80068", "c963cfe0-afae-4a3b-b909_6a04e7d80068", "tab-1", "",
            "ｃ963cfe0-afae-4a3b-b909-6a04e7d80068",
        ]
        for key in others {
            #expect(StoredIdempotencyKey(key) == .text(key), "\(key)")
            #expect(StoredIdempotencyKey(key).text == key)
        }
        #expect(StoredIdempotencyKey(nil) == .none)
        #expect(StoredIdempotencyKey(nil).text == nil)
        #expect(StoredIdempotencyKey(keys[0]) != StoredIdempotencyKey(keys[1]))
        #expect(MemoryLayout<StoredIdempotencyKey>.stride == 24)
    }

    /// Random UUIDs of both cases round-trip.
    @Test func randomUUIDsRoundTrip() {
        var random = SplitMix64(seed: 3)
        let digits = Array("0123456789abcdef")
        for round in 0..<2_000 {
            var text = ""
            for offset in 0..<36 {
                text.append([8, 13, 18, 23].contains(offset) ? "-" : digits[Int(random.next() % 16)])
            }
            let key = round.isMultiple(of: 2) ? text : text.uppercased()
            #expect(StoredIdempotencyKey(key).text == key)
        }
    }

    /// A model: bookings are (NIK hash, key) appended in order; scopes are indexed, looked up, removed
    /// (some positions have no key, some citizens reuse a key text, some scopes repeat across citizens),
    /// and the held prefix is dropped, against a plain dictionary of scopes. Run with full fingerprints,
    /// and with 3-bit ones, where nearly every scope collides and the exact table answers.
    @Test(arguments: [UInt64.max, 0b111])
    func answersAsADictionaryOfScopes(mask: UInt64) {
        var random = SplitMix64(seed: 29)
        var index = IdempotencyIndex(fingerprintMask: mask)
        var bookings: [(nikHash: NIKHash, key: String?)] = []
        var model: [IdempotencyScope: Int] = [:]
        // The model's scopes in an order of the seed's (a dictionary's order is seeded per process).
        var held: [IdempotencyScope] = []
        var dropped = 0
        func nikHash(_ position: Int) -> NIKHash { bookings[position].nikHash }
        for _ in 0..<6_000 {
            let citizen = NIKHash(syntheticCitizen: random.next() % 300)
            let key = "key-\(random.next() % 40)"
            let scope = IdempotencyScope(nikHash: citizen, key: key)
            switch random.next() % 10 {
            case 0..<5 where model[scope] == nil:
                // A new keyed booking.
                let position = bookings.count
                bookings.append((citizen, key))
                index.appendKey(key)
                index.insert(scope, at: position, nikHash: nikHash)
                model[scope] = position
                held.append(scope)
            case 5:
                // A booking without a key.
                bookings.append((citizen, nil))
                index.appendKey(nil)
            case 6, 7:
                // A held booking's scope goes (its booking is forgotten).
                guard !held.isEmpty else { break }
                held.swapAt(Int(random.next() % UInt64(held.count)), held.count - 1)
                let gone = held.removeLast()
                index.remove(gone, at: model[gone] ?? -1)
                model[gone] = nil
            case 8 where random.next() % 20 == 0:
                // The prefix with no indexed scope left is dropped, as retirement does.
                let lowest = model.values.min() ?? bookings.count
                dropped = max(dropped, lowest)
                index.dropKeys(below: dropped)
            default:
                break
            }
            #expect(index.position(of: scope, nikHash: nikHash) == model[scope])
            #expect(index.count == model.count)
        }
        for (scope, position) in model {
            #expect(index.position(of: scope, nikHash: nikHash) == position)
            #expect(index.key(at: position) == scope.key)
        }
        #expect(index.indices == dropped..<bookings.count)
    }
}
