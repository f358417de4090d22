import AsyncHTTPClient

/// The real transport: an HTTP POST through AsyncHTTPClient, with a deadline per request. The response
/// body is read (up to 64 KiB) and discarded.
public struct HTTPWebhookTransport: WebhookTransport {
    private let client: HTTPClient
    private let timeoutSeconds: Int64

    /// Uses `client` (the process-wide shared client by default; the caller owns any other). For a
    /// deliverer, prefer a client made with `clientConfiguration`: the shared one retries a refused
    /// connection until the request's deadline, so a portal that is down costs the whole timeout per
    /// event, one event after another.
    public init(client: HTTPClient = .shared, timeoutSeconds: Int64 = 10) {
        self.client = client
        self.timeoutSeconds = max(1, timeoutSeconds)
    }

    /// A client configuration for webhooks: a refused connection fails at once (it is retried with the
    /// outbox's backoff, not the client's), connecting may take 5 s, and redirects are not followed (a
    /// signed event goes to the registered URL only).
    public static var clientConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .seconds(10)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    public func send(_ request: WebhookRequest) async throws -> Int {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .POST
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        outgoing.body = .bytes(request.body)
        let response = try await client.execute(outgoing, timeout: .seconds(timeoutSeconds))
        // A receiver that answers with a large body is not a failed delivery: the status decides.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }
}
