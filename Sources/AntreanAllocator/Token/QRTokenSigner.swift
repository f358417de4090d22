import Crypto

/// Signs and verifies QR tokens with HMAC-SHA256 (over swift-crypto's SHA-256), with named keys for rotation.
///
/// Text form: `AQ1.<key id>.<payload base64url>.<tag base64url>`; the tag covers the version, key id
/// and payload. New tokens use the current key; tokens signed with an older key still verify until it
/// is retired.
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

    public init(keyID: String, key: SymmetricKey) {
        Self.checkKeyID(keyID)
        currentKeyID = keyID
        keys = [NamedKey(id: keyID, keyed: PrekeyedHMAC(key: key))]
    }

    public init(keyID: String, keyBytes: [UInt8]) { self.init(keyID: keyID, key: SymmetricKey(data: keyBytes)) }

    /// Makes `key` current; older keys keep verifying.
    public mutating func rotate(to keyID: String, key: SymmetricKey) {
        Self.checkKeyID(keyID)
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

    private static func checkKeyID(_ keyID: String) {
        precondition(!keyID.isEmpty && !keyID.utf8.contains(UInt8(ascii: ".")), "key ids are non-empty and dot-free")
    }

    public func sign(_ claims: QRTokenClaims) -> String {
        let key = keys[keys.count - 1]
        var keyID = key.id
        var office = claims.office.rawValue
        return keyID.withUTF8 { keyID in
            office.withUTF8 { office in
                let payloadCount = QRTokenClaims.fixedPayloadBytes + office.count
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 5 + keyID.count + payloadCount) {
                    var message = ByteWriter($0)
                    Self.writeMessageHeader(keyID: keyID, into: &message)
                    let payloadStart = message.count
                    claims.writePayload(office: office, into: &message)
                    let payload = UnsafeRawBufferPointer(
                        UnsafeBufferPointer(rebasing: message.written[payloadStart...]))
                    let length = 6 + keyID.count + Base64URL.encodedCount(payloadCount) + Base64URL.encodedCount(32)
                    return String(unsafeUninitializedCapacity: length) { text in
                        var out = ByteWriter(text)
                        out.append(ascii: "AQ1.")
                        out.append(keyID)
                        out.append(UInt8(ascii: "."))
                        Base64URL.encode(payload, into: &out)
                        out.append(UInt8(ascii: "."))
                        key.keyed.withTag(of: UnsafeRawBufferPointer(message.written)) {
                            Base64URL.encode($0, into: &out)
                        }
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

    public func verify(_ token: String) -> Verification {
        var token = token
        return token.withUTF8 { verify(utf8: $0) }
    }

    private func verify(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Verification {
        var dots = (0, 0, 0)
        var dotCount = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: ".") {
            switch dotCount {
            case 0: dots.0 = index
            case 1: dots.1 = index
            case 2: dots.2 = index
            default: return .malformed
            }
            dotCount += 1
        }
        guard dotCount == 3, dots.0 == 3, bytes[0] == UInt8(ascii: "A"), bytes[1] == UInt8(ascii: "Q"),
            bytes[2] == UInt8(ascii: "1"), dots.1 > dots.0 + 1
        else { return .malformed }
        let keyID = UnsafeBufferPointer(rebasing: bytes[(dots.0 + 1)..<dots.1])
        let payloadText = UnsafeBufferPointer(rebasing: bytes[(dots.1 + 1)..<dots.2])
        let tagText = UnsafeBufferPointer(rebasing: bytes[(dots.2 + 1)...])
        guard let payloadCount = Base64URL.decodedCount(payloadText.count),
            let tagCount = Base64URL.decodedCount(tagText.count)
        else { return .malformed }
        let messageCount = 5 + keyID.count + payloadCount
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: messageCount + tagCount) { buffer in
            var message = ByteWriter(UnsafeMutableBufferPointer(rebasing: buffer[..<messageCount]))
            var tag = ByteWriter(UnsafeMutableBufferPointer(rebasing: buffer[messageCount...]))
            Self.writeMessageHeader(keyID: keyID, into: &message)
            let payloadStart = message.count
            guard Base64URL.decode(payloadText, into: &message), Base64URL.decode(tagText, into: &tag),
                var claims = QRTokenClaims(
                    keyID: "", payload: UnsafeBufferPointer(rebasing: message.written[payloadStart...]))
            else { return .malformed }
            guard let key = keys.first(where: { $0.id.utf8.elementsEqual(keyID) }),
                key.keyed.withTag(
                    of: UnsafeRawBufferPointer(message.written), { Self.constantTimeEqual(tag.written, $0) })
            else { return .badSignature(claimedBooking: claims.booking) }
            claims.keyID = key.id
            return .valid(claims)
        }
    }

    /// `AQ1.` · key id · 0: what the tag covers before the payload.
    private static func writeMessageHeader(keyID: UnsafeBufferPointer<UInt8>, into out: inout ByteWriter) {
        out.append(ascii: "AQ1.")
        out.append(keyID)
        out.append(0)
    }

    /// Compares without an early exit, so timing does not reveal how much of a forged tag was right.
    private static func constantTimeEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
