import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `fdatasync`s the store's `-wal` file from outside SQLite, for `SyncMode.pipelined`.
///
/// Why this gives the power-loss durability of `synchronous = FULL` (which fsyncs the WAL inside each
/// COMMIT): in WAL mode with `synchronous = NORMAL` a COMMIT only `write(2)`s its frames to the WAL; once
/// it has returned they are in the file's page cache. `fdatasync` on any descriptor of that inode flushes
/// all of them, so a sync that begins after a commit returned makes that commit durable. Nothing later
/// can take it back:
/// - The WAL is never unlinked or replaced while the store's writer connection has it open (SQLite only
///   deletes it when the last connection closes, after a complete checkpoint), so the descriptor opened
///   here stays on the live file; a TRUNCATE only shortens that same inode.
/// - A checkpoint (also with `NORMAL`) syncs the WAL before copying frames into the database file and
///   syncs the database file before it marks them backfilled; only then may a writer restart the WAL
///   over those frames, and it syncs the new WAL header (new salts) before writing frames after it.
///   So a frame is overwritten only once its page is durable in the database file.
/// - Recovery after a crash replays every WAL frame up to the last valid commit frame; a synced commit
///   has valid salts and checksums, and every earlier frame in the WAL was synced with it.
/// The directory entry of the WAL is synced here once, as SQLite only does on its first WAL sync.
final class WALSyncer: Sendable {
    private let descriptor: Int32

    init(databasePath: String) throws {
        let walPath = databasePath + "-wal"
        descriptor = open(walPath, O_RDONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WALSyncError(operation: "open \(walPath)", code: errno) }
        let directory = (databasePath as NSString).deletingLastPathComponent
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            defer { close(directoryDescriptor) }
            _ = fsync(directoryDescriptor)
        }
    }

    deinit { close(descriptor) }

    /// Flushes everything written to the WAL before this call.
    func sync() throws {
        #if canImport(Darwin)
            let result = fcntl(descriptor, F_FULLFSYNC)
        #else
            let result = fdatasync(descriptor)
        #endif
        guard result == 0 else { throw WALSyncError(operation: "fdatasync", code: errno) }
    }
}

/// The WAL file could not be opened or synced: acknowledged durability cannot be given.
struct WALSyncError: Error, CustomStringConvertible {
    var operation: String
    var code: Int32
    var description: String { "\(operation): \(String(cString: strerror(code)))" }
}
