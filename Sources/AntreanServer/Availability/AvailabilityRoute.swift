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
    static var path: String { "/v1/availability" }
    static var operationID: String { "getAvailability" }

    let handler: APIHandler
    let access: AccessMiddleware
    let cache: AvailabilityCache
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .get, request.uri.path == Self.path, Self.acceptsJSON(request.headers),
            let parameters = Self.parameters(request.uri.query ?? ""),
            let service = parameters.service,
            let query = try? handler.availabilityQuery(
                service: service, office: parameters.office, kecamatan: parameters.kecamatan, date: parameters.date,
                priority: parameters.priority, limit: parameters.limit)
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
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// No `Accept`, or one that names JSON alone or anything: what the generated operation answers with
    /// JSON without negotiating.
    static func acceptsJSON(_ headers: HTTPFields) -> Bool {
        let values = headers[values: .accept]
        guard let value = values.first else { return true }
        return values.count == 1 && (value == "*/*" || value == "application/json")
    }

    /// The query's parameters when each is a known name given at most once with a plain value
    /// (letters, digits and `-._~:` only, so nothing to percent-decode), `priority` `true` or `false`
    /// and `limit` 1 to 3 digits; nil for anything else (the generated operation answers it). O(length).
    static func parameters(_ query: String) -> Parameters? {
        var parameters = Parameters()
        // One bit per known name: a name given twice is passed on (no set of names per request).
        var seen: UInt8 = 0
        func first(_ bit: UInt8) -> Bool {
            defer { seen |= bit }
            return seen & bit == 0
        }
        guard !query.isEmpty else { return parameters }
        for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
            guard let equals = pair.firstIndex(of: "=") else { return nil }
            let name = pair[..<equals]
            let value = pair[pair.index(after: equals)...]
            guard !value.isEmpty, value.utf8.allSatisfy(PlainBytes.contains) else { return nil }
            switch name {
            case "service" where first(1): parameters.service = String(value)
            case "office" where first(2): parameters.office = String(value)
            case "kecamatan" where first(4): parameters.kecamatan = String(value)
            case "date" where first(8): parameters.date = String(value)
            case "priority" where first(16):
                switch value {
                case "true": parameters.priority = true
                case "false": parameters.priority = false
                default: return nil
                }
            case "limit" where first(32):
                guard value.utf8.count <= 3, value.utf8.allSatisfy({ (48...57).contains($0) }), let limit = Int(value)
                else { return nil }
                parameters.limit = limit
            default: return nil
            }
        }
        return parameters
    }

    struct Parameters: Equatable {
        var service: String?
        var office: String?
        var kecamatan: String?
        var date: String?
        var priority: Bool?
        var limit: Int?
    }

}
