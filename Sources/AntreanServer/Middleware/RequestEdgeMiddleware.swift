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
    let recorder: RequestRecorder
    let maxBodyBytes: Int
    var metrics: ServerMetrics { recorder.metrics }
    var logger: Logger { recorder.logger }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        let requestID = recorder.requestID(from: RequestIDHeader.field.flatMap { request.headers[$0] })
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
        recorder.record(
            requestID: requestID, method: request.method, path: request.uri.path, operation: scope.operation,
            client: scope.client, status: response.status.code, duration: ContinuousClock.now - started)
        return response
    }
}

/// The `X-Request-Id` header's name.
enum RequestIDHeader {
    static let field = HTTPField.Name("X-Request-Id")
}
