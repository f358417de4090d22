import AntreanAllocator
import Foundation
import Testing

@testable import AntreanServer

/// A presented key matches its record exactly when the SHA-256 of its text is the record's digest: the
/// registry's check, which runs on every request, against `ClientKey.digest` (the digest the keys file
/// stores) compared by `ConstantTime.equal`.
@Suite("Client key matching")
struct ClientKeyMatchTests {
    @Test func aKeyMatchesItsRecordAndNoAlteredKeyDoes() {
        var generator = SplitMix64(seed: 6_472)
        let alphabet = Array("abcdefABCDEF0123456789_-.")
        for _ in 0..<300 {
            let (record, key) = ClientKey.make(client: "c", role: .portal, using: &generator)
            #expect(record.matches(key[...]))
            var altered = Array(key)
            let position = Int.random(in: 0..<altered.count, using: &generator)
            let replacement = alphabet.filter { $0 != altered[position] }.randomElement(using: &generator) ?? "x"
            altered[position] = replacement
            let alteredKey = String(altered)
            #expect(!record.matches(alteredKey[...]), "\(alteredKey)")
            #expect(!record.matches(key.dropLast()))
            #expect(!record.matches((key + "x")[...]))
            // Whatever is presented, the answer is the stored digest's.
            for presented in [key, alteredKey, "", "ak_", String(key.reversed())] {
                #expect(
                    record.matches(presented[...])
                        == ConstantTime.equal(ClientKey.digest(presented).utf8, record.sha256.utf8))
            }
        }
    }

    @Test func aRecordWithAMalformedDigestMatchesNothing() {
        var generator = SplitMix64(seed: 9)
        var (record, key) = ClientKey.make(client: "c", role: .portal, using: &generator)
        record.sha256 = String(record.sha256.dropLast())
        #expect(!record.matches(key[...]))
        record.sha256 = ""
        #expect(!record.matches(key[...]))
    }
}
