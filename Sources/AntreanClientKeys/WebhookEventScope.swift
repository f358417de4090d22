import Foundation

/// Which notification events a client's webhook receives (docs/webhooks.md, "Who receives what").
public enum WebhookEventScope: String, CaseIterable, Codable, Sendable {
    /// The events of the bookings this client made (its own holds and bookings, whichever key of the
    /// client made them): a portal or the 112 line tells its own citizens.
    case own
    /// Every event of the store: the city's own notification gateway (one WhatsApp or SMS sender for all
    /// portals), an office's information screen, an audit sink.
    case all

    /// The scopes' names, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The checks of a webhook URL, shared by `antrean keys create` and the server's start.
public enum WebhookURL {
    /// Why `text` cannot be a webhook URL, or nil when it can: an absolute `http` or `https` URL with a
    /// host, no credentials in it, at most 2,048 characters. (https in production; http is for a receiver
    /// on the same host or private network, and for tests.)
    public static func problem(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.count <= 2048 else { return "expected a URL of 1 to 2048 characters" }
        guard !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) else {
            return "a URL has no spaces or control characters"
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            return "not an absolute URL (expected https://host/path)"
        }
        guard scheme == "https" || scheme == "http" else { return "the scheme must be https or http, not \(scheme)" }
        guard let host = components.host, !host.isEmpty else { return "the URL has no host" }
        guard components.user == nil, components.password == nil else {
            return "the URL must not carry a user or password (the signature authenticates the server)"
        }
        return nil
    }
}

extension ClientRole {
    /// Whether a key of this role can make holds or bookings, and so have events of its own.
    public var makesBookings: Bool { operations.contains("createBooking") || operations.contains("createHold") }
}
