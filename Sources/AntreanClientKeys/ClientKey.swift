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
    /// Where the notification outbox delivers this client's events (docs/server.md); nil: none.
    public var webhookURL: String?

    public var isRevoked: Bool { revokedAt != nil }

    package static let prefix = "antrean_"

    /// The lowercase hex SHA-256 of `text`.
    package static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The id part of a presented key, if it has the key's shape.
    package static func id(ofPresented key: Substring) -> Substring? {
        guard key.hasPrefix(prefix) else { return nil }
        let rest = key.dropFirst(prefix.count)
        guard let separator = rest.firstIndex(of: "_") else { return nil }
        let id = rest[..<separator]
        return id.count == 8 && id.allSatisfy(\.isHexDigit) ? id : nil
    }

    /// Whether `presented` is this key: its digest equals ours, compared in constant time.
    package func matches(_ presented: Substring) -> Bool {
        ConstantTime.equal(Self.digest(String(presented)).utf8, sha256.utf8)
    }

    /// A new random key for `client` with `role`: the record to store and the key text to hand over once.
    public static func make(
        client: String, role: ClientRole, webhookURL: String? = nil, createdAt: Date = Date(),
        using generator: inout some RandomNumberGenerator
    ) -> (record: ClientKey, key: String) {
        let idBytes = (0..<4).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secretBytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let id = idBytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let secret = Data(secretBytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let key = prefix + id + "_" + secret
        let record = ClientKey(
            id: id, client: client, role: role, sha256: digest(key),
            createdAt: ISO8601DateFormatter().string(from: createdAt), revokedAt: nil, webhookURL: webhookURL)
        return (record, key)
    }
}
