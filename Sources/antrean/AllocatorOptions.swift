import AntreanAllocatorSQLite
import ArgumentParser

/// `--config` and `--store`: the allocator's configuration and its SQLite store, as `antrean replay` and
/// `antrean serve` both take them.
struct AllocatorFileOptions: ParsableArguments {
    @Option(help: "Allocator configuration (JSON): offices, services, rules, where the secrets are.")
    var config: String

    @Option(help: "SQLite store; created if missing, reopened (state rebuilt) if present.")
    var store: String
}

/// `--policy`: the allocator's placement policy, by name (`ReplayConfiguration.policy(named:)`).
struct PolicyOption: ParsableArguments {
    @Option(help: "Placement policy: home-earliest, kecamatan-earliest, least-loaded, overbooking.")
    var policy: String = "home-earliest"
}

/// `--sync`: how the SQLite store waits for the disk (`SQLiteAllocatorStore.SyncMode`).
struct SyncOption: ParsableArguments {
    @Option(
        help:
            "SQLite sync: PIPELINED or FULL (survive power loss; PIPELINED overlaps the fsync with the next write) or NORMAL (survives a process crash)."
    )
    var sync: String = "FULL"

    func validate() throws {
        guard SQLiteAllocatorStore.SyncMode(rawValue: sync.uppercased()) != nil else {
            throw ValidationError("--sync must be PIPELINED, FULL or NORMAL")
        }
    }

    /// The mode named by `--sync` (validated before `run()`).
    var mode: SQLiteAllocatorStore.SyncMode { SQLiteAllocatorStore.SyncMode(rawValue: sync.uppercased()) ?? .full }
}
