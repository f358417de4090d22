import Testing

@testable import AntreanAllocator

/// The issued-token cache must change nothing a check-in decides: every scan gets the answer the full
/// HMAC check gives, and only a token's exact bytes are recognised.
@Suite struct IssuedTokenCacheTests {
    let now = Fixture.sundayNoon
    let eight = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 480)

    func bookedCore(signer: QRTokenSigner = Fixture.signer) -> (AllocatorCore, BookingID, String) {
        var core = Fixture.core(signer: signer)
        let id = core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1), now: now).value!.booking.id
        let token = core.issueToken(for: id, now: now).value!
        return (core, id, token)
    }

    /// What a check-in answered, comparable across cores.
    func answer(_ result: Result<CheckInReceipt, AllocationRefusal>) -> String {
        switch result {
        case .success(let receipt): "\(receipt.timing) \(receipt.booking.state) \(receipt.booking.checkedInAt!)"
        case .failure(let refusal): "\(refusal)"
        }
    }

    @Test func anIssuedTokenIsRememberedUntilScannedOnce() {
        var (core, _, token) = bookedCore()
        #expect(core.issuedTokens.count == 1)
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight).value?.timing == .onTime)
        #expect(core.issuedTokens.count == 0)
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight).refusal == .token(.replayed))
    }

    /// Each situation is scanned twice from the same state: with the token cached and with the cache
    /// emptied (the full check). The answers and the resulting bookings must be the same.
    @Test func cachedAndFullChecksAgree() {
        let close = Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 960)
        let situations:
            [(name: String, prepare: (inout AllocatorCore, BookingID) -> Void, office: OfficeID, at: Instant)] = [
                ("on time", { _, _ in }, Fixture.a1, eight),
                ("too early", { _, _ in }, Fixture.a1, eight.adding(minutes: -31)),
                ("other office", { _, _ in }, Fixture.a2, eight),
                ("expired", { _, _ in }, Fixture.a1, close.adding(seconds: 1)),
                (
                    "late, released", { core, _ in _ = core.releaseNoShows(now: eight.adding(minutes: 16)) },
                    Fixture.a1,
                    eight.adding(minutes: 90)
                ),
                (
                    "moved",
                    { core, id in _ = core.reschedule(id, to: Fixture.slot(Fixture.a1, minute: 510), now: now) },
                    Fixture.a1, eight
                ),
                ("cancelled", { core, id in _ = core.cancel(id, now: now) }, Fixture.a1, eight),
            ]
        for situation in situations {
            var (cached, id, token) = bookedCore()
            situation.prepare(&cached, id)
            var full = cached
            full.issuedTokens.removeAll()
            let viaCache = answer(cached.checkIn(token: token, at: situation.office, now: situation.at))
            let viaHMAC = answer(full.checkIn(token: token, at: situation.office, now: situation.at))
            #expect(viaCache == viaHMAC, "\(situation.name)")
            #expect(cached.booking(id) == full.booking(id), "\(situation.name)")
        }
    }

    /// U+212A KELVIN SIGN is canonically equivalent to "K", so the two tokens are equal `String`s; only
    /// the one that was signed may check in.
    @Test func onlyTheSignedBytesAreRecognised() throws {
        let signer = try QRTokenSigner(keyID: "K1", keyBytes: TestKeys.token)
        var (core, _, token) = bookedCore(signer: signer)
        let lookalike = "AQ2.\u{212A}1." + token.dropFirst("AQ2.K1.".count)
        #expect(lookalike == token && !lookalike.utf8.elementsEqual(token.utf8))
        #expect(core.checkIn(token: lookalike, at: Fixture.a1, now: eight).refusal == .token(.altered))
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight).value?.timing == .onTime)
    }

    /// Rotating to a new key under an old id replaces that key: tokens signed with the old bytes must be
    /// refused at once, cached or not.
    @Test func replacingAKeyForgetsItsTokens() throws {
        var (core, _, token) = bookedCore()
        try core.rotateTokenKey(to: "k1", key: TestKeys.otherToken)
        #expect(core.issuedTokens.count == 0)
        #expect(core.checkIn(token: token, at: Fixture.a1, now: eight).refusal == .token(.altered))
    }

    @Test func aFullCacheStartsOver() {
        var cache = IssuedTokenCache(capacity: 2)
        let claims = IssuedTokenCache.Claims(
            booking: BookingID(1), slotStart: 0, expiresAt: 60, nikHashPrefix: 0, office: 0)
        for token in ["a", "b", "c"] { cache.remember(token, claims) }
        #expect(cache.count == 1)
        #expect(cache.take("a") == nil && cache.take("c")?.booking == BookingID(1))
        #expect(cache.take("c") == nil)
    }
}
