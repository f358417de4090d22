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
        guard acceptsJSON(headers), let parameters = AvailabilityParameters(query: uriQuery),
            let service = parameters.service
        else {
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
}
