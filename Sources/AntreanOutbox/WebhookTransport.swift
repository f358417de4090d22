/// One webhook POST: the URL, the headers and the JSON body.
public struct WebhookRequest: Hashable, Sendable {
    public var url: String
    /// Header names and values, in order.
    public var headers: [WebhookHeader]
    public var body: [UInt8]

    public init(url: String, headers: [WebhookHeader], body: [UInt8]) {
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of header `name` (ASCII case-insensitive), if present.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

public struct WebhookHeader: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Sends a webhook request and returns the HTTP status code, or throws when no answer came (refused
/// connection, timeout, TLS failure). The deliverer treats 2xx as delivered and anything else as a retry.
public protocol WebhookTransport: Sendable {
    func send(_ request: WebhookRequest) async throws -> Int
}
