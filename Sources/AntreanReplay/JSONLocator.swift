/// Finds the line of a field in a JSON text, so that an error found after decoding (a `DecodingError`'s
/// coding path, a configuration check's `appointmentTemplates[0].places`) can name the line as well as
/// the field. Foundation's decoders keep no positions, so this scans the bytes again: a
/// recursive-descent skip over RFC 8259 values that descends only along the path. Malformed text, a
/// missing key, an index past the end or nesting deeper than `maxDepth` stop the walk at the deepest
/// value found (its line is still the best answer). O(bytes before the field) time, O(depth) stack.
public enum JSONLocator {
    /// One step of a path: an object member or an array element.
    public enum Component: Equatable, Sendable {
        case key(String)
        case index(Int)
    }

    /// Nesting deeper than this is not followed (Foundation's JSON reader refuses deeper input anyway).
    public static let maxDepth = 512

    /// The 1-based line and column (in bytes) of the value at `path`, or of the deepest value on the way.
    public static func position(of path: [Component], in bytes: [UInt8]) -> (line: Int, column: Int) {
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        var found = scanner.here
        scanner.descend(path[...], depth: 0, found: &found)
        return found
    }

    /// A decoder's coding path as components.
    public static func components(of codingPath: [any CodingKey]) -> [Component] {
        codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    /// `appointmentTemplates[0].places` → `[.key("appointmentTemplates"), .index(0), .key("places")]`;
    /// nil when the text is not such a path (a key holding `.` or `[` cannot be written this way).
    public static func components(of field: String) -> [Component]? {
        var components: [Component] = []
        var rest = Substring(field)
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"),
                    let index = Int(rest[rest.index(after: rest.startIndex)..<close])
                else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
                if rest.first == "." { rest = rest.dropFirst() }
                continue
            }
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            guard end > rest.startIndex else { return nil }
            components.append(.key(String(rest[..<end])))
            rest = rest[end...]
            if rest.first == "." { rest = rest.dropFirst() }
        }
        return components
    }

    struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }
        var here: (line: Int, column: Int) { (line, position - lineStart + 1) }

        mutating func advance() {
            if bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
        }

        /// At a value's first byte: records its position, then follows `path` into it; stops where the
        /// text is malformed or the path leads nowhere.
        mutating func descend(_ path: ArraySlice<Component>, depth: Int, found: inout (line: Int, column: Int)) {
            found = here
            guard let step = path.first, depth < JSONLocator.maxDepth else { return }
            switch (step, current) {
            case (.key(let wanted), UInt8(ascii: "{")?):
                advance()
                while true {
                    skipWhitespace()
                    guard current == UInt8(ascii: "\""), let key = string() else { return }
                    skipWhitespace()
                    guard current == UInt8(ascii: ":") else { return }
                    advance()
                    skipWhitespace()
                    if key == wanted {
                        descend(path.dropFirst(), depth: depth + 1, found: &found)
                        return
                    }
                    guard skipToNext(depth: depth + 1) else { return }
                }
            case (.index(let wanted), UInt8(ascii: "[")?):
                advance()
                var index = 0
                while true {
                    skipWhitespace()
                    guard current != nil, current != UInt8(ascii: "]") else { return }
                    if index == wanted {
                        descend(path.dropFirst(), depth: depth + 1, found: &found)
                        return
                    }
                    guard skipToNext(depth: depth + 1) else { return }
                    index += 1
                }
            default:
                return
            }
        }

        /// Skips a member's or element's value and the comma after it; false at the container's end
        /// or malformed text.
        mutating func skipToNext(depth: Int) -> Bool {
            guard skipValue(depth: depth) else { return false }
            skipWhitespace()
            guard current == UInt8(ascii: ",") else { return false }
            advance()
            return true
        }

        /// Reads a string at its opening quote; nil when unterminated. Escapes other than `\"` and `\\`
        /// are kept as written (keys with `\u` escapes do not match; the walk then stops at the object).
        mutating func string() -> String? {
            advance()
            var text: [UInt8] = []
            while let byte = current {
                advance()
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { return nil }
                    advance()
                    if escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\") || escaped == UInt8(ascii: "/") {
                        text.append(escaped)
                    } else {
                        text += [UInt8(ascii: "\\"), escaped]
                    }
                default: text.append(byte)
                }
            }
            return nil
        }

        /// Skips one value; false when it is malformed or nested deeper than `maxDepth`.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth < JSONLocator.maxDepth, let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                advance()
                skipWhitespace()
                if current == close {
                    advance()
                    return true
                }
                while true {
                    if byte == UInt8(ascii: "{") {
                        guard current == UInt8(ascii: "\""), string() != nil else { return false }
                        skipWhitespace()
                        guard current == UInt8(ascii: ":") else { return false }
                        advance()
                        skipWhitespace()
                    }
                    guard skipValue(depth: depth + 1) else { return false }
                    skipWhitespace()
                    if current == close {
                        advance()
                        return true
                    }
                    guard current == UInt8(ascii: ",") else { return false }
                    advance()
                    skipWhitespace()
                }
            default:
                // A number or a literal: everything up to the next delimiter.
                var length = 0
                while let next = current,
                    ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(next)
                {
                    advance()
                    length += 1
                }
                return length > 0
            }
        }
    }
}
