import AntreanAllocator

/// Reading and writing the API's field formats: instants, local dates and booking codes. Every refusal
/// names the field (a JSON pointer for body fields, the name for parameters) and never quotes a value.
struct FieldFormats: Sendable {
    let timeZone: OfficeTimeZone

    /// An ISO 8601 instant from body field `pointer`; malformed is 400, out of the supported range 422.
    func instant(_ text: String, pointer: String) throws(Problem) -> Instant {
        guard let instant = Instant(iso8601: text) else {
            throw .malformed(pointer: pointer, .instant)
        }
        guard instant.isSupported else { throw Problem(.instantOutOfRange) }
        return instant
    }

    /// A local date `YYYY-MM-DD` from query parameter `name`.
    func date(_ text: String, parameter name: String) throws(Problem) -> LocalDate {
        guard text.utf8.count == 10, let date = LocalDate(parsing: text), date.isValid else {
            throw .malformed(parameter: name, .date)
        }
        return date
    }

    /// A booking code: 1 to 19 decimal digits, not zero.
    func bookingID(_ code: String, parameter name: String = "code") throws(Problem) -> BookingID {
        guard (1...19).contains(code.utf8.count), code.utf8.allSatisfy({ (48...57).contains($0) }),
            let value = UInt64(code), value > 0
        else { throw .malformed(parameter: name, .bookingCode) }
        return BookingID(value)
    }

    /// The instant as citizens read it: local time with the offices' offset, e.g. 2026-11-23T08:00:00+08:00.
    func text(_ instant: Instant) -> String {
        let local = instant.adding(seconds: timeZone.secondsEastOfUTC)
        let utc = local.description  // 2026-11-23T08:00:00Z, of the shifted instant
        let offset = timeZone.secondsEastOfUTC
        let sign = offset < 0 ? "-" : "+"
        let magnitude = offset.magnitude
        let hours = magnitude / 3600
        let minutes = magnitude / 60 % 60
        return String(utc.dropLast()) + sign + (hours < 10 ? "0\(hours)" : "\(hours)") + ":"
            + (minutes < 10 ? "0\(minutes)" : "\(minutes)")
    }

    /// Local minute of day as HH:MM.
    static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0\(hours)" : "\(hours)") + ":" + (minutes < 10 ? "0\(minutes)" : "\(minutes)")
    }
}

/// The `Idempotency-Key` header: 1 to 128 visible ASCII characters.
func checkedIdempotencyKey(_ text: String) throws(Problem) -> String {
    guard (1...128).contains(text.utf8.count), text.utf8.allSatisfy({ (33...126).contains($0) }) else {
        throw .malformed(parameter: "Idempotency-Key", .idempotencyKey)
    }
    return text
}
