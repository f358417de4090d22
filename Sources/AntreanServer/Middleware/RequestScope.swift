import AntreanLocalization
import Logging
import Synchronization

/// What one request carries through the layers that cannot pass it as an argument (the generated
/// handlers take only their input): its id and logger, the OpenAPI operation once routed, and the
/// client whose key was accepted.
final class RequestScope: Sendable {
    let requestID: String
    /// The server's logger, without the request id (attached on use: most requests log one line only).
    private let serverLogger: Logger
    /// The language of the texts for people in the response (its problems), from `Accept-Language`.
    let language: Language
    private let state = Mutex<(operation: String, client: ClientKey?)>(("unmatched", nil))

    init(requestID: String, logger: Logger, language: Language = .en) {
        self.requestID = requestID
        self.serverLogger = logger
        self.language = language
    }

    /// The server's logger with this request's id in its metadata.
    var logger: Logger {
        var logger = serverLogger
        logger[metadataKey: "request_id"] = .string(requestID)
        return logger
    }

    var operation: String {
        get { state.withLock { $0.operation } }
        set { state.withLock { $0.operation = newValue } }
    }

    var client: ClientKey? {
        get { state.withLock { $0.client } }
        set { state.withLock { $0.client = newValue } }
    }

    @TaskLocal static var current: RequestScope?
}
