import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// Writes a `Problem` as an RFC 9457 `application/problem+json` response.
enum ProblemResponse {
    static let contentType = "application/problem+json"

    struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String?
        var code: String
        var pointer: String?
        var parameter: String?
    }

    static func json(_ problem: Problem) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Body(
            type: problem.type, title: problem.title, status: problem.status, detail: problem.detail,
            code: problem.code, pointer: problem.pointer, parameter: problem.parameter)
        return (try? encoder.encode(body))
            ?? Data(#"{"status":500,"title":"internal error","type":"/problems/internal"}"#.utf8)
    }

    static func fields(_ problem: Problem) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        if let retryAfter = problem.retryAfter { fields[.retryAfter] = String(retryAfter) }
        return fields
    }

    /// For the Hummingbird layer (route not found, body too large).
    static func make(_ problem: Problem) -> Response {
        Response(
            status: .init(code: problem.status), headers: fields(problem),
            body: .init(byteBuffer: ByteBuffer(bytes: json(problem))))
    }

    /// For the OpenAPI layer.
    static func openAPI(_ problem: Problem) -> (HTTPResponse, HTTPBody?) {
        (HTTPResponse(status: .init(code: problem.status), headerFields: fields(problem)), HTTPBody(json(problem)))
    }
}
