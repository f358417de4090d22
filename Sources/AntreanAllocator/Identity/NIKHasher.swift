import Crypto

/// Turns a NIK into its keyed hash (HMAC-SHA256 with a secret pepper), so a leaked store does not
/// reveal NIKs (protected personal data under UU PDP) and cannot be reversed by enumerating the
/// ~10^10 plausible NIKs without the pepper.
public struct NIKHasher: Sendable {
    private let pepper: SymmetricKey

    public init(pepper: SymmetricKey) { self.pepper = pepper }

    /// A pepper from raw bytes (at least 16).
    public init(pepperBytes: [UInt8]) {
        precondition(pepperBytes.count >= 16, "a NIK pepper needs at least 16 bytes")
        pepper = SymmetricKey(data: pepperBytes)
    }

    public func hash(_ nik: NIK) -> NIKHash {
        let code = HMAC<SHA256>.authenticationCode(for: Array(nik.digits.utf8), using: pepper)
        return NIKHash(bytes: Array(code))!
    }

    /// Validates and hashes in one step.
    public func hash(validating text: String) throws(NIKError) -> NIKHash { hash(try NIK(text)) }
}
