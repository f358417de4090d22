import AntreanAllocator

/// Strong keys for the tests: fixed random bytes (drawn once with Python's `secrets.token_hex(32)`), so
/// every run signs the same tokens and each passes the checks a real key must pass.
enum TestKeys {
    static let token = bytes("522c993dbc8fe2a9e7238d7f9aca6e4338bdcc56afa9ab08d45339bc35b56675")
    static let otherToken = bytes("4c24617e318d0cb180aa592e723c10d0666a35f754a80c62f45cd47e9772ceb5")
    /// The key of the token-format vectors (``TokenFormatTests``).
    static let format = bytes("7c1fe134cffc0cd9fc6f76e8320e48f9f57ab09582da57c2b24dbb94b0d0fe7d")
    static let pepper = bytes("673dcbd69ee4044f4ca3de60bc75118d92726e5ecf172f9969e24813c3cde5c1")
    static let otherPepper = bytes("62ead7e89fc2bcfbaab7e626958b9955d037712eab65adc7fb01a7bdded1b1c8")

    static let signer = try! QRTokenSigner(keyID: "k1", keyBytes: token)
    static let hasher = try! NIKHasher(pepperBytes: pepper)

    private static func bytes(_ hex: String) -> [UInt8] { try! SecretText.decode(hex) }
}
