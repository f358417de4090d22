import Testing

@testable import AntreanAllocator

/// The core stores bookings compactly (interned NIKs and accounts, instants as seconds, a side table for
/// idempotency keys); these check that the public records it builds say exactly what was booked.
@Suite struct CompactStorageTests {
    @Test func storedBookingHasNoReferenceCountedFieldsAndFitsACacheLine() {
        #expect(MemoryLayout<StoredBooking>.stride == 64)
        #expect(_isPOD(StoredBooking.self))
    }

    /// Day ledgers are plain data too (their per-slot rows live in `SlotRows`): a city year makes
    /// ~150,000 of them, and a search reads one per day it skips.
    @Test func dayLedgerHasNoReferenceCountedFieldsAndFitsACacheLine() {
        #expect(MemoryLayout<DayLedger>.stride == 64)
        #expect(_isPOD(DayLedger.self))
    }

    @Test func recordsCarryEveryFieldThatWasBooked() throws {
        var core = Fixture.core()
        let now = Fixture.sundayNoon
        let citizen = Fixture.citizen(1, account: "phone-1")
        let held = try #require(
            core.hold(Fixture.slot(Fixture.a1), for: citizen, idempotencyKey: "tab-1", now: now).value)
        let expected = BookingRecord(
            id: BookingID(1), office: Fixture.a1, service: Fixture.ktp, slotStart: Fixture.slot(Fixture.a1).start,
            nikHash: citizen.nikHash, account: AccountID("phone-1"), pool: .online, state: .held, createdAt: now,
            updatedAt: now, holdExpiresAt: now.adding(seconds: core.rules.holdSeconds), reschedules: 0,
            idempotencyKey: "tab-1", checkedInAt: nil)
        #expect(held.booking == expected)
        #expect(core.booking(BookingID(1)) == expected)

        let anonymous = Citizen(nikHash: NIKHash(syntheticCitizen: 2))
        let plain = try #require(core.book(Fixture.slot(Fixture.a2, minute: 495), for: anonymous, now: now).value)
        #expect(plain.booking.account == nil)
        #expect(plain.booking.idempotencyKey == nil)
        #expect(plain.booking.holdExpiresAt == nil)
        #expect(plain.booking.office == Fixture.a2)
        #expect(core.allBookings.map(\.id) == [BookingID(1), BookingID(2)])
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func rescheduledAndCheckedInRecordsFollowTheirNewSlot() throws {
        var core = Fixture.core()
        let now = Fixture.sundayNoon
        let citizen = Fixture.citizen(3)
        let booked = try #require(core.book(Fixture.slot(Fixture.a1), for: citizen, now: now).value).booking
        let moved = try #require(
            core.reschedule(booked.id, to: Fixture.slot(Fixture.a2, minute: 510), now: now.adding(seconds: 60)).value)
        #expect(moved.office == Fixture.a2)
        #expect(moved.slotStart == Fixture.slot(Fixture.a2, minute: 510).start)
        #expect(moved.reschedules == 1)
        #expect(moved.updatedAt == now.adding(seconds: 60))
        let token = try #require(core.issueToken(for: booked.id, now: now).value)
        let arrival = Fixture.slot(Fixture.a2, minute: 510).start
        let receipt = try #require(core.checkIn(token: token, at: Fixture.a2, now: arrival).value)
        #expect(receipt.booking.state == .checkedIn)
        #expect(receipt.booking.checkedInAt == arrival)
        #expect(core.booking(booked.id) == receipt.booking)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func restoringRenumbersCitizensWithoutChangingAnything() throws {
        var core = Fixture.core()
        let now = Fixture.sundayNoon
        // Citizens book in one order, and one of them twice, so restored NIK numbers could differ.
        for (number, minute) in [(7, 480), (8, 495), (7, 510), (9, 525)] {
            _ = core.book(
                Fixture.slot(Fixture.a1, minute: minute), for: Fixture.citizen(number), idempotencyKey: "k\(minute)",
                now: now)
        }
        _ = core.cancel(BookingID(2), now: now)
        let records = core.allBookings
        let restored = try AllocatorCore(
            configuration: Fixture.configuration(), tokenSigner: Fixture.signer, restoring: records.reversed())
        #expect(restored.allBookings == records)
        #expect(restored.snapshot(at: now) == core.snapshot(at: now))
        #expect(restored.invariantViolations().isEmpty)
        #expect(restored.snapshot(at: now).activeByNIK[Fixture.citizen(7).nikHash] == 2)
        #expect(restored.snapshot(at: now).activeByNIK[Fixture.citizen(8).nikHash] == nil)
    }

    @Test func theNIKTableNumbersBookingsAndFindsActiveNIKsAgain() {
        var table = NIKTable()
        let hashes = (0..<5000).map { NIKHash(word0: 0, word1: 0, word2: 0, word3: UInt64($0)) }
        for (number, hash) in hashes.enumerated() {
            #expect(table.number(forBookingBy: hash, active: true) == Int32(number))
        }
        for (number, hash) in hashes.enumerated() { #expect(table.number(of: hash) == Int32(number)) }
        #expect(table.number(forBookingBy: hashes[42], active: true) == 42)
        // A finished booking (a walk-in, say) gets its own number and is not findable.
        #expect(table.number(forBookingBy: hashes[43], active: false) == 5000)
        #expect(table.number(of: hashes[43]) == 43)
        #expect(table.number(of: NIKHash(syntheticCitizen: 1)) == nil)
        #expect(table.count == 5001)
        #expect(table.liveCount == 5000)
    }

    /// Random removals among thousands of live NIKs (the table runs up to half full, so probe runs form):
    /// backward-shift deletion must keep every remaining NIK findable and forget the removed ones.
    @Test func retiringNIKsKeepsTheOthersFindable() {
        var generator = SplitMix64(seed: 4_242)
        var table = NIKTable()
        var live: [(hash: NIKHash, number: Int32)] = []
        var retired: [NIKHash] = []
        for step in 0..<20_000 {
            let hash = NIKHash(word0: UInt64(step % 3), word1: 0, word2: 0, word3: UInt64(step))
            live.append((hash, table.number(forBookingBy: hash, active: true)))
            if step % 3 != 0 {
                live.swapAt(Int.random(in: live.indices, using: &generator), live.count - 1)
                let (hash, number) = live.removeLast()
                table.retire(number)
                retired.append(hash)
            }
        }
        #expect(table.liveCount == live.count)
        for (hash, number) in live where table.number(of: hash) != number { Issue.record("lost \(hash)") }
        for hash in retired where table.number(of: hash) != nil { Issue.record("still finds \(hash)") }
    }

    @Test func reservingCapacityChangesNoBehaviour() throws {
        var reserved = Fixture.core()
        var plain = Fixture.core()
        reserved.reserveCapacity(bookings: 10_000)
        let now = Fixture.sundayNoon
        for number in 0..<40 {
            let slot = Fixture.slot(number.isMultiple(of: 2) ? Fixture.a1 : Fixture.a2, minute: 480 + 15 * (number % 8))
            #expect(
                reserved.book(slot, for: Fixture.citizen(number), now: now)
                    == plain.book(slot, for: Fixture.citizen(number), now: now))
        }
        #expect(reserved.snapshot(at: now) == plain.snapshot(at: now))
    }
}

@Suite struct LedgerDirectoryTests {
    @Test func findsLedgersAcrossAWideningWindowAndFarOutliers() {
        var directory = LedgerDirectory(offices: 3, services: 2)
        var expected: [DayKey: Int32] = [:]
        // Days after, before and far from the first one, including beyond the dense window's span.
        let days: [Int32] = [20_000, 20_030, 19_990, 20_500, 19_000, 20_000 + 5000, -100, 20_001]
        var number: Int32 = 0
        for day in days {
            for office in Int32(0)..<3 {
                for service in Int32(0)..<2 {
                    let key = DayKey(office: office, service: service, day: day)
                    directory.set(number, for: key)
                    expected[key] = number
                    number += 1
                }
            }
            for (key, value) in expected { #expect(directory.number(of: key) == value) }
        }
        #expect(directory.number(of: DayKey(office: 0, service: 0, day: 20_002)) == nil)
        #expect(directory.number(of: DayKey(office: 2, service: 1, day: 1_000_000)) == nil)
    }
}

@Suite struct IdentifierIndexTests {
    @Test func numbersEveryIdInOrderAndKnowsNoOthers() {
        let ids = (0..<300).map { OfficeID("kel-\($0)-\(String(repeating: "x", count: $0 % 40))") }
        let index = IdentifierIndex(ids)
        for (number, id) in ids.enumerated() { #expect(index[id] == Int32(number)) }
        #expect(index[OfficeID("kel-unknown")] == nil)
        #expect(index[OfficeID("")] == nil)
        #expect(IdentifierIndex<ServiceID>([])[ServiceID("ktp")] == nil)
    }
}
