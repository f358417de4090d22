import Testing

@testable import AntreanAllocator

/// Slot instants far outside any calendar the allocator numbers (its day ledgers use 32-bit day numbers,
/// about ±5.9 million years): a stored row or a library caller may still name one. Found by the FuzzStore
/// fuzz target (docs/fuzzing.md): reopening a store with such a row trapped converting the day to Int32.
/// The public entry points now refuse such instants before they reach a ledger (restore: instants outside
/// 1970…9999; booking: the supported range), and the ledger lookup itself refuses them as a last guard.
@Suite struct FarInstantTests {
    /// Seconds of the first and last local (WITA) day a 32-bit day number holds.
    static let firstNumberedSecond = Int64(Int32.min) * 86_400 - Fixture.wita.secondsEastOfUTC
    static let lastNumberedSecond = (Int64(Int32.max) + 1) * 86_400 - 1 - Fixture.wita.secondsEastOfUTC
    static let unnumbered: [Int64] = [
        .max, .max - 1, .min, .min + 1, lastNumberedSecond + 1, firstNumberedSecond - 1,
    ]

    static func record(slotStart seconds: Int64) -> BookingRecord {
        let start = Instant(secondsSinceEpoch: seconds)
        return BookingRecord(
            id: BookingID(1), office: Fixture.a1, service: Fixture.ktp, slotStart: start,
            nikHash: NIKHash(syntheticCitizen: 1), account: nil, pool: .online, state: .booked,
            createdAt: Fixture.sundayNoon, updatedAt: Fixture.sundayNoon, holdExpiresAt: nil, reschedules: 0,
            idempotencyKey: nil, checkedInAt: nil)
    }

    @Test(arguments: unnumbered)
    func aStoredSlotBeyondTheNumberedDaysIsRefusedOnRestore(seconds: Int64) {
        #expect(throws: RestoreError.self) {
            try AllocatorCore(
                configuration: Fixture.configuration(), tokenSigner: Fixture.signer,
                restoring: [Self.record(slotStart: seconds)])
        }
    }

    @Test(arguments: unnumbered)
    func bookingASlotBeyondTheNumberedDaysIsRefused(seconds: Int64) {
        var core = Fixture.core()
        let slot = SlotRef(office: Fixture.a1, service: Fixture.ktp, start: Instant(secondsSinceEpoch: seconds))
        #expect(core.book(slot, for: Fixture.citizen(1), now: Fixture.sundayNoon).refusal == .instantOutOfRange)
    }

    /// The last guard: a ledger position is asked for a day no 32-bit number holds.
    @Test(arguments: unnumbered)
    func theLedgerLookupRefusesAnUnnumberedDay(seconds: Int64) {
        var core = Fixture.core()
        let slot = SlotRef(office: Fixture.a1, service: Fixture.ktp, start: Instant(secondsSinceEpoch: seconds))
        #expect(core.position(of: slot).refusal == .noSuchSlot)
    }

    /// Inside the numbered range the checked day is the calendar's: `localDate(of:)` counts the same day
    /// through the civil calendar (Hinnant's algorithm), a computation independent of the checked one.
    @Test func theCheckedDayAgreesWithTheCalendarWhereItIsDefined() {
        let wita = Fixture.wita
        let samples: [Int64] = [
            0, -1, 86_399, 86_400, -86_400, -28_800, -28_801, 1_795_392_000, -62_135_596_800,
            253_402_300_799, Self.firstNumberedSecond, Self.lastNumberedSecond,
        ]
        for seconds in samples {
            let instant = Instant(secondsSinceEpoch: seconds)
            #expect(wita.ledgerDay(of: instant).map(Int.init) == wita.localDate(of: instant).daysSinceEpoch)
        }
        #expect(wita.ledgerDay(of: Instant(secondsSinceEpoch: Self.lastNumberedSecond)) == .max)
        #expect(wita.ledgerDay(of: Instant(secondsSinceEpoch: Self.firstNumberedSecond)) == .min)
        for seconds in Self.unnumbered { #expect(wita.ledgerDay(of: Instant(secondsSinceEpoch: seconds)) == nil) }
    }
}
