import AntreanAllocator
import HTTPTypes

/// The plain `GET /v1/availability` requests that the fast paths (`AvailabilityRoute`, and on the event loop
/// `EventLoopAvailabilityHandler`) take on: a query they read exactly as the generated operation does, and
/// an `Accept` that needs no negotiation. Anything else is left to the generated operation.
enum AvailabilityRequest {
    static let path = "/v1/availability"
    static let operationID = "getAvailability"

    /// The checked query of `uriQuery` (the text after `?`), or nil when a fast path should not take the
    /// request on: an `Accept` it does not answer as is, a query `parameters` does not read, or one the
    /// operation refuses (the generated operation then answers the problem). O(length of the query).
    static func query(_ uriQuery: Substring, headers: HTTPFields, handler: APIHandler) -> AvailabilityQuery? {
        guard acceptsJSON(headers), let parameters = parameters(uriQuery), let service = parameters.service else {
            return nil
        }
        return try? handler.availabilityQuery(
            service: service, office: parameters.office, kecamatan: parameters.kecamatan, date: parameters.date,
            priority: parameters.priority, limit: parameters.limit)
    }

    /// The fields of a 200 answer with a body of `contentLength` bytes.
    static func answerFields(contentLength: Int) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(contentLength)
        return fields
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
    static func parameters(_ query: Substring) -> Parameters? {
        var parameters = Parameters()
        // One bit per known name: a name given twice is passed on (no set of names per request).
        var seen: UInt8 = 0
        func first(_ bit: UInt8) -> Bool {
            defer { seen |= bit }
            return seen & bit == 0
        }
        guard !query.isEmpty else { return parameters }
        // On the UTF-8 bytes, with no array of pairs: `Character` searches walk grapheme clusters.
        let bytes = query.utf8
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.endIndex
            guard let equals = bytes[start..<end].firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let name = Substring(bytes[start..<equals])
            let value = Substring(bytes[bytes.index(after: equals)..<end])
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
            guard end != bytes.endIndex else { return parameters }
            start = bytes.index(after: end)
        }
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
