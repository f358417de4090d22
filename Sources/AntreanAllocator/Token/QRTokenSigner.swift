import Crypto

/// Signs and verifies QR tokens with HMAC-SHA256 (swift-crypto), with named keys for rotation.
///
/// Text form: `AQ1.<key id>.<payload base64url>.<tag base64url>`; the tag covers the version, key id
/// and payload. New tokens use the current key; tokens signed with an older key still verify until it
/// is retired.
public struct QRTokenSigner: Sendable {
    public private(set) var currentKeyID: String
    /// Per key, an HMAC already keyed: copying it skips re-deriving the inner and outer pads on
    /// every token (a third of the cost of signing a short payload).
    private var keys: [String: HMAC<SHA256>]

    public init(keyID: String, key: SymmetricKey) {
        precondition(!keyID.isEmpty && !keyID.utf8.contains(UInt8(ascii: ".")), "key ids are non-empty and dot-free")
        currentKeyID = keyID
        keys = [keyID: HMAC(key: key)]
    }

    public init(keyID: String, keyBytes: [UInt8]) { self.init(keyID: keyID, key: SymmetricKey(data: keyBytes)) }

    /// Makes `key` current; older keys keep verifying.
    public mutating func rotate(to keyID: String, key: SymmetricKey) {
        precondition(!keyID.isEmpty && !keyID.utf8.contains(UInt8(ascii: ".")), "key ids are non-empty and dot-free")
        keys[keyID] = HMAC(key: key)
        currentKeyID = keyID
    }

    /// Stops accepting tokens signed with `keyID` (cannot retire the current key).
    public mutating func retire(_ keyID: String) {
        guard keyID != currentKeyID else { return }
        keys[keyID] = nil
    }

    public var knownKeyIDs: [String] { keys.keys.sorted() }

    public func sign(_ claims: QRTokenClaims) -> String {
        var claims = claims
        claims.keyID = currentKeyID
        let payload = claims.payload
        let tag = Self.tag(keyID: currentKeyID, payload: payload, using: keys[currentKeyID]!)
        var text = [UInt8]()
        text.reserveCapacity(6 + currentKeyID.utf8.count + (payload.count + tag.count) * 4 / 3 + 2)
        text.append(contentsOf: "AQ1.".utf8)
        text.append(contentsOf: currentKeyID.utf8)
        text.append(UInt8(ascii: "."))
        Base64URL.encode(payload, appendingTo: &text)
        text.append(UInt8(ascii: "."))
        Base64URL.encode(tag, appendingTo: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// The outcome of checking a token's form and signature (not yet its booking, office or time).
    public enum Verification: Sendable, Hashable {
        case valid(QRTokenClaims)
        case malformed
        /// Unknown key or bad tag; `claimedBooking` is what the (untrusted) payload names, if parseable.
        case badSignature(claimedBooking: BookingID?)
    }

    public func verify(_ token: String) -> Verification {
        // Split on the UTF-8 bytes: `String.split` walks grapheme clusters and costs more than the HMAC.
        let bytes = Array(token.utf8)
        var dots: [Int] = []
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ".") {
            dots.append(index)
            if dots.count > 3 { return .malformed }
        }
        guard dots.count == 3, bytes[..<dots[0]].elementsEqual("AQ1".utf8), dots[1] > dots[0] + 1,
            let payload = Base64URL.decode(bytes[(dots[1] + 1)..<dots[2]]),
            let tag = Base64URL.decode(bytes[(dots[2] + 1)...])
        else { return .malformed }
        let keyID = String(decoding: bytes[(dots[0] + 1)..<dots[1]], as: UTF8.self)
        guard let claims = QRTokenClaims(keyID: keyID, payload: payload) else { return .malformed }
        guard let key = keys[keyID], Self.constantTimeEqual(tag, Self.tag(keyID: keyID, payload: payload, using: key))
        else { return .badSignature(claimedBooking: claims.booking) }
        return .valid(claims)
    }

    /// HMAC over `AQ1.` · key id · 0 · payload, from a copy of the keyed `prepared` state. One
    /// contiguous update: the generic `DataProtocol` path costs more than the hashing for short input.
    private static func tag(keyID: String, payload: [UInt8], using prepared: HMAC<SHA256>) -> [UInt8] {
        var message = [UInt8]()
        message.reserveCapacity(5 + keyID.utf8.count + payload.count)
        message.append(contentsOf: "AQ1.".utf8)
        message.append(contentsOf: keyID.utf8)
        message.append(0)
        message.append(contentsOf: payload)
        var mac = prepared
        mac.update(data: message)
        return mac.finalize().withUnsafeBytes { Array($0) }
    }

    /// Compares without an early exit, so timing does not reveal how much of a forged tag was right.
    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
