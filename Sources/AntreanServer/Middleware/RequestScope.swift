import AntreanLocalization
import Logging
import Synchronization

/// What one request carries through the layers that cannot pass it as an argument (the generated
/// handlers take only their input): its id and logger, the OpenAPI operation once routed, and the
/// client whose key was accepted.
final class RequestScope: Sendable {
    let requestID: String
    let logger: Logger
    /// The language of the texts for people in the response (its problems), from `Accept-Language`.
    let language: Language
    private let state = Mutex<(operation: String, client: ClientKey?)>(("unmatched", nil))

    init(requestID: String, logger: Logger, language: Language = .en) {
        self.requestID = requestID
        self.logger = logger
        self.language = language
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
