import AntreanAllocator
import Crypto
import Testing

/// Weak secrets are refused wherever a key or pepper enters the allocator; random ones are accepted.
@Suite struct SecretKeyCheckTests {
    /// What the probe got accepted, and the usual mistakes.
    static let weakBytes: [(String, [UInt8])] = [
        ("16 spaces", Array(repeating: 0x20, count: 16)),
        ("16 × a", Array(repeating: UInt8(ascii: "a"), count: 16)),
        ("32 × a", Array(repeating: UInt8(ascii: "a"), count: 32)),
        ("32 zero bytes", Array(repeating: 0, count: 32)),
        ("sample pepper", Array("replace-me-with-a-real-secret-pepper".utf8)),
        ("sample key", Array("replace-me-with-a-real-signing-key".utf8)),
        ("a passphrase", Array("correct horse battery staple, twice over".utf8)),
        ("counting bytes", (0..<32).map { UInt8($0) }),
        ("a repeated 8-byte pattern", Array([0x13, 0x57, 0x9B, 0xDF, 0x02, 0x46, 0x8A, 0xCE].repeated(4))),
        ("16 random bytes", Array(SHA256.hash(data: [1]).prefix(16))),
    ]

    @Test func weakBytesAreRefusedBySignerAndHasher() {
        for (name, bytes) in Self.weakBytes {
            #expect(throws: SecretError.self, "\(name)") { try QRTokenSigner(keyID: "k1", keyBytes: bytes) }
            #expect(throws: SecretError.self, "\(name)") { try NIKHasher(pepperBytes: bytes) }
            #expect(throws: SecretError.self, "\(name)") { try NIKHasher(pepper: SymmetricKey(data: bytes)) }
            var signer = TestKeys.signer
            #expect(throws: SecretError.self, "\(name)") { try signer.rotate(to: "k2", key: SymmetricKey(data: bytes)) }
        }
    }

    @Test(arguments: [
        "replace-me-with-a-real-secret-pepper", "replace-me-with-a-real-signing-key", "CHANGEME-0123456789abcdef",
        "cmVwbGFjZS1tZS13aXRoLWEtcmVhbC1zaWduaW5nLWtleQ==",  // base64 of "replace-me-with-a-real-signing-key"
        "                ", "aaaaaaaaaaaaaaaa", "YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=",  // base64 of 32 × a
        "00000000000000000000000000000000000000000000000000000000000000", "not base64 at all!", "",
        "q83vEjRWeJq83vEjRWeJ",  // 15 random-looking bytes
    ])
    func weakTextIsRefused(text: String) {
        #expect(throws: SecretError.self) { try SecretText.decode(text) }
    }

    @Test func placeholdersAreNamedAsSuch() {
        #expect(throws: SecretError.placeholder(word: "replaceme")) {
            try SecretText.decode("replace-me-with-a-real-secret-pepper")
        }
        #expect(throws: SecretError.placeholder(word: "changeme")) { try SecretText.decode("Change_Me_Please_0123") }
    }

    /// The three encodings of the same random bytes decode to them, with a file's final newline.
    @Test func base64AndHexDecode() throws {
        let bytes = Array(SHA256.hash(data: Array("antrean".utf8)))
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let base64 = SecretText.base64Encoded(bytes)
        let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        for text in [hex, hex.uppercased(), base64, base64 + "\n", urlSafe, String(urlSafe.dropLast())] {
            #expect(try SecretText.decode(text) == bytes, "\(text)")
        }
    }

    /// Uniformly random keys pass: 500 of them from SHA-256 of a counter (a stand-in for a random
    /// source that the test can repeat), against a false-refusal bound of 10^-7 per key.
    @Test func randomKeysAreAccepted() throws {
        for counter in 0..<500 {
            let bytes = Array(SHA256.hash(data: withUnsafeBytes(of: UInt64(counter), Array.init)))
            try SecretKeyCheck.check(bytes)
            #expect(try SecretText.decode(SecretText.base64Encoded(bytes)) == bytes)
        }
    }

    @Test func keyIDsAreShortAndPlain() throws {
        for good in ["k1", "2026a", "KEY_2026-11"] { try SecretKeyCheck.checkKeyID(good) }
        for bad in ["", "a.b", "kunci rahasia", String(repeating: "k", count: 33), "ключ"] {
            #expect(throws: SecretError.invalidKeyID, "\(bad)") {
                try QRTokenSigner(keyID: bad, keyBytes: TestKeys.token)
            }
        }
    }

    /// Messages explain the problem without repeating the secret.
    @Test func messagesDoNotEchoTheSecret() {
        for (_, bytes) in Self.weakBytes {
            do {
                _ = try NIKHasher(pepperBytes: bytes)
            } catch {
                #expect(!error.description.contains(String(decoding: bytes, as: UTF8.self)))
                #expect(error.description.contains("antrean secrets generate"))
            }
        }
    }
}

extension Array {
    fileprivate func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}
