/// Whether a request's `Accept` admits the JSON every `/v1/` operation answers (RFC 9110 §12.5.1): no
/// header, or a media range `*/*`, `application/*`, `application/json` or `application/problem+json`
/// whose weight is not `q=0`. Checked at the edge, before any handler runs: the generated code checks
/// `Accept` only when it writes the answer, so a booking asked with `Accept: text/plain` was made and
/// then answered 406, and a client that retried without its `Idempotency-Key` booked twice.
/// O(length of the header).
enum AcceptJSON {
    static func admits(_ values: [String]) -> Bool {
        guard !values.isEmpty else { return true }
        for range in values.joined(separator: ",").split(separator: ",") {
            let parts = range.split(separator: ";")
            guard let type = parts.first?.trimmingSpaces().lowercased(), !type.isEmpty else { continue }
            guard ["*/*", "application/*", "application/json", "application/problem+json"].contains(type) else {
                continue
            }
            let refused = parts.dropFirst().contains { parameter in
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces().lowercased() }
                return pair.count == 2 && pair[0] == "q" && Double(pair[1]) == 0
            }
            if !refused { return true }
        }
        return false
    }
}

extension Substring {
    /// Without the spaces and tabs (RFC 9110's OWS) around it.
    fileprivate func trimmingSpaces() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
