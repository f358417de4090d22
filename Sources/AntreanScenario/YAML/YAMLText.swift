/// Text written into the YAML files Antrean makes (fitted fragments, rosters, templates), so that the
/// scenario loader reads back exactly what was written, whatever characters a name holds.
public enum YAMLText {
    /// `text` as a YAML scalar: plain when it is ASCII letters, digits, `_`, `-`, `.` and `/` starting with
    /// a letter and is not a word YAML 1.1 reads as a boolean or null; else double-quoted, with every
    /// character YAML does not allow in a document, or reads as a line break inside quotes (NEL, U+2028,
    /// U+2029), or strips (a byte-order mark), written as an escape. O(length).
    public static func scalar(_ text: String) -> String {
        if let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
            text.unicodeScalars.allSatisfy({ $0.isASCII && (Self.isPlainSafe($0)) }),
            !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
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

    /// The line(s) that open the mapping entry `key` at `indent`, its value on the lines after: `key:`,
    /// or, for a key longer than libyaml reads as an implicit key (1024 characters; YAML 1.2 §7.4.2 lets
    /// a reader stop there), the explicit form `? key` then `:`.
    public static func keyLines(_ key: String, indent: String) -> [String] {
        let written = scalar(key)
        return written.utf8.count < 1000 ? [indent + written + ":"] : [indent + "? " + written, indent + ":"]
    }

    private static func isPlainSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".", "/": true
        default: false
        }
    }
}
