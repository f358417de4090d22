import ServiceLifecycle

/// Runs `work` every `interval` until graceful shutdown: the no-show release and the keys-file reload.
/// A failing round is logged by `work` itself and the next round runs as planned.
struct PeriodicService: Service {
    let interval: Duration
    let work: @Sendable () async -> Void

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: interval)
                    await work()
                }
            }
        } catch is CancellationError {
            // Graceful shutdown: the loop ends between rounds.
        }
    }
}

/// Marks the server not ready (`/readyz` 503) as soon as graceful shutdown begins, while the HTTP
/// server still finishes the requests in flight; ready again never.
struct ReadinessService: Service {
    let readiness: Readiness

    func run() async throws {
        try? await gracefulShutdown()
        readiness.set(false)
    }
}
