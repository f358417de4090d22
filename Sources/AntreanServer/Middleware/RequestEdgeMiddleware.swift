import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The outer edge of every request: gives it an id (`X-Request-Id`, echoed), limits the body's size
/// (413), answers Hummingbird's own errors as problems (no such route: 404; a documented path with
/// another method: 405 with `Allow`), logs one line per request (id, method, path, operation, client,
/// status, duration: never a header, body or query, so never a NIK, token or key) and records the
/// request metrics.
struct RequestEdgeMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let maxBodyBytes: Int
    let logger: Logger
    let requestIDs = RequestIDs()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        let requestID = Self.requestID(from: RequestIDHeader.field.flatMap { request.headers[$0] }, or: requestIDs)
        let language = AcceptLanguage.preferred(request.headers[values: .acceptLanguage])
        let scope = RequestScope(requestID: requestID, logger: logger, language: language)
        var response: Response
        do {
            var request = request
            if request.uri.path.hasPrefix("/v1/"), !AcceptJSON.admits(request.headers[values: .accept]) {
                throw Problem.httpError(status: 406, reasonPhrase: "Not Acceptable")
            }
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
                throw Problem.tooLarge(limit: maxBodyBytes)
            }
            // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 §6.3):
            // nothing to collect (most reads), and the body stream is not iterated.
            if request.headers[.contentLength] != nil || request.headers[.transferEncoding] != nil {
                do { _ = try await request.collectBody(upTo: maxBodyBytes) } catch let error as HTTPError
                    where error.status == .contentTooLarge
                {
                    throw Problem.tooLarge(limit: maxBodyBytes)
                }
            }
            let collected = request
            response = try await RequestScope.$current.withValue(scope) { try await next(collected, context) }
        } catch let problem as Problem {
            metrics.refusal(code: problem.code)
            response = ProblemResponse.make(problem, language: language)
        } catch let error as HTTPError {
            var allowed: [String]?
            let problem: Problem
            if error.status == .notFound {
                // A documented path asked with a method it does not have is 405 with Allow, not 404.
                allowed = DocumentedRoutes.served.allowedMethods(path: request.uri.path)
                problem = allowed.map { Problem.methodNotAllowed(allowed: $0) } ?? Problem.notFound
            } else {
                problem = Problem.httpError(status: error.status.code, reasonPhrase: error.status.reasonPhrase)
            }
            metrics.refusal(code: problem.code)
            response = ProblemResponse.make(problem, language: language)
            if let allowed { response.headers[.allow] = allowed.joined(separator: ", ") }
        }
        if let field = RequestIDHeader.field { response.headers[field] = requestID }
        let duration = ContinuousClock.now - started
        metrics.request(operation: scope.operation, status: response.status.code, duration: duration)
        logger.info(
            "request",
            metadata: [
                "request_id": .string(requestID), "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "operation": .string(scope.operation), "client": .string(scope.client?.client ?? "-"),
                "status": .stringConvertible(response.status.code),
                "ms": .string(Self.milliseconds(duration)),
            ])
        return response
    }

    /// The caller's request id when it is a short token of safe characters (a proxy's id), else a new one.
    static func requestID(from header: String?, or ids: RequestIDs) -> String {
        if let header, (1...64).contains(header.utf8.count),
            header.utf8.allSatisfy({
                $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (48...57).contains($0) || (65...90).contains($0)
                    || (97...122).contains($0)
            })
        {
            return header
        }
        return ids.next()
    }

    /// `duration` in milliseconds with two decimals, rounded half up ("0.27", "12.05"): what
    /// `String(format: "%.2f")` wrote, without Foundation's formatter on every request. Durations beyond
    /// a million seconds read as a million seconds.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return "0.00" }
        // Units of 10 µs (1e13 attoseconds), so hundredths of a millisecond.
        let units = min(seconds, 1_000_000) * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000
        let fraction = units % 100
        return "\(units / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}

/// The `X-Request-Id` header's name.
enum RequestIDHeader {
    static let field = HTTPField.Name("X-Request-Id")
}
