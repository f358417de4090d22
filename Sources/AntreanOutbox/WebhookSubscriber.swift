/// A client that receives the outbox's events: supplied by the server from its client registry.
public struct WebhookSubscriber: Hashable, Sendable {
    /// The client's stable id (its place in the store's delivery records).
    public var clientID: String
    /// Where events are POSTed (https in production; the server validates it when registering the client).
    public var url: String
    /// The shared secret; its UTF-8 bytes are the HMAC key (see `WebhookSignature`).
    public var secret: String

    public init(clientID: String, url: String, secret: String) {
        self.clientID = clientID
        self.url = url
        self.secret = secret
    }
}
