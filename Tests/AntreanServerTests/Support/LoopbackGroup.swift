import ServiceLifecycle

/// A service group serving on a loopback port, run in a task until `stop()`: how the tests run both the
/// Antrean server under test (`TestServer`) and the portal's webhook endpoint (`WebhookReceiver`).
struct LoopbackGroup: Sendable {
    struct NeverListened: Error {}

    /// The port the group's server listens on.
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// Makes the group with `make`, handing it the callback its server calls with the bound port, runs it,
    /// and returns once that port is known. A group that stops before it listens throws its error.
    static func start(
        _ make: (_ onRunning: @escaping @Sendable (Int) -> Void) throws -> ServiceGroup
    ) async throws -> LoopbackGroup {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let group = try make { continuation.yield($0) }
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        for await port in ports { return LoopbackGroup(port: port, group: group, task: task) }
        try await task.value
        throw NeverListened()
    }

    /// Shuts the group down gracefully and waits until it has stopped.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}
