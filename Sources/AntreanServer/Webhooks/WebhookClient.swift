/// A client that receives the outbox's events, as the server derives it from the keys file.
///
/// The subscriber is the client (its name), not one key: a client that replaces its API key keeps its
/// place in the outbox and its pending deliveries. Its webhook is that of its newest active key with a
/// `webhookURL` (by `createdAt`, then id), so a new key with a new URL takes over when it is created, and
/// a client whose keys are all revoked receives nothing more (its pending deliveries wait, unsent, in
/// case it comes back).
public struct WebhookClient: Hashable, Sendable {
    public var client: String
    public var url: String
    public var secret: String
    public var events: WebhookEventScope

    /// The webhook clients of `keys` (revoked keys ignored), sorted by client name. Throws the first key
    /// whose webhook cannot be used (a bad URL, a missing or malformed secret), naming its id. O(k log k).
    public static func of(_ keys: [ClientKey]) throws(WebhookClientError) -> [WebhookClient] {
        var newest: [String: ClientKey] = [:]
        for key in keys where !key.isRevoked {
            guard let url = key.webhookURL else { continue }
            if let problem = WebhookURL.problem(url) { throw .badURL(keyID: key.id, problem) }
            guard let secret = key.webhookSecret, ClientKey.isWellFormedWebhookSecret(secret) else {
                throw .badSecret(keyID: key.id)
            }
            if let other = newest[key.client], (other.createdAt, other.id) > (key.createdAt, key.id) { continue }
            newest[key.client] = key
        }
        return newest.values.compactMap { key in
            guard let url = key.webhookURL, let secret = key.webhookSecret else { return nil }
            return WebhookClient(client: key.client, url: url, secret: secret, events: key.webhookEvents ?? .own)
        }.sorted { $0.client < $1.client }
    }

    /// The client that made a booking, from the booking's stored idempotency key: the server scopes each
    /// key as `[assisted/]<client>/<key>` (APIHandler.scopedIdempotencyKey), and client names have no
    /// `/`. nil for a booking made outside the server (replay, the library). O(key length).
    static func maker(ofIdempotencyKey key: String) -> String? {
        var rest = Substring(key)
        if rest.hasPrefix("assisted/") { rest = rest.dropFirst("assisted/".count) }
        guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex else { return nil }
        return String(rest[..<slash])
    }
}

/// Why a key's webhook cannot be used; each names the key by id (never the secret).
public enum WebhookClientError: Error, Hashable, Sendable, CustomStringConvertible {
    case badURL(keyID: String, String)
    case badSecret(keyID: String)

    public var description: String {
        switch self {
        case .badURL(let id, let problem): "keys[id=\(id)].webhookURL: \(problem)"
        case .badSecret(let id):
            "keys[id=\(id)].webhookSecret: missing or malformed; make a new one with "
                + "`antrean keys rotate-webhook-secret \(id)`"
        }
    }
}
