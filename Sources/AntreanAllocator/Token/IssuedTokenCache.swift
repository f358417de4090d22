/// Tokens this allocator signed, remembered by their exact bytes until scanned, so that checking one
/// in skips recomputing its HMAC.
///
/// Why this is sound: a tag is a function of the token's bytes and the key. A scan byte-for-byte equal
/// to a token signed here with a key still accepted passes the HMAC check by construction, and carries
/// the claims it was signed with; anything else (a changed byte, a token from another instance or from
/// before a restart) misses and is verified in full. The allocator empties the cache whenever its keys
/// change (rotation may replace a key under the same id; retirement must refuse old tokens at once).
/// Bitcoin Core's signature cache (`src/script/sigcache.h`) skips re-verifying what it has already
/// checked on the same principle. Equality is on UTF-8 bytes, not `String`'s canonical equivalence:
/// "K" (U+212A KELVIN SIGN) equals "K" as a `String` but is not the token that was signed.
///
/// Cost: one hash of the token's last eight bytes to remember it and one to find it, against two SHA-256
/// states copied, finalised and zeroed by a full check; a third of a simulated city year was token
/// work before. Memory is bounded: at `capacity` entries the cache starts over, so tokens never scanned
/// (a citizen who stays home) cost nothing lasting.
struct IssuedTokenCache: Sendable {
    /// The claims of a remembered token, as a check-in reads them (the office as the allocator's number).
    struct Claims: Sendable {
        var booking: BookingID
        var slotStart: Int64
        var expiresAt: Int64
        var nikHashPrefix: UInt64
        var office: Int32
    }

    /// A token's text, equal and hashed by its UTF-8 bytes.
    private struct TokenBytes: Hashable, Sendable {
        var text: String

        static func == (left: Self, right: Self) -> Bool {
            var left = left.text
            var right = right.text
            return left.withUTF8 { a in right.withUTF8 { b in a.count == b.count && equalBytes(a, b) } }
        }

        /// Eight bytes a step: the generic `elementsEqual` walked an iterator per byte (2% of a city year).
        private static func equalBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
            let a = UnsafeRawBufferPointer(a)
            let b = UnsafeRawBufferPointer(b)
            var offset = 0
            while offset + 8 <= a.count {
                if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                {
                    return false
                }
                offset += 8
            }
            while offset < a.count {
                if a[offset] != b[offset] { return false }
                offset += 1
            }
            return true
        }

        /// Hashes the last eight bytes only: a token ends in its base64 tag, an HMAC output, so the
        /// remembered tokens spread evenly on them, and hashing ~80 bytes per remember and per scan
        /// was 2% of a city year. A crafted scan chooses only where its own lookup starts, not how the
        /// remembered (unforgeable) tokens lie, so probes stay short. Equality still reads every byte.
        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                if raw.count >= 8 {
                    hasher.combine(raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
                } else {
                    hasher.combine(bytes: raw)
                }
            }
        }
    }

    /// Entries kept before starting over: a day's tokens of a busy portal, a few megabytes at most.
    let capacity: Int
    private var entries: [TokenBytes: Claims] = [:]

    init(capacity: Int = 16_384) {
        precondition(capacity > 0, "the cache holds at least one token")
        self.capacity = capacity
    }

    var count: Int { entries.count }

    mutating func remember(_ token: String, _ claims: Claims) {
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[TokenBytes(text: token)] = claims
    }

    /// The claims of `token` if it was remembered, forgetting it: a token checks in once.
    mutating func take(_ token: String) -> Claims? {
        entries.removeValue(forKey: TokenBytes(text: token))
    }

    mutating func removeAll() { entries.removeAll() }
}
