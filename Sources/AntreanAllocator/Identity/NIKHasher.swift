import Crypto

/// Turns a NIK into its keyed hash (HMAC-SHA256 with a secret pepper), so a leaked store does not
/// reveal NIKs (protected personal data under UU PDP) and cannot be reversed by enumerating the
/// ~10^10 plausible NIKs without the pepper.
public struct NIKHasher: Sendable {
    private let pepper: SymmetricKey

    /// Throws unless `pepper` is at least 32 random-looking bytes (``SecretKeyCheck``): a NIK has about
    /// 10^10 plausible values, so a guessable pepper lets a stolen store's hashes be reversed in seconds.
    public init(pepper: SymmetricKey) throws(SecretError) {
        try SecretKeyCheck.check(pepper.withUnsafeBytes { Array($0) })
        self.pepper = pepper
    }

    /// ``init(pepper:)`` from raw bytes (decode base64 or hex text first: ``SecretText``).
    public init(pepperBytes: [UInt8]) throws(SecretError) { try self.init(pepper: SymmetricKey(data: pepperBytes)) }

    public func hash(_ nik: NIK) -> NIKHash {
        let code = HMAC<SHA256>.authenticationCode(for: Array(nik.digits.utf8), using: pepper)
        return NIKHash(bytes: Array(code))!
    }

    /// Validates and hashes in one step.
    public func hash(validating text: String) throws(NIKError) -> NIKHash { hash(try NIK(text)) }
}
