/// Base64url without padding (RFC 4648 §5): the compact text form of QR tokens.
enum Base64URL {
    private static let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    private static let reverse: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for index in 0..<alphabet.utf8CodeUnitCount { table[Int(alphabet.utf8Start[index])] = Int8(index) }
        return table
    }()

    /// Characters needed for `byteCount` bytes.
    static func encodedCount(_ byteCount: Int) -> Int { (byteCount * 4 + 2) / 3 }

    /// Bytes that `characterCount` characters decode to; nil for an impossible length.
    static func decodedCount(_ characterCount: Int) -> Int? {
        characterCount % 4 == 1 ? nil : characterCount * 3 / 4
    }

    /// Appends the encoding of `bytes` to `out`.
    static func encode(_ bytes: UnsafeRawBufferPointer, into out: inout ByteWriter) {
        let symbols = alphabet.utf8Start
        func symbol(_ chunk: UInt32, _ shift: UInt32) -> UInt8 { symbols[Int(chunk >> shift & 63)] }
        var index = 0
        while index + 2 < bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(symbol(chunk, 18))
            out.append(symbol(chunk, 12))
            out.append(symbol(chunk, 6))
            out.append(symbol(chunk, 0))
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let chunk = UInt32(bytes[index]) << 16
            out.append(symbol(chunk, 18))
            out.append(symbol(chunk, 12))
        } else if rest == 2 {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out.append(symbol(chunk, 18))
            out.append(symbol(chunk, 12))
            out.append(symbol(chunk, 6))
        }
    }

    /// Appends the bytes `chars` encode to `out`; false when a character is outside the alphabet or the
    /// length is impossible. `out` needs room for `decodedCount(chars.count)` bytes.
    ///
    /// Four characters at a time: an invalid character maps to −1, so one test of the OR of four table
    /// entries checks them all (a branch per character cost as much as the rest of verifying a token).
    static func decode(_ chars: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter) -> Bool {
        guard decodedCount(chars.count) != nil else { return false }
        return reverse.withUnsafeBufferPointer { reverse in
            func value(_ index: Int) -> Int32 { Int32(reverse[Int(chars[index])]) }
            var index = 0
            while index + 4 <= chars.count {
                let (a, b, c, d) = (value(index), value(index + 1), value(index + 2), value(index + 3))
                guard a | b | c | d >= 0 else { return false }
                let group = UInt32(a << 18 | b << 12 | c << 6 | d)
                out.append(UInt8(truncatingIfNeeded: group >> 16))
                out.append(UInt8(truncatingIfNeeded: group >> 8))
                out.append(UInt8(truncatingIfNeeded: group))
                index += 4
            }
            // Two or three characters left: one or two bytes, and the leftover bits must be zero so
            // each byte string has exactly one encoding.
            switch chars.count - index {
            case 2:
                let (a, b) = (value(index), value(index + 1))
                guard a | b >= 0, b & 0x0F == 0 else { return false }
                out.append(UInt8(truncatingIfNeeded: a << 2 | b >> 4))
            case 3:
                let (a, b, c) = (value(index), value(index + 1), value(index + 2))
                guard a | b | c >= 0, c & 0x03 == 0 else { return false }
                out.append(UInt8(truncatingIfNeeded: a << 2 | b >> 4))
                out.append(UInt8(truncatingIfNeeded: b << 4 | c >> 2))
            default: break
            }
            return true
        }
    }
}
