import Crypto

/// Signs and verifies QR tokens with HMAC-SHA256 (over swift-crypto's SHA-256), with named keys for rotation.
///
/// Text form: `AQ2.<key id>.<base64url(payload · 128-bit tag)>` (``QRTokenLayout``); the tag covers the
/// version, key id and payload. Tokens of the first release (`AQ1.…`) still verify. New tokens use the
/// current key; tokens signed with an older key still verify until it is retired.
///
/// Cost: signing allocates only the token's string and verifying nothing of its own; messages are built
/// in stack buffers (the simulator issues and checks half a million tokens a simulated year, and the
/// intermediate arrays once cost more than the hashing).
public struct QRTokenSigner: Sendable {
    /// A key with its HMAC pads already hashed: copying it skips re-deriving them on every token (a
    /// third of the cost of signing a short payload).
    private struct NamedKey: Sendable {
        var id: String
        var keyed: PrekeyedHMAC
    }

    public private(set) var currentKeyID: String
    /// A handful of keys at most, found by comparing UTF-8 ids, so a token's key id needs no String.
    /// The current key is always the last (`rotate` appends it; `retire` never removes it).
    private var keys: [NamedKey]

    /// A signer whose current key is `key`, named `keyID`. Throws when the id is not 1–32 characters of
    /// `A–Z a–z 0–9 - _`, or the key is not at least 32 random-looking bytes (``SecretKeyCheck``): a
    /// weak or sample key would let anyone forge check-in tokens.
    public init(keyID: String, key: SymmetricKey) throws(SecretError) {
        try SecretKeyCheck.checkKeyID(keyID)
        try Self.checkStrength(key)
        currentKeyID = keyID
        keys = [NamedKey(id: keyID, keyed: PrekeyedHMAC(key: key))]
    }

    /// ``init(keyID:key:)`` from the key's raw bytes (decode base64 or hex text first: ``SecretText``).
    public init(keyID: String, keyBytes: [UInt8]) throws(SecretError) {
        try self.init(keyID: keyID, key: SymmetricKey(data: keyBytes))
    }

    /// Makes `key` current; older keys keep verifying. Same checks as ``init(keyID:key:)``.
    public mutating func rotate(to keyID: String, key: SymmetricKey) throws(SecretError) {
        try SecretKeyCheck.checkKeyID(keyID)
        try Self.checkStrength(key)
        keys.removeAll { $0.id == keyID }
        keys.append(NamedKey(id: keyID, keyed: PrekeyedHMAC(key: key)))
        currentKeyID = keyID
    }

    /// Stops accepting tokens signed with `keyID` (cannot retire the current key).
    public mutating func retire(_ keyID: String) {
        guard keyID != currentKeyID else { return }
        keys.removeAll { $0.id == keyID }
    }

    public var knownKeyIDs: [String] { keys.map(\.id).sorted() }

    private static func checkStrength(_ key: SymmetricKey) throws(SecretError) {
        let bytes = key.withUnsafeBytes { Array($0) }
        try SecretKeyCheck.check(bytes)
    }

    /// The AQ2 token for `claims` (see ``QRTokenLayout``), signed with the current key. Throws
    /// `.claimsDoNotFit` unless `claims` satisfy ``QRTokenClaims/fitsToken`` (every claim the allocator
    /// issues for an instant in ``Instant/supportedRange`` does): a signer never traps on its input.
    public func sign(_ claims: QRTokenClaims) throws(QRTokenError) -> String {
        guard claims.fitsToken else { throw .claimsDoNotFit }
        let key = keys[keys.count - 1]
        var keyID = key.id
        var office = claims.office.rawValue
        return keyID.withUTF8 { keyID in
            office.withUTF8 { office in
                let headerCount = 5 + keyID.count
                let bodyCount = QRTokenLayout.compactFixedBytes + office.count + QRTokenLayout.compactTagBytes
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: headerCount + bodyCount) {
                    // Header and payload are the signed message; the tag goes right after, so payload and
                    // tag are one run of bytes to encode.
                    var message = ByteWriter($0)
                    QRTokenLayout.writeMessageHeader(version: "AQ2.", keyID: keyID, into: &message)
                    QRTokenLayout.writeCompactPayload(claims, office: office, into: &message)
                    key.keyed.withTag(of: UnsafeRawBufferPointer(message.written)) {
                        message.append(UnsafeRawBufferPointer(rebasing: $0[..<QRTokenLayout.compactTagBytes]))
                    }
                    let body = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: message.written[headerCount...]))
                    return String(unsafeUninitializedCapacity: 5 + keyID.count + Base64URL.encodedCount(bodyCount)) {
                        var out = ByteWriter($0)
                        out.append(ascii: "AQ2.")
                        out.append(keyID)
                        out.append(UInt8(ascii: "."))
                        Base64URL.encode(body, into: &out)
                        return out.count
                    }
                }
            }
        }
    }

    /// The outcome of checking a token's form and signature (not yet its booking, office or time).
    public enum Verification: Sendable, Hashable {
        case valid(QRTokenClaims)
        case malformed
        /// Unknown key or bad tag; `claimedBooking` is what the (untrusted) payload names, if parseable.
        case badSignature(claimedBooking: BookingID?)
    }

    /// Checks an AQ2 token, or an AQ1 token of the first release.
    public func verify(_ token: String) -> Verification {
        var token = token
        let outcome = token.withUTF8 { bytes in
            withVerifiedFields(utf8: bytes) { $0.map { $0.fields.claims(keyID: keys[$0.key].id) } }
        }
        return switch outcome {
        case .valid(let claims): .valid(claims)
        case .malformed: .malformed
        case .badSignature(let claimed): .badSignature(claimedBooking: claimed)
        }
    }

    /// How a token check came out, with what a valid token yields (``Verification`` for the internal
    /// readers, which keep the fields in place).
    enum Outcome<Valid> {
        case valid(Valid)
        case malformed
        case badSignature(claimedBooking: BookingID?)

        func map<Other>(_ transform: (Valid) -> Other) -> Outcome<Other> {
            switch self {
            case .valid(let valid): .valid(transform(valid))
            case .malformed: .malformed
            case .badSignature(let claimed): .badSignature(claimedBooking: claimed)
            }
        }
    }

    /// The fields of a valid token (office id as bytes, valid inside the verifying closure only) and
    /// the index of the key that signed it.
    typealias FieldsVerification = Outcome<(fields: TokenFields, key: Int)>

    /// Checks `token` as scanned at `office`: the office id is built as a string only when the token
    /// names another office (the usual match builds none).
    func verify(_ token: String, scannedAt office: OfficeID) -> Outcome<ScannedToken> {
        var token = token
        var office = office.rawValue
        return token.withUTF8 { bytes in
            office.withUTF8 { office in
                withVerifiedFields(utf8: bytes) { $0.map { ScannedToken($0.fields, scannedAt: office) } }
            }
        }
    }

    /// Verifies the token in `bytes` and passes the outcome to `body`, building no strings: `checkIn`
    /// compares the office id's bytes in place.
    func withVerifiedFields<Result>(
        utf8 bytes: UnsafeBufferPointer<UInt8>, _ body: (FieldsVerification) -> Result
    ) -> Result {
        guard bytes.count > 5, bytes[0] == UInt8(ascii: "A"), bytes[1] == UInt8(ascii: "Q"),
            bytes[3] == UInt8(ascii: ".")
        else { return body(.malformed) }
        switch bytes[2] {
        case UInt8(ascii: "2"): return withCompactFields(bytes, body)
        case UInt8(ascii: "1"): return withLongFields(bytes, body)
        default: return body(.malformed)
        }
    }

    /// AQ2: `AQ2.<key id>.<payload · tag>`.
    private func withCompactFields<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (FieldsVerification) -> Result
    ) -> Result {
        guard let dot = bytes[4...].firstIndex(of: UInt8(ascii: ".")), dot > 4,
            !bytes[(dot + 1)...].contains(UInt8(ascii: "."))
        else { return body(.malformed) }
        let keyID = UnsafeBufferPointer(rebasing: bytes[4..<dot])
        let text = UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])
        let tagCount = QRTokenLayout.compactTagBytes
        guard let bodyCount = Base64URL.decodedCount(text.count), bodyCount > QRTokenLayout.compactFixedBytes + tagCount
        else { return body(.malformed) }
        let headerCount = 5 + keyID.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: headerCount + bodyCount) { buffer in
            var decoded = ByteWriter(buffer)
            QRTokenLayout.writeMessageHeader(version: "AQ2.", keyID: keyID, into: &decoded)
            guard Base64URL.decode(text, into: &decoded) else { return body(.malformed) }
            let messageCount = decoded.count - tagCount
            let message = UnsafeBufferPointer(rebasing: decoded.written[..<messageCount])
            let tag = UnsafeBufferPointer(rebasing: decoded.written[messageCount...])
            guard let fields = QRTokenLayout.readCompactPayload(UnsafeBufferPointer(rebasing: message[headerCount...]))
            else { return body(.malformed) }
            return body(check(fields, keyID: keyID, message: message, tag: tag, tagBytes: tagCount))
        }
    }

    /// AQ1: `AQ1.<key id>.<payload>.<tag>`.
    private func withLongFields<Result>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (FieldsVerification) -> Result
    ) -> Result {
        var dots = (0, 0)
        var dotCount = 0
        for index in bytes.indices.dropFirst(4) where bytes[index] == UInt8(ascii: ".") {
            switch dotCount {
            case 0: dots.0 = index
            case 1: dots.1 = index
            default: return body(.malformed)
            }
            dotCount += 1
        }
        guard dotCount == 2, dots.0 > 4 else { return body(.malformed) }
        let keyID = UnsafeBufferPointer(rebasing: bytes[4..<dots.0])
        let payloadText = UnsafeBufferPointer(rebasing: bytes[(dots.0 + 1)..<dots.1])
        let tagText = UnsafeBufferPointer(rebasing: bytes[(dots.1 + 1)...])
        guard let payloadCount = Base64URL.decodedCount(payloadText.count),
            let tagCount = Base64URL.decodedCount(tagText.count)
        else { return body(.malformed) }
        let messageCount = 5 + keyID.count + payloadCount
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: messageCount + tagCount) { buffer in
            var message = ByteWriter(UnsafeMutableBufferPointer(rebasing: buffer[..<messageCount]))
            var tag = ByteWriter(UnsafeMutableBufferPointer(rebasing: buffer[messageCount...]))
            QRTokenLayout.writeMessageHeader(version: "AQ1.", keyID: keyID, into: &message)
            let payloadStart = message.count
            guard Base64URL.decode(payloadText, into: &message), Base64URL.decode(tagText, into: &tag),
                let fields = QRTokenLayout.readLongPayload(
                    UnsafeBufferPointer(rebasing: message.written[payloadStart...]))
            else { return body(.malformed) }
            return body(check(fields, keyID: keyID, message: message.written, tag: tag.written, tagBytes: 32))
        }
    }

    /// Valid when `tag` is the version's length (`tagBytes`: 16 for AQ2, 32 for AQ1, no shorter
    /// truncation accepted) and a known key's HMAC of `message` starts with it.
    private func check(
        _ fields: TokenFields, keyID: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>,
        tag: UnsafeBufferPointer<UInt8>, tagBytes: Int
    ) -> FieldsVerification {
        guard tag.count == tagBytes, let key = keys.firstIndex(where: { $0.id.utf8.elementsEqual(keyID) }),
            keys[key].keyed.withTag(
                of: UnsafeRawBufferPointer(message),
                { ConstantTime.equal(tag, UnsafeRawBufferPointer(rebasing: $0[..<tagBytes])) })
        else { return .badSignature(claimedBooking: fields.booking) }
        return .valid((fields, key))
    }
}

/// Why ``QRTokenSigner/sign(_:)`` made no token.
public enum QRTokenError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An instant not on a whole minute, a slot before 1970 or after 10136, or an expiry before the slot
    /// or more than 45 days (65,535 minutes) after it: the compact form cannot carry the claims.
    case claimsDoNotFit

    public var description: String {
        "token claims do not fit: instants must be whole minutes from 1970 on, expiry 0-45 days after the slot"
    }
}
