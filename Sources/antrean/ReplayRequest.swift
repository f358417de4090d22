import AntreanAllocator
import Foundation

/// One line of a replay trace. Which fields are needed depends on `op` (see docs/allocator.md).
struct ReplayRequest: Decodable {
    var op: String
    /// The caller's request id, echoed in the decision and usable as `booking_ref` by later lines.
    var id: String?
    /// When the request happened (ISO 8601 with Z or an offset, e.g. 2026-11-22T12:00:00+08:00).
    var at: String
    var nik: String?
    var account: String?
    var priority: Bool?
    var office: String?
    var kecamatan: String?
    var service: String?
    /// A slot start (ISO 8601); when absent, `book`/`hold` let the policy choose from `office` as home.
    var slot: String?
    var booking: UInt64?
    var bookingRef: String?
    var token: String?
    var idempotencyKey: String?
    var limit: Int?

    enum CodingKeys: String, CodingKey {
        case op, id, at, nik, account, priority, office, kecamatan, service, slot, booking, token, limit
        case bookingRef = "booking_ref"
        case idempotencyKey = "idempotency_key"
    }
}

enum ReplayTime {
    /// Parses `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`.
    static func parse(_ text: String) -> Instant? {
        let chars = Array(text.utf8)
        guard chars.count >= 17, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "),
            let date = LocalDate(parsing: String(decoding: chars[0..<10], as: UTF8.self))
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            return Int(String(decoding: chars[range], as: UTF8.self)).flatMap { range.count == 2 ? $0 : nil }
        }
        guard let hour = number(11..<13), chars[13] == UInt8(ascii: ":"), let minute = number(14..<16),
            hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        if index < chars.count, chars[index] == UInt8(ascii: ":") {
            guard let parsed = number(17..<19), parsed < 60 else { return nil }
            second = parsed
            index = 19
        }
        guard index < chars.count else { return nil }
        var offsetSeconds = 0
        if chars[index] == UInt8(ascii: "Z") {
            guard index + 1 == chars.count else { return nil }
        } else if chars[index] == UInt8(ascii: "+") || chars[index] == UInt8(ascii: "-") {
            guard index + 6 == chars.count, let hours = number(index + 1..<index + 3),
                chars[index + 3] == UInt8(ascii: ":"),
                let minutes = number(index + 4..<index + 6)
            else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (chars[index] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Instant(secondsSinceEpoch: local - Int64(offsetSeconds))
    }
}
