import AntreanAllocator
import AntreanAllocatorSQLite
import ArgumentParser

/// The replay's store could not be opened, restored or written; carries the exit status that tells a
/// script what to do: 75 retry later (another process is the store's writer), 65 the stored data or
/// the configuration breaks a rule, 74 an I/O fault (read-only file, disk full, I/O error).
struct ReplayStoreError: Error, CustomStringConvertible {
    var store: String
    var underlying: any Error
    /// Whether decisions were printed before the failure (they are durable; nothing after them is).
    var afterAcknowledging: Bool = false

    var description: String {
        let note =
            afterAcknowledging
            ? "; every decision printed before this is durable, no later request was acknowledged" : ""
        // These name the store themselves.
        let named = underlying is StoreLockError || underlying is StoreNotWritableError
        return (named ? "\(underlying)" : "\(store): \(underlying)") + note
    }

    var exitStatus: ExitCode {
        switch underlying {
        case let error as StoreLockError:
            if case .held = error { ExitStatus.temporaryFailure } else { ExitStatus.ioError }
        case let error as RestoreError:
            if case .store = error { ExitStatus.ioError } else { ExitStatus.badInput }
        default: ExitStatus.ioError
        }
    }
}
