import AntreanAllocator
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import OpenAPIHummingbird
import ServiceLifecycle
import UnixSignals

/// `antrean serve`: the allocator over HTTP, on Hummingbird with the OpenAPI contract (openapi.yaml).
///
/// The handlers call the same `Allocator` as the library, so its rules, holds, NIK and account limits and
/// durability hold unchanged: each answer is sent only after its change is durable in the store. Around
/// them: client keys and roles, token-bucket rate limits, body and header limits, idle timeouts, metrics,
/// request logs, a no-show release timer, and graceful shutdown (stop accepting, finish requests in
/// flight, flush the store).
public final class AntreanHTTPServer: Sendable {
    public struct Settings: Sendable {
        public var host = "127.0.0.1"
        /// 0 picks a free port (tests); `onRunning` tells which.
        public var port = 8080
        public var keyRate = TokenBucketLimiter.Settings(ratePerSecond: 50, burst: 100)
        /// Per portal account (the `account` of a booking request), on top of the allocator's account limit.
        public var accountRate = TokenBucketLimiter.Settings(ratePerSecond: 0.2, burst: 10)
        public var maxBodyBytes = 16 * 1024
        public var maxHeaderBytes = 16 * 1024
        public var maxHeaderCount = 64
        /// A connection idle this long (no request, or a request that stalls) is closed.
        public var idleTimeout: Duration = .seconds(30)
        public var noShowSweepInterval: Duration = .seconds(30)
        public var keysReloadInterval: Duration = .seconds(2)
        /// Plain `POST /v1/bookings` requests skip the generated layers (`BookingRoute`); off only to compare.
        public var directBookingRoute = true
        /// Cached availability reads are answered on the connection's event loop
        /// (`EventLoopAvailabilityHandler`); off only to compare.
        public var eventLoopAvailability = true
        public init() {}
    }

    let allocator: Allocator
    let configuration: AllocatorConfiguration
    let keys: ClientKeyRegistry
    let settings: Settings
    let logger: Logger
    let events: (any BookingEventSink)?
    let extraServices: [any Service]
    let webhooks: WebhookDelivery?
    let metrics = ServerMetrics()
    /// Encoded availability answers while they stay exact (`AvailabilityRoute`).
    let availabilityCache = AvailabilityCache()
    let readiness = Readiness()
    let board: QueueBoard
    /// Per portal account, on top of the allocator's own account limit (`Settings.accountRate`).
    let accountLimiter: TokenBucketLimiter
    let startedAt = ContinuousClock.now

    /// - Parameters:
    ///   - events: where booking events go (a notice after each change; the durable outbox is `webhooks`).
    ///   - services: more services to run beside the server and stop after it (e.g. the outbox's
    ///     delivery loop); they get graceful shutdown once the HTTP server has finished its requests.
    ///   - webhooks: deliver the store's notification outbox to the keys file's webhook clients (a
    ///     service stopped after the HTTP server, with its series in /metrics); nil: no webhooks.
    public init(
        allocator: Allocator, configuration: AllocatorConfiguration, keys: ClientKeyRegistry,
        settings: Settings = Settings(), logger: Logger = Logger(label: "antrean.serve"),
        events: (any BookingEventSink)? = nil, services: [any Service] = [], webhooks: WebhookDelivery? = nil
    ) {
        self.allocator = allocator
        self.configuration = configuration
        self.keys = keys
        self.settings = settings
        self.logger = logger
        self.events = events
        self.extraServices = services
        self.webhooks = webhooks
        board = QueueBoard(configuration: configuration)
        accountLimiter = TokenBucketLimiter(settings: settings.accountRate)
        let today = configuration.rules.timeZone.localDate(of: allocator.clock.now())
        // By state first, building records only for the checked-in: `allBookings` would make a record of
        // every booking in the store at once (a year's 400,000 were the start's memory peak).
        let checkedIn = allocator.read { core in
            (0..<core.bookingCount).compactMap { index -> BookingRecord? in
                let id = BookingID(UInt64(index + 1))
                guard let state = core.state(of: id), state == .checkedIn || state == .requeued,
                    let record = core.booking(id), configuration.rules.timeZone.localDate(of: record.slotStart) == today
                else { return nil }
                return record
            }
        }
        for record in checkedIn.sorted(by: {
            ($0.checkedInAt ?? $0.updatedAt, $0.id) < ($1.checkedInAt ?? $1.updatedAt, $1.id)
        }) {
            board.admit(
                record.id, key: .init(office: record.office, service: record.service, day: today), requeuedAfter: nil)
        }
    }

    /// The services to run: the HTTP server last, so that graceful shutdown stops it first (it drains
    /// its requests) and the timers and `services` after it. `onRunning` gets the bound port.
    public func makeServiceGroup(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> ServiceGroup {
        let router = Router(context: BasicRequestContext.self)
        let recorder = RequestRecorder(metrics: metrics, logger: logger)
        router.add(middleware: RequestEdgeMiddleware(recorder: recorder, maxBodyBytes: settings.maxBodyBytes))
        let handler = APIHandler(server: self)
        let start = startedAt
        let access = AccessMiddleware(
            keys: keys, limiter: TokenBucketLimiter(settings: settings.keyRate),
            monotonicSeconds: { Self.seconds(ContinuousClock.now - start) })
        // Before the generated routes: plain availability reads skip the OpenAPI layers (see the type).
        router.add(
            middleware: AvailabilityRoute(
                handler: handler, access: access, cache: availabilityCache, metrics: metrics))
        if settings.directBookingRoute { router.add(middleware: BookingRoute(handler: handler, access: access)) }
        // Compact JSON (the runtime's default pretty-prints): smaller answers for phones on slow links.
        try handler.registerHandlers(
            on: router, configuration: .init(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]),
            middlewares: [
                ProblemMiddleware(metrics: metrics), access, NullFieldMiddleware(maxBodyBytes: settings.maxBodyBytes),
            ])
        let readiness = self.readiness
        let http1 = HTTP1Channel.Configuration(
            idleTimeout: .nanoseconds(Int64(Self.seconds(settings.idleTimeout) * 1e9)),
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: settings.maxHeaderBytes, maxHeaderListSize: settings.maxHeaderBytes,
                maxHeaderFieldCount: settings.maxHeaderCount))
        let eventLoopAnswers =
            settings.eventLoopAvailability
            ? EventLoopAvailabilityAnswers(
                handler: handler, access: access, cache: availabilityCache, recorder: recorder)
            : nil
        let application = Application(
            router: router,
            server: HTTPServerBuilder { responder in
                AntreanHTTP1Channel(responder: responder, configuration: http1, eventLoopAnswers: eventLoopAnswers)
            },
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                readiness.set(true)
                await onRunning(channel.localAddress?.port ?? 0)
            },
            logger: logger)
        let outbox = try webhookServices()
        let services: [any Service] =
            [
                PeriodicService(interval: settings.noShowSweepInterval) { [self] in await releaseNoShows() },
                PeriodicService(interval: settings.keysReloadInterval) { [self] in reloadKeys() },
            ] + extraServices + outbox + [application, ReadinessService(readiness: readiness)]
        return ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) }, gracefulShutdownSignals: gracefulShutdownSignals,
                logger: logger))
    }

    /// One round of the no-show timer: releases every booking past its grace period and tells the sink.
    public func releaseNoShows() async {
        do {
            let released = try await allocator.releaseNoShows()
            guard !released.isEmpty else { return }
            metrics.noShowsReleased(released.count)
            let records = allocator.read { core in released.compactMap { core.booking($0) } }
            await events?.publish(records.map { BookingEvent(kind: .noShow, booking: $0, client: nil) })
            logger.info("released no-shows", metadata: ["count": .stringConvertible(released.count)])
        } catch {
            logger.error("no-show release failed", metadata: ["error": .string("\(type(of: error))")])
        }
    }

    /// Rereads the keys file when it changed (a created or revoked key applies within one interval).
    public func reloadKeys() {
        switch keys.reloadIfChanged() {
        case .success(true): logger.info("reloaded the client keys", metadata: ["file": .string(keys.path ?? "-")])
        case .success(false): break
        case .failure(let error):
            logger.error("cannot reload the client keys", metadata: ["error": .string("\(error)")])
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
