import AntreanAllocator

/// The body of an availability answer (`AvailabilityList` in openapi.yaml) written by hand: the same
/// members, values and key order (sorted, as the runtime's `JSONEncoder` is configured) without
/// Foundation's encoder, which cost a sixth of a read. `AvailabilityJSONTests` decodes both for random
/// states and compares them. O(slots).
enum AvailabilityJSON {
    /// The answer's bytes, or nil when a utilization is not a finite number (JSON has no NaN or
    /// infinity; the generated encoder refuses such a value too).
    static func body(_ slots: [SlotAvailability], formats: FieldFormats) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(24 + slots.count * 128)
        out.append(contentsOf: #"{"slots":["#.utf8)
        for (index, slot) in slots.enumerated() {
            guard slot.dayUtilization.isFinite else { return nil }
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"dayUtilization":"#.utf8)
            out.append(contentsOf: number(slot.dayUtilization).utf8)
            out.append(contentsOf: #","office":"#.utf8)
            out.append(contentsOf: JSONStringLiteral.quoted(slot.slot.office.rawValue).utf8)
            out.append(contentsOf: #","remaining":"#.utf8)
            out.append(contentsOf: String(slot.remaining).utf8)
            out.append(contentsOf: #","service":"#.utf8)
            out.append(contentsOf: JSONStringLiteral.quoted(slot.slot.service.rawValue).utf8)
            out.append(contentsOf: #","start":"#.utf8)
            out.append(contentsOf: JSONStringLiteral.quoted(formats.text(slot.slot.start)).utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }

    /// A finite double as a JSON number that reads back as the same double: Swift's shortest
    /// round-trip form (`0.1640625`, `1e-05`), with a whole number written without `.0`, as
    /// `JSONEncoder` does. RFC 8259 §6 allows the exponent forms Swift prints.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), value.magnitude < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
