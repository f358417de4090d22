import Foundation

/// Deterministic pretty JSON from plain dictionaries, arrays, numbers, strings, booleans and `NSNull`:
/// the layout of `JSONSerialization`'s `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, with keys
/// in Unicode code-point order (Foundation's order is locale-dependent and "subject to change"; the two
/// agree on the lower-case, zero-padded keys reports use).
///
/// Written directly into a byte buffer: a year-long city run reports ~40,000 lines, and
/// `JSONSerialization` spent a sixth of a second (6% of the run) boxing and formatting them.
enum JSONText {
    static func render(_ object: Any) -> String {
        document { write(object, indent: 0, into: &$0) }
    }

    /// A finite number, or null.
    static func number(_ value: Double?) -> Any {
        guard let value, value.isFinite else { return NSNull() }
        return value
    }

    /// `render` for a typed tree: the same text, without a dynamic cast per value.
    static func render(_ value: JSONValue) -> String {
        document { write(value, indent: 0, into: &$0) }
    }

    /// The text `writeRoot` writes, with the closing newline.
    private static func document(_ writeRoot: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        writeRoot(&out)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .string(let text): writeString(text, into: &out)
        case .integer(let integer): out.append(contentsOf: String(integer).utf8)
        case .unsigned(let integer): out.append(contentsOf: String(integer).utf8)
        case .number(let real): writeNumber(real, into: &out)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let array):
            writeContainer("[", "]", array.count, indent: indent, into: &out) { index, out in
                write(array[index], indent: indent + 2, into: &out)
            }
        case .object(let object):
            let keys = object.keys.sorted()
            writeContainer("{", "}", keys.count, indent: indent, into: &out) { index, out in
                writeString(keys[index], into: &out)
                out.append(contentsOf: " : ".utf8)
                write(object[keys[index]]!, indent: indent + 2, into: &out)
            }
        }
    }

    /// The layout every object and array shares: one element per line, indented by two.
    private static func writeContainer(
        _ open: Unicode.Scalar, _ close: Unicode.Scalar, _ count: Int, indent: Int, into out: inout [UInt8],
        element: (Int, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: open))
        if count == 0 { out.append(UInt8(ascii: "\n")) }
        for index in 0..<count {
            out.append(contentsOf: index == 0 ? "\n".utf8 : ",\n".utf8)
            writeIndent(indent + 2, into: &out)
            element(index, &out)
        }
        out.append(UInt8(ascii: "\n"))
        writeIndent(indent, into: &out)
        out.append(UInt8(ascii: close))
    }

    private static func write(_ value: Any, indent: Int, into out: inout [UInt8]) {
        switch value {
        case let text as String: writeString(text, into: &out)
        case let flag as Bool: out.append(contentsOf: (flag ? "true" : "false").utf8)
        case let integer as Int: out.append(contentsOf: String(integer).utf8)
        case let integer as Int64: out.append(contentsOf: String(integer).utf8)
        case let integer as UInt64: out.append(contentsOf: String(integer).utf8)
        case let integer as Int32: out.append(contentsOf: String(integer).utf8)
        case let real as Double: writeNumber(real, into: &out)
        case let object as [String: Any]: writeObject(object, indent: indent, into: &out)
        case let array as [Any]: writeArray(array, indent: indent, into: &out)
        case is NSNull: out.append(contentsOf: "null".utf8)
        default: preconditionFailure("JSONText cannot render \(type(of: value))")
        }
    }

    private static func writeObject(_ object: [String: Any], indent: Int, into out: inout [UInt8]) {
        let keys = object.keys.sorted()
        writeContainer("{", "}", keys.count, indent: indent, into: &out) { index, out in
            writeString(keys[index], into: &out)
            out.append(contentsOf: " : ".utf8)
            write(object[keys[index]]!, indent: indent + 2, into: &out)
        }
    }

    private static func writeArray(_ array: [Any], indent: Int, into out: inout [UInt8]) {
        writeContainer("[", "]", array.count, indent: indent, into: &out) { index, out in
            write(array[index], indent: indent + 2, into: &out)
        }
    }

    private static func writeIndent(_ count: Int, into out: inout [UInt8]) {
        for _ in 0..<count { out.append(UInt8(ascii: " ")) }
    }

    /// Swift's shortest round-trip form without a trailing `.0` (`12`, `-0`, `0.1`, `1e+16`).
    private static func writeNumber(_ value: Double, into out: inout [UInt8]) {
        precondition(value.isFinite, "JSON has no infinities or NaN")
        let text = value.description.utf8
        out.append(contentsOf: text.reversed().starts(with: "0.".utf8) ? text.dropLast(2) : text[...])
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A JSON value whose type is known when it is built (the summary report's tens of thousands of
/// numbers): rendered by ``JSONText/render(_:)-(JSONValue)`` with the same layout as the untyped form.
enum JSONValue {
    case string(String)
    case integer(Int)
    case unsigned(UInt64)
    /// Finite: build it with `finite(_:)`, which makes anything else `null`.
    case number(Double)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// A finite number, or null.
    static func finite(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }
}
