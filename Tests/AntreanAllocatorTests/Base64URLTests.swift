import Foundation
import Testing

@testable import AntreanAllocator

/// Base64url without padding (RFC 4648 §5) against Foundation's Base64 with the URL alphabet swapped in.
@Suite struct Base64URLTests {
    static func foundationEncoding(_ bytes: [UInt8]) -> [UInt8] {
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return Array(text.utf8)
    }

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Base64URL.encodedCount(bytes.count)) { buffer, count in
            var out = ByteWriter(buffer)
            bytes.withUnsafeBytes { Base64URL.encode($0, into: &out) }
            count = out.count
        }
    }

    static func decode(_ chars: [UInt8]) -> [UInt8]? {
        guard let capacity = Base64URL.decodedCount(chars.count) else { return nil }
        var ok = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var out = ByteWriter(buffer)
            ok = chars.withUnsafeBufferPointer { Base64URL.decode($0, into: &out) }
            count = ok ? out.count : 0
        }
        return ok ? bytes : nil
    }

    @Test func roundTripsAndMatchesFoundation() {
        var generator = SplitMix64(seed: 4_648)
        for length in 0..<100 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let encoded = Self.encode(bytes)
            #expect(encoded == Self.foundationEncoding(bytes), "\(length) bytes")
            #expect(Self.decode(encoded) == bytes, "\(length) bytes")
        }
    }

    @Test func refusesCharactersOutsideTheAlphabetAtEveryPosition() {
        let encoded = Self.encode(Array(0..<40))
        for position in encoded.indices {
            for bad in Array("=+/.!\u{0} ".utf8) + [0x80, 0xFF] {
                var corrupted = encoded
                corrupted[position] = bad
                #expect(Self.decode(corrupted) == nil, "\(bad) at \(position)")
            }
        }
    }

    @Test func refusesImpossibleLengthsAndNonZeroLeftoverBits() {
        #expect(Self.decode(Array("A".utf8)) == nil)
        #expect(Self.decode(Array("AAAAA".utf8)) == nil)
        // "AB": the last character's low four bits would be dropped, so only "AA", "AQ", "Ag", "Aw" are canonical.
        #expect(Self.decode(Array("AB".utf8)) == nil)
        #expect(Self.decode(Array("AQ".utf8)) == [0x01])
        #expect(Self.decode(Array("AAB".utf8)) == nil)
        #expect(Self.decode(Array("AAE".utf8)) == [0x00, 0x01])
        #expect(Self.decode([]) == [])
    }
}
