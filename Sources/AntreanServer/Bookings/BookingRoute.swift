import AntreanAllocator
import HTTPTypes
import Hummingbird
import NIOCore

/// `POST /v1/bookings` without the generated OpenAPI layers, for the plain requests portals send: the
/// body read once by `BookingRequestJSON` (the runtime copied it into `Data` for the null scan, again for
/// `JSONDecoder`, and built the input through Foundation's decoder), the key checked by the same
/// `AccessMiddleware.authorize`, the booking made by the same `APIHandler.reserve` (idempotency key scoped
/// to the client and marked `assisted/` for the 112 line, account rate limit, NIK check, allocator
/// decision, metrics and outbox notice), and the answer written by `BookingJSON`.
///
/// The document stays the contract: a request this path does not take on exactly — a body
/// `BookingRequestJSON` does not read, a `Content-Type` other than `application/json`, an `Accept`
/// other than none, `*/*` or `application/json`, an `Idempotency-Key` missing, repeated or with a
/// character the runtime would percent-decode — goes on to the generated operation, which answers it as
/// before (a malformed field with its JSON pointer). It is passed on before its key is checked, so it
/// never takes two rate-limit tokens. A problem is answered as `ProblemMiddleware` answers it.
struct BookingRoute<Context: RequestContext>: RouterMiddleware {
    static var path: String { "/v1/bookings" }
    static var operationID: String { "createBooking" }

    let handler: APIHandler
    let access: AccessMiddleware

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .post, request.uri.path == Self.path, Self.plainHeaders(request.headers),
            let idempotencyKey = Self.idempotencyKey(request.headers),
            let body = try await Self.body(of: request, upTo: handler.server.settings.maxBodyBytes)
        else { return try await next(request, context) }
        let scope = RequestScope.current
        scope?.operation = Self.operationID
        do throws(Problem) {
            _ = try access.authorize(request.headers[.authorization], operationID: Self.operationID)
            let receipt = try await handler.reserve(body, idempotencyKey: idempotencyKey, holdOnly: false)
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(
                status: receipt.isRepeat ? .ok : .created, headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: BookingJSON.body(handler.view(receipt.booking)))))
        } catch {
            // The one line ProblemMiddleware adds for a server-side failure; RequestEdgeMiddleware answers
            // the problem and counts it, as for the generated operation.
            if error.status >= 500 {
                scope?.logger.error(
                    "request failed",
                    metadata: ["operation": .string(Self.operationID), "error": .string("\(type(of: error))")])
            }
            throw error
        }
    }

    /// `Content-Type: application/json` (once, no parameters) and an `Accept` that lets the generated
    /// operation answer JSON without negotiating: none, or one value `*/*` or `application/json`.
    static func plainHeaders(_ headers: HTTPFields) -> Bool {
        let contentTypes = headers[values: .contentType]
        guard contentTypes.count == 1, contentTypes.first == "application/json" else { return false }
        let accepts = headers[values: .accept]
        guard let accept = accepts.first else { return true }
        return accepts.count == 1 && (accept == "*/*" || accept == "application/json")
    }

    /// The `Idempotency-Key` when given once, not empty, in letters, digits and `-._~:` only (nothing the
    /// runtime's URI decoding of the header would change); its length is checked by `reserve`, as on
    /// the generated path.
    static func idempotencyKey(_ headers: HTTPFields) -> String? {
        guard let name = IdempotencyKeyHeader.field else { return nil }
        let values = headers[values: name]
        guard values.count == 1, let value = values.first, !value.isEmpty, value.utf8.allSatisfy(PlainBytes.contains)
        else {
            return nil
        }
        return value
    }

    /// The body as read by `BookingRequestJSON`, or nil. `RequestEdgeMiddleware` has collected it already.
    static func body(of request: Request, upTo limit: Int) async throws -> Components.Schemas.BookingRequest? {
        let buffer = try await request.body.collect(upTo: limit)
        return buffer.withUnsafeReadableBytes { BookingRequestJSON.parse($0) }
    }

}

/// The `Idempotency-Key` header's name.
enum IdempotencyKeyHeader {
    static let field = HTTPField.Name("Idempotency-Key")
}
