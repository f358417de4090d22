import Crypto
import Testing

@testable import AntreanAllocator

/// The token signer's HMAC construction against swift-crypto's own `HMAC<SHA256>` (RFC 2104 §2):
/// keys shorter than, equal to and longer than the 64-byte block (the last are hashed first), and
/// messages across the block and padding boundaries.
@Suite struct PrekeyedHMACTests {
    @Test func tagsEqualSwiftCryptoHMAC() {
        var generator = SplitMix64(seed: 2_104)
        for keyLength in [0, 1, 16, 32, 63, 64, 65, 100, 200] {
            let key = SymmetricKey(
                data: (0..<keyLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            let prekeyed = PrekeyedHMAC(key: key)
            for messageLength in [0, 1, 55, 56, 63, 64, 65, 119, 120, 300] {
                let message = (0..<messageLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
                let expected = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
                let actual = message.withUnsafeBytes { prekeyed.withTag(of: $0, Array.init) }
                #expect(actual == expected, "key \(keyLength) bytes, message \(messageLength) bytes")
            }
        }
    }

    /// RFC 4231 test case 2 ("Jefe"), an external vector independent of both implementations.
    @Test func rfc4231TestCase2() {
        let prekeyed = PrekeyedHMAC(key: SymmetricKey(data: Array("Jefe".utf8)))
        let tag = Array("what do ya want for nothing?".utf8).withUnsafeBytes { prekeyed.withTag(of: $0, Array.init) }
        let hex = tag.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(hex == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    /// Reusing one keyed value must not leak state between messages.
    @Test func keyedStateIsNotConsumed() {
        let prekeyed = PrekeyedHMAC(key: SymmetricKey(data: Array(repeating: UInt8(9), count: 32)))
        let message: [UInt8] = Array("AQ1.k1".utf8)
        let first = message.withUnsafeBytes { prekeyed.withTag(of: $0, Array.init) }
        _ = Array("other".utf8).withUnsafeBytes { prekeyed.withTag(of: $0, Array.init) }
        let second = message.withUnsafeBytes { prekeyed.withTag(of: $0, Array.init) }
        #expect(first == second)
    }
}
