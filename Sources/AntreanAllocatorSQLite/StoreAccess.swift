import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks before opening that the store can be written: the database file when it exists, else its
/// directory (SQLite creates the file, its `-wal` and `-shm` there). Without it, SQLite opens a
/// read-only file read-only and the failure shows only at the first commit, or as "unable to open
/// database file" on a read-only file system. `access(2)` also reports a read-only mount to root. O(1).
enum StoreAccess {
    static func checkWritable(databasePath: String) throws(StoreNotWritableError) {
        let directory = (databasePath as NSString).deletingLastPathComponent
        let target =
            FileManager.default.fileExists(atPath: databasePath) ? databasePath : directory.isEmpty ? "." : directory
        guard access(target, W_OK) == 0 else {
            throw StoreNotWritableError(store: databasePath, path: target, code: errno)
        }
    }
}

/// The store (or the directory it would be created in) cannot be written.
public struct StoreNotWritableError: Error, Hashable, Sendable, CustomStringConvertible {
    public var store: String
    /// The file or directory that is not writable.
    public var path: String
    public var code: Int32

    public var description: String {
        "\(store): cannot write \(path) (\(String(cString: strerror(code)))): the allocator writes every booking"
            + " to its store; make it writable (or mount its file system read-write) and retry"
    }
}
