import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// The outermost OpenAPI middleware: names the operation for logs and metrics, and turns every error
/// into a problem response. A `Problem` thrown by a handler or by `AccessMiddleware` is answered as is;
/// a request the generated code could not decode (bad JSON, a missing field or header, a wrong type)
/// is a 400 `malformed` problem with a JSON pointer to the field. No detail is copied from the decoder's
/// messages, which may quote the input (and so a NIK).
struct ProblemMiddleware: ServerMiddleware {
    let metrics: ServerMetrics

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        RequestScope.current?.operation = operationID
        do {
            return try await next(request, body, metadata)
        } catch {
            let problem = Self.problem(for: error)
            if problem.status >= 500 {
                RequestScope.current?.logger.error(
                    "request failed",
                    metadata: ["operation": .string(operationID), "error": .string("\(type(of: error))")])
            }
            metrics.refusal(code: problem.code)
            return ProblemResponse.openAPI(problem, language: RequestScope.current?.language ?? .en)
        }
    }

    static func problem(for error: any Error) -> Problem {
        if let problem = error as? Problem { return problem }
        guard let serverError = error as? ServerError else { return .internalError }
        if let problem = serverError.underlyingError as? Problem { return problem }
        if let decoding = serverError.underlyingError as? DecodingError { return malformed(decoding) }
        // Raised while turning the HTTP request into the operation's input: the client's mistake.
        if serverError.operationInput == nil { return malformedRequest(serverError.causeDescription) }
        return .internalError
    }

    /// A body that is not JSON, or a field that is missing or of the wrong type, with its pointer.
    static func malformed(_ error: DecodingError) -> Problem {
        switch error {
        case .keyNotFound(let key, let context):
            return .malformed(pointer: pointer(context.codingPath + [key]), "required field missing")
        case .typeMismatch(let type, let context):
            return .malformed(pointer: pointer(context.codingPath), "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return .malformed(pointer: pointer(context.codingPath), "expected \(describe(type)), got null")
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? .malformed(pointer: "", "the body is not valid JSON")
                : .malformed(pointer: pointer(context.codingPath), "value not allowed")
        @unknown default:
            return .malformed(pointer: "", "the body does not match the schema")
        }
    }

    /// A parameter or header the generated code refused, named from the runtime's description.
    static func malformedRequest(_ cause: String) -> Problem {
        let lowered = cause.lowercased()
        if lowered.contains("content-type") || lowered.contains("content type") {
            return .malformed(parameter: "Content-Type", "expected application/json")
        }
        if lowered.contains("idempotency-key") { return .malformed(parameter: "Idempotency-Key", "required header") }
        if lowered.contains("request body") || lowered.contains("body") {
            return .malformed(pointer: "", "a JSON body is required")
        }
        for name in ["service", "office", "kecamatan", "date", "priority", "limit", "code"]
        where cause.contains("named: \(name)") || cause.contains("'\(name)'") || cause.contains("\"\(name)\"") {
            return .malformed(parameter: name, "missing or not of the documented type")
        }
        return .malformed(parameter: "", "a parameter is missing or not of the documented type")
    }

    /// RFC 6901: `/a/0/b`, with `~` as `~0` and `/` as `~1`.
    static func pointer(_ path: [any CodingKey]) -> String {
        path.map { key in
            let token = key.intValue.map(String.init) ?? key.stringValue
            return "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        default: "a JSON value of the documented type"
        }
    }
}
