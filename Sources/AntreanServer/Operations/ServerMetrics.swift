import Prometheus
import Synchronization

/// The server's Prometheus metrics (its own registry, so several servers in one test process do not
/// mix): requests by operation and status, request latency, bookings made, refusals by reason, no-shows
/// released and the store's group-commit batches. Label values are the operation ids and stable codes
/// only (never a path with a booking code, a NIK or a key), so the number of series stays bounded.
/// Names follow Prometheus' conventions: the `antrean_` prefix, a base unit in the name (`_seconds`),
/// `_total` on counters and on nothing else (a metric that can go down, such as a backlog, is a gauge).
final class ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// The committer's totals when `commits(transactions:operations:)` last counted them.
    private let committed = Mutex<(transactions: Int, operations: Int)>((0, 0))
    private static let latencyBuckets: [Duration] = [
        .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .seconds(2.5),
    ]

    private struct RequestSeries {
        var requests: Counter
        var latency: DurationHistogram
    }

    /// The request series made so far, by operation and status: the registry builds and checks a
    /// series' name and labels on every `make…` call, a cost the hot path pays once this way.
    private let requestSeries = Mutex<[String: [Int: RequestSeries]]>([:])

    func request(operation: String, status: Int, duration: Duration) {
        let series =
            requestSeries.withLock { $0[operation]?[status] }
            ?? {
                let made = RequestSeries(
                    requests: registry.makeCounter(
                        descriptor: .init(
                            namespace: "antrean", metricName: "http_requests", unitName: "total",
                            helpText: "HTTP requests by operation and status."),
                        labels: [("operation", operation), ("status", String(status))]),
                    latency: registry.makeDurationHistogram(
                        descriptor: .init(
                            namespace: "antrean", metricName: "http_request_duration", unitName: "seconds",
                            helpText: "HTTP request latency by operation, from the request head to the response."),
                        labels: [("operation", operation)], buckets: Self.latencyBuckets))
                requestSeries.withLock { $0[operation, default: [:]][status] = made }
                return made
            }()
        series.requests.increment()
        series.latency.record(duration)
    }

    /// An availability read answered from `AvailabilityCache` (hit) or computed (miss).
    func availabilityCache(hit: Bool) {
        (hit ? availabilityCacheHits : availabilityCacheMisses).increment()
    }

    /// A cache hit answered on the connection's event loop (`EventLoopAvailabilityHandler`).
    func availabilityAnsweredOnEventLoop() {
        availabilityCacheHits.increment()
        eventLoopAnswers.increment()
    }

    private let availabilityCacheHits: Counter
    private let availabilityCacheMisses: Counter
    private let eventLoopAnswers: Counter

    init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        func counter(_ result: String) -> Counter {
            registry.makeCounter(
                descriptor: .init(
                    namespace: "antrean", metricName: "availability_cache", unitName: "total",
                    helpText: "Availability reads answered from the cache (hit) or computed (miss)."),
                labels: [("result", result)])
        }
        availabilityCacheHits = counter("hit")
        availabilityCacheMisses = counter("miss")
        eventLoopAnswers = registry.makeCounter(
            descriptor: .init(
                namespace: "antrean", metricName: "availability_event_loop_answers", unitName: "total",
                helpText: "Availability cache hits answered on the connection's event loop, before the router."))
    }

    /// A hold, booking or walk-in the allocator made (repeats of an Idempotency-Key not counted).
    func booking(kind: String) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "antrean", metricName: "bookings", unitName: "total",
                helpText: "Holds, bookings and walk-ins made, by kind."),
            labels: [("kind", kind)]
        ).increment()
    }

    /// A refusal or client error answered as a problem, by its stable code.
    func refusal(code: String) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "antrean", metricName: "refusals", unitName: "total",
                helpText: "Problems answered, by reason (the problem type's code)."),
            labels: [("reason", code)]
        ).increment()
    }

    func noShowsReleased(_ count: Int) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "antrean", metricName: "no_shows_released", unitName: "total",
                helpText: "Bookings released as no-shows by the timer.")
        ).increment(by: Int64(count))
    }

    /// The group committer's totals so far (store transactions and the operations they carried), as
    /// counters: each call adds what the totals grew by since the last call, under one lock, so two
    /// scrapes at once count every transaction once.
    func commits(transactions: Int, operations: Int) {
        committed.withLock { last in
            registry.makeCounter(
                descriptor: .init(
                    namespace: "antrean", metricName: "store_commits", unitName: "total",
                    helpText: "Store transactions since start (operations / transactions = mean batch size).")
            ).increment(by: Int64(max(0, transactions - last.transactions)))
            registry.makeCounter(
                descriptor: .init(
                    namespace: "antrean", metricName: "store_committed_operations", unitName: "total",
                    helpText: "Allocator operations committed since start.")
            ).increment(by: Int64(max(0, operations - last.operations)))
            last = (max(last.transactions, transactions), max(last.operations, operations))
        }
    }

    func exposition() -> String { registry.emitToString() }
}
