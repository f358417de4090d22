/// Why a secret (a token signing key, the NIK pepper) or a token key id was refused.
///
/// Descriptions never repeat the secret: they say what is wrong and how to make a good one.
public enum SecretError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer than ``SecretKeyCheck/minimumBytes`` bytes (after decoding).
    case tooShort(bytes: Int)
    /// Contains a placeholder word from a sample configuration ("replace-me", "changeme", …).
    case placeholder(word: String)
    /// Every byte is printable text: a passphrase or an undecoded string, not random bytes.
    case printableText
    /// Too few distinct byte values, a repeating pattern or a counting sequence.
    case lowEntropy(String)
    /// Text that is neither base64 (standard or URL-safe alphabet) nor hexadecimal.
    case notEncoded
    /// A token key id must be 1–32 characters of `A–Z a–z 0–9 - _` (it is written into every token).
    case invalidKeyID

    public var description: String {
        let advice = "use at least 32 random bytes, e.g. from `antrean secrets generate`"
        return switch self {
        case .tooShort(let count): "too short: \(count) bytes; \(advice)"
        case .placeholder(let word): "a placeholder ('\(word)') from a sample configuration, not a secret; \(advice)"
        case .printableText: "printable text, not random bytes; \(advice)"
        case .lowEntropy(let why): "too predictable (\(why)); \(advice)"
        case .notEncoded: "not base64 or hex text; \(advice)"
        case .invalidKeyID: "a key id is 1-32 characters of A-Z a-z 0-9 - _"
        }
    }
}
