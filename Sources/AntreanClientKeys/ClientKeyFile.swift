import Foundation

/// The keys file of `antrean serve` and `antrean keys`: JSON, one record per client key (hashes only),
/// written whole to a temporary file then renamed, mode 600.
///
/// A file rather than a table of the SQLite store: the running server holds the store's lock, and
/// `antrean keys create|revoke` must work while it runs; the server rereads the file when it changes.
public struct ClientKeyFile: Codable, Sendable, Equatable {
    public var version: Int = 1
    public var keys: [ClientKey] = []

    public init(keys: [ClientKey] = []) { self.keys = keys }

    /// Reads the file at `path`. A missing file is `.missing` (the caller decides whether that is empty).
    public static func load(path: String) throws(ClientKeyFileError) -> ClientKeyFile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            if !FileManager.default.fileExists(atPath: path) { throw .missing(path) }
            throw .unreadable(path, error.localizedDescription)
        }
        return try parse(data, path: path)
    }

    /// Decodes and checks the contents of a keys file; errors name `path`. O(bytes).
    public static func parse(_ data: Data, path: String) throws(ClientKeyFileError) -> ClientKeyFile {
        let file: ClientKeyFile
        do { file = try JSONDecoder().decode(ClientKeyFile.self, from: data) } catch {
            throw .malformed(path, Self.describe(error))
        }
        guard file.version == 1 else { throw .malformed(path, "version: expected 1, got \(file.version)") }
        var seen: Set<String> = []
        for (index, key) in file.keys.enumerated() {
            // The shapes `ClientKey.make` writes and a presented key is compared in: a record of another
            // shape could never match a key, and its id is not echoed (it may hold any text).
            guard Self.isLowercaseHex(key.id, digits: 8) else {
                throw .malformed(path, "keys[\(index)].id: expected 8 lowercase hex digits")
            }
            guard seen.insert(key.id).inserted else { throw .malformed(path, "keys[\(index)].id: '\(key.id)' repeats") }
            guard Self.isLowercaseHex(key.sha256, digits: 64) else {
                throw .malformed(path, "keys[\(index)].sha256: expected 64 lowercase hex digits")
            }
        }
        return file
    }

    private static func isLowercaseHex(_ text: String, digits: Int) -> Bool {
        text.utf8.count == digits && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The file's JSON as `save` writes it: pretty-printed, keys sorted.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Writes the file at `path` atomically with mode 600: a new file opened owner-only from its
    /// creation (never readable by others, even for a moment: it holds webhook secrets in clear),
    /// written and synced, then renamed over `path`.
    public func save(path: String) throws(ClientKeyFileError) {
        let data: Data
        do { data = try encoded() } catch { throw .unwritable(path, error.localizedDescription) }
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unwritable(path, "cannot create \(temporary): " + Self.lastError) }
        var written = 0
        let complete = data.withUnsafeBytes { bytes -> Bool in
            while written < bytes.count {
                let count = write(descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        guard complete, fsync(descriptor) == 0 else {
            let reason = Self.lastError
            close(descriptor)
            unlink(temporary)
            throw .unwritable(path, reason)
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = Self.lastError
            unlink(temporary)
            throw .unwritable(path, reason)
        }
    }

    private static var lastError: String { String(cString: strerror(errno)) }

    /// The keys that are not revoked.
    public var activeKeys: [ClientKey] { keys.filter { !$0.isRevoked } }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            return Self.path(context.codingPath + [key]) + ": missing"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return Self.path(context.codingPath) + ": " + context.debugDescription
        case .dataCorrupted(let context)?:
            return (context.codingPath.isEmpty ? "" : Self.path(context.codingPath) + ": ")
                + "not valid JSON or a bad value"
        default: return "not a keys file"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
    }
}

/// Why the keys file cannot be used; each names the file.
public enum ClientKeyFileError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case unreadable(String, String)
    case malformed(String, String)
    case unwritable(String, String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no keys file (create a key with `antrean keys create --keys \(path) …`)"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .malformed(let path, let reason): "\(path): \(reason)"
        case .unwritable(let path, let reason): "\(path): cannot write: \(reason)"
        }
    }
}
