import Foundation
import Synchronization

/// The client keys the running server accepts, looked up by the id inside a presented key. Reloaded from
/// the keys file when it changes (`antrean keys revoke` takes effect without a restart). O(1) per lookup.
public final class ClientKeyRegistry: Sendable {
    public enum Lookup: Equatable, Sendable {
        case valid(ClientKey)
        case revoked
        case unknown
    }

    private struct State {
        var byID: [String: ClientKey]
        var modified: Date?
    }

    private let state: Mutex<State>
    /// The keys file this registry follows; nil for one built from records (tests).
    public let path: String?

    public init(keys: [ClientKey]) {
        state = Mutex(State(byID: Dictionary(keys.map { ($0.id, $0) }) { first, _ in first }, modified: nil))
        path = nil
    }

    /// The registry of the keys file at `path`; throws if it cannot be read or has no active key.
    public init(path: String) throws(ClientKeyFileError) {
        let file = try ClientKeyFile.load(path: path)
        state = Mutex(
            State(byID: Dictionary(file.keys.map { ($0.id, $0) }) { first, _ in first }, modified: Self.modified(path)))
        self.path = path
    }

    /// What the `Authorization` header's bearer key is: a valid key's record, a revoked key, or unknown.
    public func lookup(presented key: Substring) -> Lookup {
        guard let id = ClientKey.id(ofPresented: key) else { return .unknown }
        guard let record = state.withLock({ $0.byID[String(id)] }), record.matches(key) else { return .unknown }
        return record.isRevoked ? .revoked : .valid(record)
    }

    /// The client records (active and revoked), for the notification outbox's webhook URLs.
    public var clients: [ClientKey] { state.withLock { Array($0.byID.values) }.sorted { $0.id < $1.id } }

    /// Rereads the keys file if its modification time changed; returns whether it did. A file that became
    /// unreadable or malformed keeps the keys last read (the error is returned for the log).
    @discardableResult
    public func reloadIfChanged() -> Result<Bool, ClientKeyFileError> {
        guard let path else { return .success(false) }
        let modified = Self.modified(path)
        guard modified != state.withLock({ $0.modified }) else { return .success(false) }
        do {
            let file = try ClientKeyFile.load(path: path)
            state.withLock {
                $0.byID = Dictionary(file.keys.map { ($0.id, $0) }) { first, _ in first }
                $0.modified = modified
            }
            return .success(true)
        } catch {
            return .failure(error)
        }
    }

    private static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
