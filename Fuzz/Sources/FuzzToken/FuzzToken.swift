import AntreanAllocator
import FuzzSupport

private let signer = FuzzAllocatorFixture.tokenSigner

/// Fuzzes the QR token verifier with the input as a token (`QRTokenSigner.verify`): any text must come
/// back as valid, malformed or a bad signature, never a trap or an out-of-bounds read (AddressSanitizer
/// watches the verifier's stack buffers). Two properties on top:
/// - a token that verifies, signed again from its claims, verifies to the same claims;
/// - claims read from the input's bytes that the compact form can carry (`fitsToken`) survive
///   sign → verify unchanged, whatever bytes the office id holds; claims it cannot carry are refused
///   by `sign` with `claimsDoNotFit`, never trapped on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzToken(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    if case .valid(let claims) = signer.verify(text) {
        expectRoundTrip(claims)
    }
    var reader = FuzzReader(data, size)
    let slotMinutes = Int64(reader.uint64() % (UInt64(UInt32.max) + 1))
    let validMinutes = Int64(reader.byte()) | Int64(reader.byte()) << 8
    let claims = QRTokenClaims(
        keyID: signer.currentKeyID, booking: BookingID(reader.uint64()),
        office: OfficeID(String(decoding: reader.bytes(upTo: 64), as: UTF8.self)),
        slotStart: Instant(secondsSinceEpoch: slotMinutes * 60), nikHashPrefix: reader.uint64(),
        expiresAt: Instant(secondsSinceEpoch: (slotMinutes + validMinutes) * 60))
    // An empty office id signs but does not verify (the payload must be longer than its fixed part); the
    // allocator never issues one (office ids are non-empty), so the property leaves it out.
    if claims.fitsToken {
        if !claims.office.rawValue.isEmpty { expectRoundTrip(claims) }
    } else if (try? signer.sign(claims)) != nil {
        fuzzFailure("claims the compact form cannot carry were signed: \(claims)")
    }
    return 0
}

private func expectRoundTrip(_ claims: QRTokenClaims) {
    let token: String
    do { token = try signer.sign(claims) } catch {
        fuzzFailure("claims that fit were refused: \(claims): \(error)")
    }
    guard case .valid(let verified) = signer.verify(token), verified == claims else {
        fuzzFailure("a token signed from \(claims) does not verify to the same claims")
    }
}

@_cdecl("FuzzToken_main")
public func fuzzTokenMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { fuzzToken($0, $1) }
}
