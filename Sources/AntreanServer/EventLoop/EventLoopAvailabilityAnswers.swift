import HTTPTypes
import NIOCore

/// The availability reads that `EventLoopAvailabilityHandler` answers on the connection's event loop,
/// before the request reaches the router: a plain read (as `AvailabilityRequest` takes on) whose answer is
/// in `AvailabilityCache` at the allocator's current version and second, by a key that is valid, allowed the
/// operation and has a token. Such a read has exactly one answer, the cached bytes that `AvailabilityRoute`
/// would send, so answering it here skips the hop to a Swift task and back that costs a read at a moderate
/// rate about as much as everything else. Every other request (a miss, no key, a key outside its role, an
/// empty bucket, a request with a body or a `Connection` other than `keep-alive`, any other route) is passed on untouched and
/// answered by the router, which checks again: a request is passed on only before a token was taken, so it
/// never takes two. The answer is recorded as the router's (one log line, the request metrics, a cache
/// hit) and carries the same fields. O(length of the request line) per request, no allocator lock.
final class EventLoopAvailabilityAnswers: Sendable {
    struct Answer {
        var head: HTTPResponse
        var body: ByteBuffer
    }

    let handler: APIHandler
    let access: AccessMiddleware
    let cache: AvailabilityCache
    let recorder: RequestRecorder
    let dates = HTTPDate()

    init(handler: APIHandler, access: AccessMiddleware, cache: AvailabilityCache, recorder: RequestRecorder) {
        self.handler = handler
        self.access = access
        self.cache = cache
        self.recorder = recorder
    }

    /// The answer to `request` when it is a read this path takes on (see the type), with its token taken
    /// and the request recorded; nil to pass the request on.
    func answer(_ request: HTTPRequest) -> Answer? {
        let started = ContinuousClock.now
        let fields = request.headerFields
        guard request.method == .get, let target = request.path,
            fields[.contentLength] == nil, fields[.transferEncoding] == nil,
            fields[values: .connection].allSatisfy({ $0.lowercased() == "keep-alive" })
        else { return nil }
        let path: Substring
        let uriQuery: Substring
        if let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            path = target[..<mark]
            uriQuery = target[target.index(after: mark)...]
        } else {
            (path, uriQuery) = (target[...], "")
        }
        guard path == AvailabilityRequest.path,
            let query = AvailabilityRequest.query(uriQuery, headers: fields, handler: handler),
            let client = access.validClient(fields[.authorization]),
            client.role.operations.contains(AvailabilityRequest.operationID)
        else { return nil }
        let allocator = handler.allocator
        guard let body = cache.body(for: query, version: allocator.changeSequence, now: allocator.clock.now()),
            access.takeToken(of: client)
        else { return nil }
        recorder.metrics.availabilityAnsweredOnEventLoop()
        let requestID = recorder.requestID(from: RequestIDHeader.field.flatMap { fields[$0] })
        var head = HTTPResponse(
            status: .ok, headerFields: AvailabilityRequest.answerFields(contentLength: body.readableBytes))
        if let field = RequestIDHeader.field { head.headerFields[field] = requestID }
        head.headerFields[.date] = dates.now()
        recorder.record(
            requestID: requestID, method: request.method, path: String(path),
            operation: AvailabilityRequest.operationID,
            client: client, status: 200, duration: ContinuousClock.now - started)
        return Answer(head: head, body: body)
    }
}
