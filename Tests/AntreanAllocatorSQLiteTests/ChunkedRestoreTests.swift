import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import Testing

/// Restoring an allocator from its store chunk by chunk (`AllocatorCore(…restoringFrom:chunkSize:)`, what
/// `Allocator` does at start) rebuilds the same state as restoring from the whole array of records, and
/// refuses the same damaged stores.
@Suite struct ChunkedRestoreTests {
    typealias Fixture = SQLiteAllocatorStoreTests

    /// A store after random bookings, holds, cancellations and check-ins from one seed.
    static func filledStore(seed: UInt64) async throws -> (path: String, clock: ManualClock) {
        let path = Fixture.temporaryPath()
        let clock = ManualClock(Fixture.sundayNoon)
        let (allocator, store) = try Fixture.open(path, clock: clock)
        var generator = SplitMix64(seed: seed)
        let first = OfficeTimeZone.wita.instant(on: Fixture.monday, minuteOfDay: 480)
        var made: [BookingID] = []
        for number in 0..<300 {
            let citizen = Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(number)))
            let slot = SlotRef(
                office: Fixture.office, service: Fixture.ktp,
                start: first.adding(minutes: 15 * Int.random(in: 0..<32, using: &generator)))
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                if case .success(let receipt) = try await allocator.hold(slot, for: citizen) {
                    made.append(receipt.booking.id)
                }
            case 1 where !made.isEmpty:
                _ = try await allocator.cancel(made[Int.random(in: 0..<made.count, using: &generator)])
            default:
                if case .success(let receipt) = try await allocator.book(
                    slot, for: citizen, idempotencyKey: "r\(number)")
                {
                    made.append(receipt.booking.id)
                }
            }
        }
        store.close()
        return (path, clock)
    }

    @Test(arguments: [1, 2, 7, 64, 100_000])
    func chunksRebuildTheStateOfTheWholeArray(chunkSize: Int) async throws {
        let (path, clock) = try await Self.filledStore(seed: UInt64(chunkSize))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteAllocatorStore(path: path)
        defer { store.close() }
        let records = try store.loadBookings()
        #expect(records.count > 100)
        var chunks: [[BookingRecord]] = []
        try store.loadBookings(inChunksOf: chunkSize) { chunk, total in
            #expect(total == records.count)
            chunks.append(chunk)
        }
        #expect(chunks.allSatisfy { $0.count <= chunkSize })
        #expect(chunks.flatMap { $0 } == records)
        let whole = try AllocatorCore(
            configuration: Fixture.configuration, tokenSigner: Fixture.signer, restoring: records)
        let chunked = try AllocatorCore(
            configuration: Fixture.configuration, tokenSigner: Fixture.signer, restoringFrom: store,
            chunkSize: chunkSize)
        #expect(chunked.snapshot(at: clock.now()) == whole.snapshot(at: clock.now()))
        #expect(chunked.invariantViolations().isEmpty)
    }

    /// The store counts the rows with an idempotency key (what a restore reserves its key tables for)
    /// as the records it loads have them; a store that cannot count says nil.
    @Test(arguments: [3, 11]) func theStoreCountsItsIdempotencyKeys(seed: UInt64) async throws {
        let (path, _) = try await Self.filledStore(seed: seed)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteAllocatorStore(path: path)
        defer { store.close() }
        let records = try store.loadBookings()
        let keyed = records.count { $0.idempotencyKey != nil }
        #expect(keyed > 0 && keyed < records.count)
        #expect(try store.idempotencyKeyCount() == keyed)
        #expect(try FixedStore(records: records).idempotencyKeyCount() == nil)
    }

    /// The count is only a hint: a store that overstates it (beyond its own total) still restores the
    /// same state, and the reservation stays bounded by the records there are.
    @Test func anOverstatedKeyCountRestoresTheSameState() async throws {
        let (path, clock) = try await Self.filledStore(seed: 9)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteAllocatorStore(path: path)
        let records = try store.loadBookings()
        store.close()
        let whole = try AllocatorCore(
            configuration: Fixture.configuration, tokenSigner: Fixture.signer, restoring: records)
        let overstated = try AllocatorCore(
            configuration: Fixture.configuration, tokenSigner: Fixture.signer,
            restoringFrom: OverstatingStore(records: records), chunkSize: 16)
        #expect(overstated.snapshot(at: clock.now()) == whole.snapshot(at: clock.now()))
        #expect(overstated.invariantViolations().isEmpty)
    }

    /// Claims far more keyed rows than it has (a reservation of that size would not fit in memory).
    struct OverstatingStore: AllocatorStore {
        var records: [BookingRecord]
        func loadBookings() throws -> [BookingRecord] { records }
        func commit(_ records: [BookingRecord]) throws {}
        func idempotencyKeyCount() throws -> Int? { 1 << 40 }
    }

    /// A store handing out fixed records in chunks as they are (no sorting), to put damage at a boundary.
    struct FixedStore: AllocatorStore {
        var records: [BookingRecord]
        func loadBookings() throws -> [BookingRecord] { records }
        func commit(_ records: [BookingRecord]) throws {}
        func loadBookings(inChunksOf size: Int, _ receive: ([BookingRecord], Int) throws -> Void) throws {
            var start = 0
            while start < records.count {
                try receive(Array(records[start..<min(records.count, start + size)]), records.count)
                start += size
            }
        }
    }

    @Test func aDuplicateOrAGapAtAChunkBoundaryIsRefusedAsFromTheWholeArray() async throws {
        let (path, _) = try await Self.filledStore(seed: 5)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteAllocatorStore(path: path)
        let records = Array(try store.loadBookings().prefix(6))
        store.close()
        let duplicated = Array(records[0..<4]) + [records[3]] + Array(records[4...])
        let gapped = Array(records[0..<4]) + Array(records[5...])
        for damaged in [duplicated, gapped] {
            var wholeError: RestoreError?
            do {
                _ = try AllocatorCore(
                    configuration: Fixture.configuration, tokenSigner: Fixture.signer, restoring: damaged)
            } catch { wholeError = error }
            var chunkedError: RestoreError?
            do {
                _ = try AllocatorCore(
                    configuration: Fixture.configuration, tokenSigner: Fixture.signer,
                    restoringFrom: FixedStore(records: damaged), chunkSize: 4)
            } catch { chunkedError = error }
            #expect(wholeError != nil)
            #expect(chunkedError == wholeError)
        }
    }
}
