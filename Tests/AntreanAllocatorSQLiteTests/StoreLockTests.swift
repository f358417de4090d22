import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One writer per store, within this process. (Across processes, with `kill -9`: the CLI's
/// `ReplayStoreLockTests`.)
@Suite struct StoreLockTests {
    typealias Store = SQLiteAllocatorStoreTests

    /// `flock` belongs to an open file description, so a second open in the same process is refused
    /// like one from another process, naming this process as the holder; closing hands the store on.
    @Test func aSecondOpenOfOneStoreIsRefusedUntilTheFirstCloses() throws {
        let path = Store.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try SQLiteAllocatorStore(path: path)
        let refusal = #expect(throws: StoreLockError.self) { _ = try SQLiteAllocatorStore(path: path) }
        #expect(refusal == .held(store: path, holderPID: getpid()))
        #expect(refusal.map { "\($0)" }?.contains("in use by process \(getpid())") == true)
        #expect(try String(contentsOfFile: path + ".lock", encoding: .utf8) == "\(getpid())\n")
        // The library guard: an allocator cannot be opened on the store while the first one is open.
        #expect(throws: StoreLockError.self) {
            _ = try Store.open(path, clock: ManualClock(Store.sundayNoon))
        }
        first.close()
        let (allocator, second) = try Store.open(path, clock: ManualClock(Store.sundayNoon))
        #expect(allocator.read { $0.bookingCount } == 0)
        // A closed store writes nothing more.
        #expect(throws: StoreClosedError.self) { try first.commit([Self.record(1)]) }
        second.close()
    }

    /// The lock goes with the store object: releasing it (as an allocator going out of scope does)
    /// frees the store for the next writer.
    @Test func releasingTheStoreReleasesTheLock() throws {
        let path = Store.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        func bookOnce() throws {
            let (allocator, _) = try Store.open(path, clock: ManualClock(Store.sundayNoon))
            let monday = OfficeTimeZone.wita.instant(on: Store.monday, minuteOfDay: 480)
            _ = try allocator.performSynchronously { core, now in
                core.book(
                    SlotRef(office: Store.office, service: Store.ktp, start: monday),
                    for: Citizen(nikHash: NIKHash(syntheticCitizen: 1)), now: now)
            }.get()
        }
        try bookOnce()
        let store = try SQLiteAllocatorStore(path: path)
        #expect(try store.loadBookings().count == 1)
        #expect(throws: StoreLockError.self) { _ = try SQLiteAllocatorStore(path: path) }
    }

    static func record(_ id: UInt64) -> BookingRecord {
        BookingRecord(
            id: BookingID(id), office: Store.office, service: Store.ktp,
            slotStart: OfficeTimeZone.wita.instant(on: Store.monday, minuteOfDay: 480),
            nikHash: NIKHash(syntheticCitizen: id), account: nil, pool: .online, state: .booked,
            createdAt: Store.sundayNoon, updatedAt: Store.sundayNoon, holdExpiresAt: nil, reschedules: 0,
            idempotencyKey: nil, checkedInAt: nil)
    }
}
