import AntreanAllocator
import Crypto
import Foundation

/// One client's API key as the keys file stores it: never the key itself, only its SHA-256.
///
/// A key reads `antrean_<id>_<secret>`: `id` (8 hex digits) finds the record, and the SHA-256 of the whole
/// key must match `sha256`. The secret is 32 random bytes, so a fast hash is enough (no password
/// stretching: nobody can guess 256 bits), and a stolen keys file reveals no usable key.
public struct ClientKey: Codable, Hashable, Sendable {
    public var id: String
    /// Who holds the key (e.g. `portal-samarinda`, `kiosk-sidodadi-1`): logged, and scopes idempotency keys.
    public var client: String
    public var role: ClientRole
    /// Lowercase hex SHA-256 of the full key text.
    public var sha256: String
    public var createdAt: String
    public var revokedAt: String?
    /// Where the notification outbox delivers this client's events (docs/webhooks.md); nil: none.
    public var webhookURL: String?
    /// The HMAC-SHA256 key of this client's webhook signatures (`whsec_` and 32 random bytes in base64url),
    /// kept in clear because the server signs with it; the keys file is mode 600 for this reason.
    public var webhookSecret: String?
    /// Which events the webhook receives; nil reads as `.own`.
    public var webhookEvents: WebhookEventScope?

    public var isRevoked: Bool { revokedAt != nil }

    package static let prefix = "antrean_"

    /// The lowercase hex SHA-256 of `text`.
    /// (Written into one buffer: a string per byte joined cost more than the hash, on every request.)
    package static func digest(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(text.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The id part of a presented key, if it has the key's shape.
    package static func id(ofPresented key: Substring) -> Substring? {
        guard key.hasPrefix(prefix) else { return nil }
        let rest = key.dropFirst(prefix.count)
        guard let separator = rest.firstIndex(of: "_") else { return nil }
        let id = rest[..<separator]
        // On the UTF-8 bytes: `Character.isHexDigit` walks grapheme clusters, on every request.
        return id.utf8.count == 8 && id.utf8.allSatisfy(Self.isHexDigit) ? id : nil
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default: false
        }
    }

    /// Whether `presented` is this key: its digest equals ours, compared in constant time.
    package func matches(_ presented: Substring) -> Bool {
        var hasher = SHA256()
        var text = presented
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        let digits: StaticString = "0123456789abcdef"
        // The digest's hex digits against the stored ones, every byte compared whatever the differences
        // (as ConstantTime.equal), without the strings, arrays and Data that `digest` makes: this runs on
        // every request.
        var stored = sha256
        return stored.withUTF8 { stored in
            guard stored.count == 64 else { return false }
            var difference: UInt8 = 0
            var index = 0
            for byte in hasher.finalize() {
                difference |= digits.utf8Start[Int(byte >> 4)] ^ stored[index]
                difference |= digits.utf8Start[Int(byte & 0x0F)] ^ stored[index + 1]
                index += 2
            }
            return difference == 0
        }
    }

    /// A new random key for `client` with `role`: the record to store and the key text to hand over once.
    /// With `webhookURL`, the record also gets a new webhook secret (`webhookSecret`, shown once too).
    public static func make(
        client: String, role: ClientRole, webhookURL: String? = nil, webhookEvents: WebhookEventScope = .own,
        createdAt: Date = Date(), using generator: inout some RandomNumberGenerator
    ) -> (record: ClientKey, key: String) {
        let idBytes = (0..<4).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let id = idBytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let key = prefix + id + "_" + randomBase64URL(bytes: 32, using: &generator)
        var record = ClientKey(
            id: id, client: client, role: role, sha256: digest(key),
            createdAt: ISO8601DateFormatter().string(from: createdAt), revokedAt: nil, webhookURL: webhookURL)
        if webhookURL != nil {
            record.webhookSecret = makeWebhookSecret(using: &generator)
            record.webhookEvents = webhookEvents
        }
        return (record, key)
    }

    /// The prefix of a webhook secret, so a leaked one is recognisable (and told apart from an API key).
    public static let webhookSecretPrefix = "whsec_"

    /// A new webhook secret: `whsec_` and 32 random bytes in base64url (256 bits, as the API keys).
    public static func makeWebhookSecret(using generator: inout some RandomNumberGenerator) -> String {
        webhookSecretPrefix + randomBase64URL(bytes: 32, using: &generator)
    }

    /// Whether `secret` has the shape `makeWebhookSecret` gives (prefix and at least 43 base64url
    /// characters, i.e. 32 bytes or more): a hand-edited short secret is refused at start.
    public static func isWellFormedWebhookSecret(_ secret: String) -> Bool {
        guard secret.hasPrefix(webhookSecretPrefix) else { return false }
        let body = secret.utf8.dropFirst(webhookSecretPrefix.utf8.count)
        return body.count >= 43 && body.count <= 256
            && body.allSatisfy {
                (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) || $0 == 45 || $0 == 95
            }
    }

    private static func randomBase64URL(bytes count: Int, using generator: inout some RandomNumberGenerator) -> String {
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
