import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A portal's webhook endpoint in the test: a Hummingbird server on loopback that records every POST to
/// `/hook/<name>` (its raw body and headers) and answers 200. `stop()` takes it down (its port then
/// refuses connections, as a portal that is down); `start(port:)` brings one up on the same port.
final class WebhookReceiver: @unchecked Sendable {
    struct Delivery: Sendable {
        var hook: String
        var body: [UInt8]
        var headers: [String: String]
        var eventID: String { headers["antrean-event-id"] ?? "" }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:] }
    }

    private let lock = NSLock()
    private var received: [Delivery] = []
    private var group: ServiceGroup?
    private var runTask: Task<Void, any Error>?
    private(set) var port = 0

    /// Starts listening on `port` (0: a free one).
    func start(port requested: Int = 0) async throws {
        let router = Router(context: BasicRequestContext.self)
        router.post("hook/:name") { [self] request, context -> Response in
            let name = context.parameters.get("name") ?? ""
            let buffer = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            lock.withLock { received.append(Delivery(hook: name, body: Array(buffer: buffer), headers: headers)) }
            return Response(status: .ok)
        }
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: requested)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: logger))
        self.group = group
        runTask = Task { try await group.run() }
        for await bound in ports {
            port = bound
            break
        }
    }

    func stop() async throws {
        await group?.triggerGracefulShutdown()
        try await runTask?.value
        group = nil
        runTask = nil
    }

    func url(_ hook: String) -> String { "http://127.0.0.1:\(port)/hook/\(hook)" }

    /// What `hook` received so far, in arrival order.
    func deliveries(to hook: String) -> [Delivery] { lock.withLock { received.filter { $0.hook == hook } } }

    /// Waits (polling every 50 ms, for at most `limit`) until `condition` holds of `hook`'s deliveries;
    /// returns them. The limit only stops a broken server from hanging the suite.
    func wait(
        for hook: String, limit: Duration = .seconds(60), until condition: ([Delivery]) -> Bool
    ) async throws -> [Delivery] {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let now = deliveries(to: hook)
            if condition(now) { return now }
            try await Task.sleep(for: .milliseconds(50))
        }
        return deliveries(to: hook)
    }
}
