import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanOutbox
import AsyncHTTPClient
import Logging
import ServiceLifecycle

/// How `AntreanHTTPServer` delivers the notification outbox (docs/webhooks.md): the store must be the
/// allocator's, opened with `outbox: OutboxSettings()` so that every booking change writes its events in
/// its own transaction; the server adds a delivery service that POSTs them to each webhook client of the
/// keys file.
public struct WebhookDelivery: Sendable {
    public var store: SQLiteAllocatorStore
    /// The backoff of failed attempts (`RetryPolicy`): the first wait's ceiling and the largest ceiling.
    public var retryBaseSeconds: Int64
    public var retryCapSeconds: Int64
    /// The pause between delivery passes (a new event waits at most this long, plus a pass).
    public var pollInterval: Duration
    /// Seeds the retry jitter (a deliverer rebuilt after a change of the keys file uses the next seed).
    public var seed: UInt64

    public init(
        store: SQLiteAllocatorStore, retryBaseSeconds: Int64 = 10, retryCapSeconds: Int64 = 3600,
        pollInterval: Duration = .seconds(1), seed: UInt64
    ) {
        self.store = store
        self.retryBaseSeconds = retryBaseSeconds
        self.retryCapSeconds = retryCapSeconds
        self.pollInterval = pollInterval
        self.seed = seed
    }
}

/// The outbox's delivery loop as a service of the server's group: a pass every `pollInterval` until
/// graceful shutdown, which cancels the pass in flight (an attempt cut short is recorded as failed, or
/// not at all if the process dies first; either way it is sent again after the restart, since every
/// undelivered event stays in the store). It runs after the HTTP server in the shutdown order, so the
/// events of the requests drained at shutdown are already in the store.
///
/// Before each pass it rereads the webhook clients from the key registry (which follows the keys file):
/// a new webhook client, a new URL or a rotated secret applies within a pass of the server rereading
/// the file. A keys file with a bad webhook keeps the clients last read (logged).
final class WebhookDeliveryService: Service {
    private let delivery: WebhookDelivery
    private let keys: ClientKeyRegistry
    private let allocator: Allocator
    private let metrics: ServerMetrics
    private let logger: Logger
    private let initialClients: [WebhookClient]

    /// Registers the keys file's webhook clients with the store now, before the server takes requests,
    /// so no event of the first requests falls before a client's start. Throws a bad webhook in the file
    /// or a store that cannot register them.
    init(
        delivery: WebhookDelivery, keys: ClientKeyRegistry, allocator: Allocator, metrics: ServerMetrics,
        logger: Logger
    ) throws {
        self.delivery = delivery
        self.keys = keys
        self.allocator = allocator
        self.metrics = metrics
        self.logger = logger
        initialClients = try WebhookClient.of(keys.clients)
        try delivery.store.registerSubscribers(initialClients.map(\.client), at: allocator.clock.now())
    }

    func run() async throws {
        // The HTTP client lives as long as the loop and is shut down after it (never left to deinit).
        let client = HTTPClient(
            eventLoopGroupProvider: .singleton, configuration: HTTPWebhookTransport.clientConfiguration)
        let transport = HTTPWebhookTransport(client: client, timeoutSeconds: 10)
        try? await cancelWhenGracefulShutdown { [self] in
            var clients = initialClients
            var deliverer: OutboxDeliverer?
            var generation: UInt64 = 0
            while !Task.isCancelled {
                do {
                    let latest = try WebhookClient.of(keys.clients)
                    if latest != clients {
                        logger.info("webhook clients changed", metadata: ["clients": "\(latest.map(\.client))"])
                        clients = latest
                        deliverer = nil
                    }
                } catch {
                    logger.error("keeping the webhook clients last read", metadata: ["error": "\(error)"])
                }
                do {
                    if deliverer == nil {
                        generation &+= 1
                        deliverer = try Self.deliverer(
                            for: clients, generation: generation, delivery, allocator, transport, logger)
                    }
                    if let deliverer {
                        let pass = try await deliverer.deliverDue()
                        metrics.outboxPass(delivered: pass.delivered, failed: pass.failed)
                    }
                    let now = allocator.clock.now()
                    for client in clients {
                        let owed = try delivery.store.outboxBacklog(for: [client.client], at: now)
                        metrics.outboxBacklog(client: client.client, deliveries: owed)
                    }
                } catch {
                    logger.error("outbox pass failed", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: delivery.pollInterval)
            }
        }
        try? await client.shutdown()
    }

    /// A deliverer for `clients`: each routed its events by scope (`own`: the bookings its keys made).
    private static func deliverer(
        for clients: [WebhookClient], generation: UInt64, _ delivery: WebhookDelivery, _ allocator: Allocator,
        _ transport: any WebhookTransport, _ logger: Logger
    ) throws -> OutboxDeliverer {
        let ownOnly = Set(clients.filter { $0.events == .own }.map(\.client))
        return try OutboxDeliverer(
            store: delivery.store,
            subscribers: clients.map { WebhookSubscriber(clientID: $0.client, url: $0.url, secret: $0.secret) },
            transport: transport, clock: allocator.clock,
            retry: RetryPolicy(baseSeconds: delivery.retryBaseSeconds, capSeconds: delivery.retryCapSeconds),
            seed: delivery.seed &+ generation,
            route: { pending in
                guard ownOnly.contains(pending.clientID) else { return true }
                let key = allocator.read { core in core.booking(pending.event.booking)?.idempotencyKey }
                return key.flatMap(WebhookClient.maker(ofIdempotencyKey:)) == pending.clientID
            }, logger: logger)
    }
}

extension AntreanHTTPServer {
    /// The outbox's delivery service when the server has `webhooks`; none otherwise.
    func webhookServices() throws -> [any Service] {
        guard let webhooks else { return [] }
        return [
            try WebhookDeliveryService(
                delivery: webhooks, keys: keys, allocator: allocator, metrics: metrics,
                logger: logger)
        ]
    }
}
