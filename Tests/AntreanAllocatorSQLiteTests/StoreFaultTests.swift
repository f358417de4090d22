import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Faults of the disk under a real store (a small tmpfs): the allocator refuses new work with a clear
/// error, acknowledges nothing it did not make durable, and a store reopened once the fault is cleared
/// holds every acknowledged booking and takes new ones.
@Suite(.serialized) struct StoreFaultTests {
    typealias Store = SQLiteAllocatorStoreTests

    /// One office, one Monday slot with room for every booking these tests attempt.
    static let roomyConfiguration: AllocatorConfiguration = {
        var configuration = Store.configuration
        configuration.offices[0].services[0].slotCapacity = 30_000
        configuration.offices[0].walkInShare = [:]
        configuration.offices[0].priorityShare = [:]
        return configuration
    }()

    static let slot = SlotRef(
        office: Store.office, service: Store.ktp, start: OfficeTimeZone.wita.instant(on: Store.monday, minuteOfDay: 480)
    )

    static func book(_ allocator: Allocator, citizen: Int) async throws -> BookingRecord {
        try await allocator.book(slot, for: Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(citizen)))).get()
            .booking
    }

    @Test(
        .enabled(if: Tmpfs.isAvailable, "needs permission to mount a tmpfs (root)"),
        arguments: [SQLiteAllocatorStore.SyncMode.full, .pipelined])
    func aFullDiskStopsTheAllocatorAndLosesNoAcknowledgedBooking(syncMode: SQLiteAllocatorStore.SyncMode) async throws {
        let disk = try Tmpfs(kilobytes: 1024)
        defer { disk.unmount() }
        let path = disk.path + "/store.sqlite"
        let clock = ManualClock(Store.sundayNoon)
        let (allocator, store) = try Store.open(
            path, clock: clock, syncMode: syncMode, configuration: Self.roomyConfiguration)
        var acknowledged: [BookingRecord] = []
        for citizen in 0..<20 { acknowledged.append(try await Self.book(allocator, citizen: citizen)) }

        // The disk fills up; booking goes on until a commit needs space the disk no longer has.
        let filler = try disk.fill()
        var failure: StoreFailure?
        for citizen in 20..<20_000 {
            do {
                acknowledged.append(try await Self.book(allocator, citizen: citizen))
            } catch let error as StoreFailure {
                failure = error
                break
            }
        }
        let reported = try #require(failure, "the disk never filled up")
        #expect("\(reported)".contains("full"), "\(reported)")
        // Memory may be ahead of the disk: every later call is refused, even one that changes nothing.
        await #expect(throws: StoreFailure.self) { _ = try await Self.book(allocator, citizen: 50_000) }
        await #expect(throws: StoreFailure.self) {
            _ = try await allocator.availability(service: Store.ktp, offices: [Store.office])
        }
        store.close()

        // Space is freed: the reopened store holds every acknowledged booking and takes new ones.
        try FileManager.default.removeItem(atPath: filler)
        let (reopened, _) = try Store.open(
            path, clock: clock, syncMode: syncMode, configuration: Self.roomyConfiguration)
        for record in acknowledged {
            #expect(reopened.read { $0.booking(record.id) } == record)
        }
        #expect(reopened.read { $0.invariantViolations() }.isEmpty)
        let next = try await Self.book(reopened, citizen: 60_000)
        #expect(next.id.rawValue == UInt64(reopened.read { $0.bookingCount }))
    }

    @Test(.enabled(if: Tmpfs.isAvailable, "needs permission to mount a tmpfs (root)"))
    func aReadOnlyStoreIsRefusedAtOpenAndOpensOnceWritableAgain() async throws {
        let disk = try Tmpfs(kilobytes: 1024)
        defer { disk.unmount() }
        let path = disk.path + "/store.sqlite"
        let clock = ManualClock(Store.sundayNoon)
        let (allocator, store) = try Store.open(path, clock: clock, configuration: Self.roomyConfiguration)
        let first = try await Self.book(allocator, citizen: 1)
        store.close()

        try disk.remount(readOnly: true)
        let refusal = #expect(throws: StoreNotWritableError.self) {
            _ = try Store.open(path, clock: clock, configuration: Self.roomyConfiguration)
        }
        #expect(refusal?.code == EROFS)
        #expect(refusal.map { "\($0)" }?.contains("\(path): cannot write \(path) (Read-only file system)") == true)

        try disk.remount(readOnly: false)
        let (reopened, _) = try Store.open(path, clock: clock, configuration: Self.roomyConfiguration)
        #expect(reopened.read { $0.booking(first.id) } == first)
        #expect(try await Self.book(reopened, citizen: 2).id == BookingID(2))
    }
}
