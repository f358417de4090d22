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

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        let requestID = Self.requestID(from: RequestIDHeader.field.flatMap { request.headers[$0] })
        var requestLogger = logger
        requestLogger[metadataKey: "request_id"] = .string(requestID)
        let language = AcceptLanguage.preferred(request.headers[values: .acceptLanguage])
        let scope = RequestScope(requestID: requestID, logger: requestLogger, language: language)
        var response: Response
        do {
            var request = request
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
                throw Problem.tooLarge(limit: maxBodyBytes)
            }
            do { _ = try await request.collectBody(upTo: maxBodyBytes) } catch let error as HTTPError
                where error.status == .contentTooLarge
            {
                throw Problem.tooLarge(limit: maxBodyBytes)
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
                problem = Problem(
                    status: error.status.code, code: error.status.code >= 500 ? "internal" : "http_error",
                    title: error.status.reasonPhrase)
            }
            metrics.refusal(code: problem.code)
            response = ProblemResponse.make(problem, language: language)
            if let allowed { response.headers[.allow] = allowed.joined(separator: ", ") }
        }
        if let field = RequestIDHeader.field { response.headers[field] = requestID }
        let duration = ContinuousClock.now - started
        metrics.request(operation: scope.operation, status: response.status.code, duration: duration)
        let milliseconds =
            Double(duration.components.attoseconds / 1_000_000_000_000) / 1000
            + Double(duration.components.seconds) * 1000
        scope.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "operation": .string(scope.operation), "client": .string(scope.client?.client ?? "-"),
                "status": .stringConvertible(response.status.code),
                "ms": .string(String(format: "%.2f", milliseconds)),
            ])
        return response
    }

    /// The caller's request id when it is a short token of safe characters (a proxy's id), else a new one.
    static func requestID(from header: String?) -> String {
        if let header, (1...64).contains(header.utf8.count),
            header.utf8.allSatisfy({
                $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || (48...57).contains($0) || (65...90).contains($0)
                    || (97...122).contains($0)
            })
        {
            return header
        }
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 16)
    }
}

/// The `X-Request-Id` header's name.
enum RequestIDHeader {
    static let field = HTTPField.Name("X-Request-Id")
}
