import AntreanAllocator
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /v1/availability` without the generated OpenAPI layers, for the plain requests portals send
/// most: it parses the query once (the runtime re-parsed the query string for each of the six
/// parameters, a quarter of a read), checks the key with the same `AccessMiddleware.authorize`, and
/// answers from `AvailabilityCache` or, on a miss, the same `APIHandler.availability` encoded by
/// `AvailabilityJSON`. The document stays the contract: anything this path does not take on exactly —
/// a parameter given twice, unknown or percent-encoded, a value the operation would refuse, an
/// `Accept` header other than none, `*/*` or `application/json` — goes on to the generated operation,
/// which answers it as before; so do all other routes. A request is passed on only before its key has
/// been checked, so it never takes two rate-limit tokens.
struct AvailabilityRoute<Context: RequestContext>: RouterMiddleware {
    static var path: String { AvailabilityRequest.path }
    static var operationID: String { AvailabilityRequest.operationID }

    let handler: APIHandler
    let access: AccessMiddleware
    let cache: AvailabilityCache
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .get, request.uri.path == Self.path,
            let query = AvailabilityRequest.query(
                (request.uri.query ?? "")[...], headers: request.headers, handler: handler)
        else { return try await next(request, context) }
        RequestScope.current?.operation = Self.operationID
        _ = try access.authorize(request.headers[.authorization], operationID: Self.operationID)
        let allocator = handler.allocator
        let now = allocator.clock.now()
        let body: ByteBuffer
        if let cached = cache.body(for: query, version: allocator.changeSequence, now: now) {
            metrics.availabilityCache(hit: true)
            body = cached
        } else {
            metrics.availabilityCache(hit: false)
            let answer = try await handler.availability(query)
            guard let bytes = AvailabilityJSON.body(answer.slots, formats: handler.formats) else {
                throw Problem.internalError
            }
            body = ByteBuffer(bytes: bytes)
            cache.store(body, for: query, version: answer.version, now: answer.now)
        }
        return Response(
            status: .ok, headers: AvailabilityRequest.answerFields(contentLength: body.readableBytes),
            body: .init(byteBuffer: body))
    }
}
