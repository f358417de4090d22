import AntreanLocalization
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// Writes a `Problem` as an RFC 9457 `application/problem+json` response, its `title` and `detail` in the
/// language the request's `Accept-Language` chose (``AcceptLanguage``), named in `Content-Language`;
/// `Vary: Accept-Language` tells caches that the body depends on that header.
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

    static func json(_ problem: Problem, language: Language = .en) -> Data {
        let problem = problem.localized(language)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Body(
            type: problem.type, title: problem.title, status: problem.status, detail: problem.detail,
            code: problem.code, pointer: problem.pointer, parameter: problem.parameter)
        return (try? encoder.encode(body))
            ?? Data(#"{"status":500,"title":"internal error","type":"/problems/internal"}"#.utf8)
    }

    static func fields(_ problem: Problem, language: Language = .en) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        fields[.contentLanguage] = language.rawValue
        fields[.vary] = "Accept-Language"
        if let retryAfter = problem.retryAfter { fields[.retryAfter] = String(retryAfter) }
        return fields
    }

    /// For the Hummingbird layer (route not found, body too large).
    static func make(_ problem: Problem, language: Language = .en) -> Response {
        Response(
            status: .init(code: problem.status), headers: fields(problem, language: language),
            body: .init(byteBuffer: ByteBuffer(bytes: json(problem, language: language))))
    }

    /// For the OpenAPI layer.
    static func openAPI(_ problem: Problem, language: Language = .en) -> (HTTPResponse, HTTPBody?) {
        (
            HTTPResponse(status: .init(code: problem.status), headerFields: fields(problem, language: language)),
            HTTPBody(json(problem, language: language))
        )
    }
}
