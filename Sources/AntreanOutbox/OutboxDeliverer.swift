import AntreanAllocator
import AntreanAllocatorSQLite
import Logging
import Synchronization

/// Delivers the store's outbox to the subscribers' webhooks, at least once, surviving restarts.
///
/// A pass reads the deliveries due now (events due, not yet delivered to that client, retry time come),
/// POSTs each signed body, and records the outcomes in the store in one transaction per batch: a 2xx
/// marks the event delivered to that client (never sent to it again); anything else schedules a retry
/// after `RetryPolicy`'s backoff with jitter from a seeded generator. All delivery state is in the store,
/// so a process killed at any point loses nothing: what was sent but not yet recorded is sent again
/// after the restart (receivers deduplicate by `Antrean-Event-Id`).
///
/// Deliveries of a pass run one after another (a receiver that hangs delays the others by at most the
/// transport's timeout per request). No order is promised across events: first attempts go in due
/// order, but a retried event arrives after later ones.
public final class OutboxDeliverer: Sendable {
    public let store: SQLiteAllocatorStore
    private let subscribers: [String: WebhookSubscriber]
    private let clientIDs: [String]
    private let transport: any WebhookTransport
    private let retry: RetryPolicy
    private let jitter: Mutex<SplitMix64>
    private let clock: any AllocatorClock
    private let batchSize: Int
    private let route: @Sendable (PendingDelivery) -> Bool
    private let logger: Logger

    /// Registers `subscribers` with the store (a new client receives events written from now on; see
    /// `SQLiteAllocatorStore.registerSubscribers`). Create the deliverer before the store takes bookings.
    /// `route` says whether a delivery is meant for its client at all (the server sends a portal only
    /// the events of its own bookings); one that is not is recorded as done without a request, so the
    /// client's backlog does not keep it. Throws `OutboxSubscriberError.duplicateClient` when two
    /// subscribers share a client id.
    public init(
        store: SQLiteAllocatorStore, subscribers: [WebhookSubscriber], transport: any WebhookTransport,
        clock: any AllocatorClock, retry: RetryPolicy = RetryPolicy(), seed: UInt64, batchSize: Int = 100,
        route: @escaping @Sendable (PendingDelivery) -> Bool = { _ in true },
        logger: Logger = Logger(label: "antrean.outbox")
    ) throws {
        var byClient: [String: WebhookSubscriber] = [:]
        for subscriber in subscribers {
            guard byClient.updateValue(subscriber, forKey: subscriber.clientID) == nil else {
                throw OutboxSubscriberError.duplicateClient(subscriber.clientID)
            }
        }
        self.store = store
        self.subscribers = byClient
        clientIDs = subscribers.map(\.clientID)
        self.transport = transport
        self.retry = retry
        jitter = Mutex(SplitMix64(seed: seed))
        self.clock = clock
        self.batchSize = max(1, batchSize)
        self.route = route
        self.logger = logger
        try store.registerSubscribers(clientIDs, at: clock.now())
    }

    /// Delivers everything due at the clock's now, batch by batch, until nothing due is left (each
    /// failed delivery waits at least a second, so a pass ends). Stops early, keeping what it recorded,
    /// when the task is cancelled. Throws only when the store fails. O(due deliveries).
    @discardableResult
    public func deliverDue() async throws -> DeliveryPass {
        var pass = DeliveryPass()
        let now = clock.now()
        while !Task.isCancelled {
            let due = try store.dueDeliveries(for: clientIDs, at: now, limit: batchSize)
            var attempts: [DeliveryAttempt] = []
            for delivery in due {
                if Task.isCancelled { break }
                guard let subscriber = subscribers[delivery.clientID] else { continue }
                guard route(delivery) else {
                    pass.skipped += 1
                    attempts.append(
                        DeliveryAttempt(
                            eventSequence: delivery.event.sequence, clientID: delivery.clientID,
                            attempts: delivery.attempts, at: now, retryAt: nil, outcome: "skipped: not routed"))
                    continue
                }
                let attempt = await send(delivery, to: subscriber)
                if attempt.delivered { pass.delivered += 1 } else { pass.failed += 1 }
                attempts.append(attempt)
            }
            try store.recordAttempts(attempts, subscribers: clientIDs)
            if due.count < batchSize { break }
        }
        return pass
    }

    /// Runs passes every `pollSeconds` until the task is cancelled (the server's shutdown). A store
    /// failure is logged and retried at the next poll.
    public func run(pollSeconds: Int64 = 1) async {
        while !Task.isCancelled {
            do {
                try await deliverDue()
            } catch {
                logger.error("outbox pass failed", metadata: ["error": "\(error)"])
            }
            do { try await Task.sleep(for: .seconds(max(1, pollSeconds))) } catch { return }
        }
    }

    /// POSTs one delivery and judges the answer.
    private func send(_ delivery: PendingDelivery, to subscriber: WebhookSubscriber) async -> DeliveryAttempt {
        let at = clock.now()
        let timestamp = String(at.secondsSinceEpoch)
        let body = Array(delivery.event.body.utf8)
        let request = WebhookRequest(
            url: subscriber.url,
            headers: [
                WebhookHeader("Content-Type", "application/json"),
                WebhookHeader("Antrean-Event-Id", delivery.event.id),
                WebhookHeader("Antrean-Event-Type", delivery.event.type.rawValue),
                WebhookHeader("Antrean-Timestamp", timestamp),
                WebhookHeader(
                    "Antrean-Signature",
                    WebhookSignature.sign(body: body, timestamp: timestamp, secret: subscriber.secret)
                ),
            ], body: body)
        let outcome: String
        let delivered: Bool
        do {
            let status = try await transport.send(request)
            outcome = "HTTP \(status)"
            delivered = (200...299).contains(status)
        } catch {
            outcome = "no answer: \(error)"
            delivered = false
        }
        let attempts = delivery.attempts + 1
        var retryAt: Instant?
        if !delivered {
            let wait = jitter.withLock { retry.delay(afterAttempts: attempts, using: &$0) }
            retryAt = at.adding(seconds: wait)
        }
        logger.debug(
            "webhook attempt",
            metadata: [
                "event": "\(delivery.event.id)", "client": "\(delivery.clientID)", "attempt": "\(attempts)",
                "outcome": "\(outcome)",
            ])
        return DeliveryAttempt(
            eventSequence: delivery.event.sequence, clientID: delivery.clientID, attempts: attempts, at: at,
            retryAt: retryAt, outcome: String(outcome.prefix(200)))
    }
}

/// What one pass did.
public struct DeliveryPass: Hashable, Sendable {
    public var delivered: Int
    public var failed: Int
    /// Deliveries the route said were not for their client: recorded as done, never sent.
    public var skipped: Int

    public init(delivered: Int = 0, failed: Int = 0, skipped: Int = 0) {
        self.delivered = delivered
        self.failed = failed
        self.skipped = skipped
    }
}

/// The subscriber list cannot be used.
public enum OutboxSubscriberError: Error, Hashable, Sendable, CustomStringConvertible {
    case duplicateClient(String)

    public var description: String {
        switch self {
        case .duplicateClient(let client): "two webhook subscribers have the client id \(client)"
        }
    }
}
