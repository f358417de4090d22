import Dispatch
import GRDB
import Synchronization

/// Checkpoints the WAL from a connection of its own on a background queue, so the committing writer
/// never copies WAL pages into the database file itself (SQLite's automatic checkpoint runs inside the
/// COMMIT that crosses 1000 WAL pages and holds up every booking of that batch and the next one).
///
/// PASSIVE checkpoints run concurrently with the writer. The WAL restarts from its beginning once a
/// checkpoint has caught up and no reader needs it; if sustained load keeps it from catching up and the
/// WAL passes `hardLimitFrames`, a RESTART checkpoint waits for the writer to finish its transaction and
/// resets it (the writer's busy handler waits for it), which keeps the WAL bounded.
final class Checkpointer: Sendable {
    static let commitsPerCheckpoint = 32
    static let hardLimitFrames = 16_384

    private struct State {
        var commits = 0
        var running = false
    }

    private let connection: DatabaseQueue
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "antrean.allocator.checkpoint", qos: .utility)

    init(path: String, syncMode: SQLiteAllocatorStore.SyncMode) throws {
        connection = try DatabaseQueue(
            path: path,
            configuration: SQLiteAllocatorStore.connectionConfiguration(
                label: "antrean.allocator.checkpoint", syncMode: syncMode, enablesWAL: false))
    }

    /// Called after each commit: starts a background checkpoint every few commits (one at a time).
    func committed() {
        let start = state.withLock { state -> Bool in
            state.commits += 1
            guard !state.running, state.commits >= Self.commitsPerCheckpoint else { return false }
            state.commits = 0
            state.running = true
            return true
        }
        guard start else { return }
        queue.async { self.checkpoint() }
    }

    /// Waits for a running checkpoint and closes the connection; later checkpoints fail harmlessly.
    func close() {
        queue.sync {}
        try? connection.close()
    }

    private func checkpoint() {
        do {
            try connection.writeWithoutTransaction { db in
                if try db.checkpoint(.passive).walFrameCount > Self.hardLimitFrames { try db.checkpoint(.restart) }
            }
        } catch {
            // A failed checkpoint loses nothing (the WAL still holds every commit); the next one retries.
        }
        state.withLock { $0.running = false }
    }
}
