import Crypto

/// Signs and verifies QR tokens with HMAC-SHA256 (swift-crypto), with named keys for rotation.
///
/// Text form: `AQ1.<key id>.<payload base64url>.<tag base64url>`; the tag covers the version, key id
/// and payload. New tokens use the current key; tokens signed with an older key still verify until it
/// is retired.
public struct QRTokenSigner: Sendable {
    public private(set) var currentKeyID: String
    private var keys: [String: SymmetricKey]

    public init(keyID: String, key: SymmetricKey) {
        precondition(!keyID.isEmpty && !keyID.utf8.contains(UInt8(ascii: ".")), "key ids are non-empty and dot-free")
        currentKeyID = keyID
        keys = [keyID: key]
    }

    public init(keyID: String, keyBytes: [UInt8]) { self.init(keyID: keyID, key: SymmetricKey(data: keyBytes)) }

    /// Makes `key` current; older keys keep verifying.
    public mutating func rotate(to keyID: String, key: SymmetricKey) {
        precondition(!keyID.isEmpty && !keyID.utf8.contains(UInt8(ascii: ".")), "key ids are non-empty and dot-free")
        keys[keyID] = key
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
        let tag = HMAC<SHA256>.authenticationCode(
            for: Self.signedBytes(keyID: currentKeyID, payload: payload), using: keys[currentKeyID]!)
        return "AQ1." + currentKeyID + "." + Base64URL.encode(payload) + "." + Base64URL.encode(Array(tag))
    }

    /// The outcome of checking a token's form and signature (not yet its booking, office or time).
    public enum Verification: Sendable, Hashable {
        case valid(QRTokenClaims)
        case malformed
        /// Unknown key or bad tag; `claimedBooking` is what the (untrusted) payload names, if parseable.
        case badSignature(claimedBooking: BookingID?)
    }

    public func verify(_ token: String) -> Verification {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "AQ1", !parts[1].isEmpty, let payload = Base64URL.decode(parts[2]),
            let tag = Base64URL.decode(parts[3])
        else { return .malformed }
        let keyID = String(parts[1])
        guard let claims = QRTokenClaims(keyID: keyID, payload: payload) else { return .malformed }
        guard let key = keys[keyID],
            HMAC<SHA256>.isValidAuthenticationCode(
                tag, authenticating: Self.signedBytes(keyID: keyID, payload: payload), using: key)
        else { return .badSignature(claimedBooking: claims.booking) }
        return .valid(claims)
    }

    private static func signedBytes(keyID: String, payload: [UInt8]) -> [UInt8] {
        Array("AQ1.".utf8) + Array(keyID.utf8) + [0] + payload
    }
}
