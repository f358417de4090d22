import AntreanAllocator

/// A `Booking` answer (openapi.yaml) written by hand: the members, values and key order (sorted, as the
/// runtime's `JSONEncoder` is configured, optional members left out when absent) of the generated
/// encoder, without Foundation's encoder. `BookingRouteTests` compares both, byte for byte for the
/// answers the server gives and decoded for arbitrary strings. O(size of the answer).
enum BookingJSON {
    static func body(_ booking: Components.Schemas.Booking) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(224)
        out.append(UInt8(ascii: "{"))
        // "appointment" sorts before "assisted"; it is present only where a template spread the slot.
        if let appointment = booking.appointment {
            out.append(contentsOf: #""appointment":"#.utf8)
            out.append(contentsOf: JSONStringLiteral.quoted(appointment).utf8)
            out.append(UInt8(ascii: ","))
        }
        out.append(contentsOf: #""assisted":"#.utf8)
        out.append(contentsOf: (booking.assisted ? "true" : "false").utf8)
        if let checkedInAt = booking.checkedInAt { member("checkedInAt", checkedInAt, into: &out) }
        member("code", booking.code, into: &out)
        if let holdExpiresAt = booking.holdExpiresAt { member("holdExpiresAt", holdExpiresAt, into: &out) }
        member("office", booking.office, into: &out)
        member("pool", booking.pool.rawValue, into: &out)
        out.append(contentsOf: #","reschedules":"#.utf8)
        out.append(contentsOf: String(booking.reschedules).utf8)
        member("service", booking.service, into: &out)
        member("start", booking.start, into: &out)
        member("state", booking.state.rawValue, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// `,"name":"value"`; names are plain, values escaped as RFC 8259 §7 asks.
    private static func member(_ name: String, _ value: String, into out: inout [UInt8]) {
        out.append(contentsOf: ",\"".utf8)
        out.append(contentsOf: name.utf8)
        out.append(contentsOf: "\":".utf8)
        out.append(contentsOf: JSONStringLiteral.quoted(value).utf8)
    }
}
