/// The minimum a signing key or NIK pepper must meet, so that a sample value, a typed passphrase or a
/// key of one repeated byte is refused before it protects anything.
///
/// A NIK has only ~10^10 plausible values (region, birth date, serial), so the pepper is all that keeps
/// a stolen store's hashes from being reversed by enumeration; a token key is all that keeps QR codes
/// from being forged. Both need the full strength of HMAC-SHA256's key: 32 bytes (256 bits) drawn
/// uniformly at random. Whether bytes are random cannot be proven from the bytes; these checks refuse
/// the values people actually use by mistake, and accept uniformly random 32-byte keys except with
/// probability below 10^-10, dominated by a placeholder word appearing by chance (each rule's bound is
/// given with it). O(n) in the key's length.
public enum SecretKeyCheck {
    public static let minimumBytes = 32

    /// Words of sample configurations and habits; matched case-insensitively, ignoring `-`, `_`,
    /// spaces and dots. Each is at least 6 letters, so 32 random bytes contain one with probability
    /// below 10^-10 (12 words, ≤ 27 places, (2/256)^6 each) and their 44-character base64 text below
    /// 10^-7 ((2/64)^6 per place); `antrean secrets generate` draws again if it ever happens.
    static let placeholderWords = [
        "replaceme", "changeme", "placeholder", "example", "password", "passwd", "secret", "insecure", "notsecret",
        "yourkey", "dummykey", "testkey",
    ]

    /// Throws unless `bytes` look like at least ``minimumBytes`` random bytes.
    public static func check(_ bytes: some Collection<UInt8>) throws(SecretError) {
        let bytes = Array(bytes)
        if let word = placeholder(in: bytes) { throw .placeholder(word: word) }
        guard bytes.count >= minimumBytes else { throw .tooShort(bytes: bytes.count) }
        // 32 uniformly random bytes are all printable ASCII (95 of 256 values) with probability
        // (95/256)^32 < 10^-13.
        guard !bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { throw .printableText }
        // 32 random bytes show ~30 distinct values; fewer than 16 has probability < 10^-20.
        var seen = [Bool](repeating: false, count: 256)
        var distinct = 0
        for byte in bytes where !seen[Int(byte)] {
            seen[Int(byte)] = true
            distinct += 1
        }
        guard distinct >= 16 else { throw .lowEntropy("only \(distinct) distinct byte values") }
        if let period = (1...bytes.count / 2).first(where: { period in
            bytes.indices.dropFirst(period).allSatisfy { bytes[$0] == bytes[$0 - period] }
        }) {
            throw .lowEntropy("repeats a pattern of \(period) bytes")
        }
        let step = bytes[1] &- bytes[0]
        if bytes.indices.dropFirst().allSatisfy({ bytes[$0] &- bytes[$0 - 1] == step }) {
            throw .lowEntropy("a counting sequence")
        }
    }

    /// Checks a token key id: it is written in clear into every token, so it must be short and plain.
    public static func checkKeyID(_ keyID: String) throws(SecretError) {
        let bytes = Array(keyID.utf8)
        guard (1...32).contains(bytes.count),
            bytes.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
                    || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            })
        else { throw .invalidKeyID }
    }

    /// The first placeholder word in `bytes` read as ASCII text, if any.
    static func placeholder(in bytes: [UInt8]) -> String? {
        let folded: [UInt8] = bytes.compactMap { byte in
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: " "), UInt8(ascii: "."): nil
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
            default: byte
            }
        }
        return placeholderWords.first { word in
            let pattern = Array(word.utf8)
            guard folded.count >= pattern.count else { return false }
            return (0...folded.count - pattern.count).contains { start in
                folded[start..<start + pattern.count].elementsEqual(pattern)
            }
        }
    }
}
