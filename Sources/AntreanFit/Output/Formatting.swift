import Foundation

enum Formatting {
    /// `value` with `decimals` decimals, never in exponent notation.
    static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        return String(format: "%.\(decimals)f", value)
    }

    /// A duration in minutes as the scenario syntax writes it: `12.34m`.
    static func minutes(_ value: Double) -> String { fixed(value, value.magnitude < 1 ? 4 : 2) + "m" }

    static func percent(_ share: Double) -> String { fixed(100 * share, 2) + "%" }

    /// A YAML mapping key: plain when it is letters, digits, `_` and `-`, else double-quoted, with every
    /// character YAML does not allow in a document, or would read as a line break, written as an escape
    /// (a log's names are any bytes: a NUL or an escape sequence must not end up raw in the fragment).
    static func yamlKey(_ text: String) -> String {
        if !text.isEmpty, text.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" || $0 == "-" }),
            !(text.first?.isNumber ?? false)
        {
            return text
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: quoted += "\\\""
            case 0x5C: quoted += "\\\\"
            case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...:
                quoted.unicodeScalars.append(scalar)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                quoted += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return quoted + "\""
    }

    /// The line(s) that open the mapping entry `key` at `indent`, its value on the lines after: `key:`, or
    /// for a key longer than libyaml reads as an implicit key (1024 characters, YAML 1.2 §7.4.2 allows
    /// implicit keys up to that length), the explicit form `? key` then `:`.
    static func yamlKeyLines(_ text: String, indent: String) -> [String] {
        let key = yamlKey(text)
        return key.utf8.count < 1000 ? [indent + key + ":"] : [indent + "? " + key, indent + ":"]
    }

    /// A comment's text on one line.
    static func comment(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
