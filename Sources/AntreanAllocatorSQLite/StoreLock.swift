import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exclusive writer lock of a store: `flock(LOCK_EX | LOCK_NB)` on a sidecar file `STORE.lock`
/// next to the database, holding the holder's pid as text.
///
/// Why this lock:
/// - The kernel drops a `flock` lock when the last descriptor of its open file description closes, so
///   a process killed by `kill -9` (or a crash) never leaves a stale lock; the pid in the file is only a
///   hint for the message, never trusted for the decision.
/// - `flock` belongs to the open file description, not to the process: a second open of the same store
///   inside one process is refused just as one from another process. POSIX `fcntl` locks belong to the
///   process, so a second open in the same process would pass, and SQLite itself holds `fcntl` locks on
///   the database file, which a lock of ours there would merge with (and on macOS `flock` and `fcntl` on
///   one file interact) — hence a file of its own.
/// - The descriptor is opened with `O_CLOEXEC`, so a child process (a `Process` spawned by the
///   portal) never inherits it and cannot keep the lock after its parent died.
/// - `O_CLOEXEC` still leaves a window: a child forked by another thread of this process holds a copy of
///   the descriptor (and so the lock) from its fork until its exec. When the lock is busy, the holder is
///   this process and no store of this process holds the path, only such a child can be holding it, so
///   the lock is retried for up to a second instead of refused (`locallyHeld` tells the cases apart).
/// - The file is never deleted: unlinking it on release would let one process lock the old inode while
///   another creates and locks a new file of the same name.
/// `flock` is advisory and, on some network file systems, not enforced between machines: keep a store
/// on a local disk. O(1).
final class StoreLock: Sendable {
    /// The lock file's path (the database path + `.lock`).
    let path: String
    /// The locked descriptor; -1 once released.
    private let descriptor: Mutex<Int32>
    /// Lock paths held by stores of this process (see the fork window above).
    private static let locallyHeld = Mutex<Set<String>>([])
    /// How many 1 ms retries a lock busy only through a forked child gets: fork to exec is far shorter.
    private static let forkWindowRetries = 1000

    /// Takes the lock or throws at once: `StoreLockError.held` (with the holder's pid when readable)
    /// when another open store holds it, `.unavailable` when the lock file cannot be opened or locked.
    init(databasePath: String) throws(StoreLockError) {
        let path = databasePath + ".lock"
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .unavailable(store: databasePath, operation: "open \(path)", code: errno)
        }
        var attempts = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = code == EWOULDBLOCK ? Self.readPID(descriptor) : nil
            let onlyAForkedChild =
                code == EWOULDBLOCK && holder == getpid() && !Self.locallyHeld.withLock { $0.contains(path) }
            if onlyAForkedChild && attempts < Self.forkWindowRetries {
                attempts += 1
                usleep(1000)
                continue
            }
            close(descriptor)
            if code == EWOULDBLOCK { throw .held(store: databasePath, holderPID: holder) }
            throw .unavailable(store: databasePath, operation: "flock \(path)", code: code)
        }
        Self.locallyHeld.withLock { _ = $0.insert(path) }
        self.descriptor = Mutex(descriptor)
        // The pid is for the message a refused writer prints; a failure to write it loses nothing else.
        let text = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
    }

    /// Releases the lock (closing the descriptor drops it); later calls do nothing.
    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            // Forgotten before the descriptor closes: once closed, another open may take the path at once.
            Self.locallyHeld.withLock { _ = $0.remove(path) }
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }

    /// The pid written by the holder, if the file holds one (it may still be empty: the holder writes
    /// it just after locking).
    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text).flatMap { $0 > 0 ? $0 : nil }
    }
}

/// Why a store could not be opened for writing.
public enum StoreLockError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Another open store (another process, or this one) is the store's writer. Temporary: retry once
    /// it has exited or closed the store.
    case held(store: String, holderPID: Int32?)
    /// The lock file could not be created or locked (permissions, a read-only directory, …).
    case unavailable(store: String, operation: String, code: Int32)

    public var description: String {
        switch self {
        case .held(let store, let pid):
            let holder = pid.map { "process \($0)" } ?? "another process"
            return "\(store) is in use by \(holder) (lock file \(store).lock): a store has one writer at a time;"
                + " wait for that process to exit or close the store, then retry"
        case .unavailable(let store, let operation, let code):
            return "\(store): cannot take the writer lock (\(operation): \(String(cString: strerror(code))))"
        }
    }
}
