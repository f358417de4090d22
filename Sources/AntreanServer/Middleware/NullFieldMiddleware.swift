import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Refuses a JSON request body with an explicit `null` anywhere (400 `malformed` with the pointer of the
/// first one). No field of the document is nullable, but the generated decoder reads a `null` optional
/// field as absent, so `{"nik": null}` on a cancel would quietly become a cancellation by the office and
/// `{"priority": null}` a booking without priority. A body that is not JSON passes through untouched: the
/// decoder answers it with its own problem. O(body size); a body without the literal `null` outside its
/// strings (nearly every request) is only scanned, not parsed.
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
        if Self.mayHaveNull(data),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let pointer = Self.firstNull(in: value, at: "")
        {
            throw Problem.malformed(pointer: pointer, .nullField)
        }
        return try await next(request, HTTPBody(data), metadata)
    }

    /// Whether the literal `null` occurs in `bytes` outside string literals: false proves that the body,
    /// if it is JSON, has no `null`, without parsing it (the parse cost a booking more than its decoding).
    /// A string is skipped from its opening quote to the next quote not escaped by a backslash. A zero
    /// byte answers true: JSON in UTF-16 or UTF-32 (which Foundation's parsers accept) has one in every
    /// ASCII character, and is left to the full parse. O(size).
    static func mayHaveNull(_ bytes: some Collection<UInt8>) -> Bool {
        var inString = false
        var escaped = false
        var matched = 0
        let null: [UInt8] = Array("null".utf8)
        for byte in bytes {
            if byte == 0 { return true }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
                matched = 0
                continue
            }
            matched = byte == null[matched] ? matched + 1 : (byte == null[0] ? 1 : 0)
            if matched == null.count { return true }
        }
        return false
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
