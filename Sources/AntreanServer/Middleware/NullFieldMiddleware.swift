import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Refuses a JSON request body with an explicit `null` anywhere (400 `malformed` with the pointer of the
/// first one). No field of the document is nullable, but the generated decoder reads a `null` optional
/// field as absent, so `{"nik": null}` on a cancel would quietly become a cancellation by the office and
/// `{"priority": null}` a booking without priority. A body that is not JSON passes through untouched: the
/// decoder answers it with its own problem. O(body size).
struct NullFieldMiddleware: ServerMiddleware {
    let maxBodyBytes: Int

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body, request.headerFields[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            return try await next(request, body, metadata)
        }
        let data = try await Data(collecting: body, upTo: maxBodyBytes)
        if let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let pointer = Self.firstNull(in: value, at: "")
        {
            throw Problem.malformed(pointer: pointer, "null is not allowed; leave the field out instead")
        }
        return try await next(request, HTTPBody(data), metadata)
    }

    /// The RFC 6901 pointer of the first `null` in a parsed JSON value, object keys in sorted order.
    static func firstNull(in value: Any, at pointer: String) -> String? {
        switch value {
        case is NSNull: return pointer
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                let token = key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                if let found = object[key].flatMap({ firstNull(in: $0, at: pointer + "/" + token) }) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = firstNull(in: element, at: pointer + "/\(index)") { return found }
            }
            return nil
        default: return nil
        }
    }
}
