/// The parameters of a plain availability query, as the fast paths read them. Standard library only (with
/// `PlainBytes`), so that the fuzz target `FuzzAvailabilityQuery` compiles this file as it is.
struct AvailabilityParameters: Equatable, Sendable {
    var service: String?
    var office: String?
    var kecamatan: String?
    var date: String?
    var priority: Bool?
    var limit: Int?
}

extension AvailabilityParameters {
    /// Reads `query` (the text after `?`) when each parameter is a known name given at most once with a
    /// plain value (letters, digits and `-._~:` only, so nothing to percent-decode), `priority` `true` or
    /// `false` and `limit` 1 to 3 digits; nil for anything else (the generated operation answers it).
    /// O(length), with no array of pairs.
    init?(query: Substring) {
        self.init()
        // One bit per known name: a name given twice is passed on (no set of names per request).
        var seen: UInt8 = 0
        func first(_ bit: UInt8) -> Bool {
            defer { seen |= bit }
            return seen & bit == 0
        }
        guard !query.isEmpty else { return }
        // On the UTF-8 bytes: `Character` searches walk grapheme clusters.
        let bytes = query.utf8
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.endIndex
            guard let equals = bytes[start..<end].firstIndex(of: UInt8(ascii: "=")) else { return nil }
            let name = Substring(bytes[start..<equals])
            let value = Substring(bytes[bytes.index(after: equals)..<end])
            guard !value.isEmpty, value.utf8.allSatisfy(PlainBytes.contains) else { return nil }
            switch name {
            case "service" where first(1): service = String(value)
            case "office" where first(2): office = String(value)
            case "kecamatan" where first(4): kecamatan = String(value)
            case "date" where first(8): date = String(value)
            case "priority" where first(16):
                switch value {
                case "true": priority = true
                case "false": priority = false
                default: return nil
                }
            case "limit" where first(32):
                guard value.utf8.count <= 3, value.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(value)
                else { return nil }
                limit = number
            default: return nil
            }
            guard end != bytes.endIndex else { return }
            start = bytes.index(after: end)
        }
    }
}
