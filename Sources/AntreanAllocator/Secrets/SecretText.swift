/// The text form of a secret: base64 (standard or URL-safe alphabet, padding optional) or hexadecimal,
/// as `antrean secrets generate`, `openssl rand -base64 32` or `openssl rand -hex 32` write it.
public enum SecretText {
    /// The bytes `text` encodes, checked by ``SecretKeyCheck/check(_:)``. Surrounding whitespace (a
    /// file's final newline) is ignored. Text of only hex digits and even length is read as hex,
    /// anything else as base64. O(n).
    public static func decode(_ text: String) throws(SecretError) -> [UInt8] {
        let trimmed = Array(text.utf8).trimmingASCIIWhitespace()
        // The placeholder check runs on the text too: "replace-me-…" is not base64, but saying that it
        // is a placeholder is the more useful message.
        if let word = SecretKeyCheck.placeholder(in: trimmed) { throw .placeholder(word: word) }
        guard let bytes = hex(trimmed) ?? base64(trimmed) else { throw .notEncoded }
        try SecretKeyCheck.check(bytes)
        return bytes
    }

    /// Standard base64 with padding, as `antrean secrets generate` writes. O(n).
    public static func base64Encoded(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var chunk: UInt32 = 0
            for offset in 0..<3 { chunk = chunk << 8 | UInt32(offset < count ? bytes[index + offset] : 0) }
            for position in 0..<4 {
                out.append(
                    position <= count ? alphabet[Int(chunk >> UInt32(18 - 6 * position) & 63)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hex(_ text: [UInt8]) -> [UInt8]? {
        guard !text.isEmpty, text.count % 2 == 0 else { return nil }
        func nibble(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 2)
        for index in stride(from: 0, to: text.count, by: 2) {
            guard let high = nibble(text[index]), let low = nibble(text[index + 1]) else { return nil }
            out.append(high << 4 | low)
        }
        return out
    }

    static func base64(_ text: [UInt8]) -> [UInt8]? {
        var body = text[...]
        while body.last == UInt8(ascii: "=") { body = body.dropLast() }
        guard !body.isEmpty, text.count - body.count <= 2, body.count % 4 != 1 else { return nil }
        func value(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
            default: nil
            }
        }
        var out: [UInt8] = []
        var chunk: UInt32 = 0
        var bits = 0
        for byte in body {
            guard let sextet = value(byte) else { return nil }
            chunk = chunk << 6 | sextet
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: chunk >> UInt32(bits)))
                chunk &= (1 << UInt32(bits)) - 1
            }
        }
        return out
    }
}

extension Array where Element == UInt8 {
    /// Without leading and trailing spaces, tabs, CR and LF.
    func trimmingASCIIWhitespace() -> [UInt8] {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return []
        }
        return Array(self[first...last])
    }
}
