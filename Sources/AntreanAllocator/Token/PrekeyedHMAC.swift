import Crypto

/// HMAC-SHA256 (RFC 2104) with the key's inner and outer pads hashed once, over swift-crypto's `SHA256`.
///
/// Why not `HMAC<SHA256>`: its `update(data:)` and `finalize()` are generic and not inlinable, so outside
/// swift-crypto every call walks `DataProtocol` regions and looks up generic metadata. For a token's
/// 60-byte message that bookkeeping cost four times the hashing itself (a fifth of a simulated city
/// year). Only the two-line HMAC construction lives here; the hashing, and so every cryptographic
/// primitive, is still swift-crypto's. `PrekeyedHMACTests` checks the tags equal `HMAC<SHA256>`'s for
/// key lengths on both sides of the 64-byte block and for messages of many lengths.
struct PrekeyedHMAC: Sendable {
    /// SHA-256 after absorbing `K ⊕ ipad` and `K ⊕ opad`: one 64-byte block each.
    private let inner: SHA256
    private let outer: SHA256

    init(key: SymmetricKey) {
        // RFC 2104 §2: keys longer than the block are hashed first; shorter ones are padded with zeros.
        var block = [UInt8](repeating: 0, count: SHA256.blockByteCount)
        key.withUnsafeBytes { bytes in
            if bytes.count > SHA256.blockByteCount {
                SHA256.hash(data: bytes).withUnsafeBytes { block.replaceSubrange(0..<$0.count, with: $0) }
            } else {
                block.replaceSubrange(0..<bytes.count, with: bytes)
            }
        }
        var inner = SHA256()
        var outer = SHA256()
        inner.update(data: block.map { $0 ^ 0x36 })
        outer.update(data: block.map { $0 ^ 0x5C })
        self.inner = inner
        self.outer = outer
    }

    /// Calls `body` with the 32-byte tag of `message`.
    func withTag<Result>(
        of message: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        var innerHash = inner
        innerHash.update(bufferPointer: message)
        var outerHash = outer
        innerHash.finalize().withUnsafeBytes { outerHash.update(bufferPointer: $0) }
        return outerHash.finalize().withUnsafeBytes(body)
    }
}
