import Synchronization

/// Whether `/readyz` answers 200: set once the server listens, cleared when shutdown begins.
final class Readiness: Sendable {
    private let ready = Atomic<Bool>(false)
    func set(_ value: Bool) { ready.store(value, ordering: .relaxed) }
    var isReady: Bool { ready.load(ordering: .relaxed) }
}
