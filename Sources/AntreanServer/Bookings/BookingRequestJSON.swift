/// The body of `POST /v1/bookings` (`BookingRequest` in openapi.yaml) read by hand, for the plain bodies
/// portals send: one JSON object whose members are known names, each given once, with string values of
/// printable ASCII without escapes and `priority` `true` or `false`, and both required members
/// (`nik`, `service`) present. For such a body the generated decoder (Foundation's `JSONDecoder` and the
/// synthesized `Decodable`) reads exactly these values, so `BookingRoute` may take the request on.
/// Anything else — an escape, a non-ASCII byte, a number, a `null`, a nested value, an unknown or
/// repeated member, a missing required member, bytes after the object — is nil, and the request goes on
/// to the generated operation, which answers it (with its JSON pointer when malformed). O(body size).
enum BookingRequestJSON {
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Components.Schemas.BookingRequest? {
        var reader = Reader(bytes: bytes)
        var fields = Fields()
        reader.skipWhitespace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        reader.skipWhitespace()
        if !reader.take(UInt8(ascii: "}")) {
            repeat {
                reader.skipWhitespace()
                guard let name = reader.plainString() else { return nil }
                reader.skipWhitespace()
                guard reader.take(UInt8(ascii: ":")) else { return nil }
                reader.skipWhitespace()
                guard fields.read(name: name, from: &reader) else { return nil }
                reader.skipWhitespace()
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "}")) else { return nil }
        }
        reader.skipWhitespace()
        guard reader.atEnd, let nik = fields.nik, let service = fields.service else { return nil }
        return Components.Schemas.BookingRequest(
            nik: nik, service: service, office: fields.office, start: fields.start, homeOffice: fields.homeOffice,
            notBefore: fields.notBefore, account: fields.account, priority: fields.priority)
    }

    /// The members read so far; `read` refuses a name given twice or unknown.
    private struct Fields {
        var nik: String?
        var service: String?
        var office: String?
        var start: String?
        var homeOffice: String?
        var notBefore: String?
        var account: String?
        var priority: Bool?

        mutating func read(name: String, from reader: inout Reader) -> Bool {
            if name == "priority" {
                guard priority == nil, let value = reader.boolean() else { return false }
                priority = value
                return true
            }
            let slot: WritableKeyPath<Fields, String?>
            switch name {
            case "nik": slot = \.nik
            case "service": slot = \.service
            case "office": slot = \.office
            case "start": slot = \.start
            case "homeOffice": slot = \.homeOffice
            case "notBefore": slot = \.notBefore
            case "account": slot = \.account
            default: return false
            }
            guard self[keyPath: slot] == nil, let value = reader.plainString() else { return false }
            self[keyPath: slot] = value
            return true
        }
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// RFC 8259 §2: space, horizontal tab, line feed, carriage return.
        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// A string literal of printable ASCII (0x20–0x7E) without a backslash: what it spells is its bytes.
        mutating func plainString() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return value
                }
                guard (0x20...0x7E).contains(byte), byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }

        mutating func boolean() -> Bool? {
            for (literal, value) in [("true", true), ("false", false)] where matches(literal) {
                index += literal.utf8.count
                return value
            }
            return nil
        }

        private func matches(_ literal: String) -> Bool {
            let count = literal.utf8.count
            guard bytes.count - index >= count else { return false }
            return zip(literal.utf8, bytes[index..<(index + count)]).allSatisfy { $0 == $1 }
        }
    }
}
