import AntreanAllocator
import Foundation
import Testing

/// A store whose disk is full: the allocator must not acknowledge anything it could not make durable.
final class FailingStore: AllocatorStore {
    struct DiskFull: Error {}
    func loadBookings() throws -> [BookingRecord] { [] }
    func commit(_ records: [BookingRecord]) throws { throw DiskFull() }
}

@Suite struct StoreFailureTests {
    @Test func failedCommitsAreNeverAcknowledgedAndStopTheAllocator() async throws {
        let allocator = try Allocator(
            configuration: Fixture.configuration(), tokenSigner: Fixture.signer,
            nikHasher: TestKeys.hasher, store: FailingStore(),
            clock: ManualClock(Fixture.sundayNoon))
        await #expect(throws: StoreFailure.self) {
            _ = try await allocator.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1))
        }
        // Memory may be ahead of the disk now, so every later call fails too, even one with no changes.
        await #expect(throws: StoreFailure.self) {
            _ = try await allocator.availability(service: Fixture.ktp, offices: [Fixture.a1])
        }
        #expect(throws: StoreFailure.self) {
            _ = try allocator.performSynchronously { core, now in
                core.book(Fixture.slot(Fixture.a2), for: Fixture.citizen(2), now: now)
            }
        }
    }
}

/// A store whose `sync` (the fsync of a pipelined commit) fails from the `failingSync`-th call on:
/// what it wrote before the last successful sync is what survives a power loss.
final class FailingSyncStore: DeferredSyncStore, @unchecked Sendable {
    struct FsyncFailed: Error {}
    private let lock = NSLock()
    private var written: [BookingRecord] = []
    private var synced: [BookingRecord] = []
    private var syncs = 0
    let failingSync: Int

    init(failingSync: Int) { self.failingSync = failingSync }

    var defersSync: Bool { true }
    func loadBookings() throws -> [BookingRecord] { [] }
    func commit(_ records: [BookingRecord]) throws { lock.withLock { written += records } }
    func sync() throws {
        try lock.withLock {
            syncs += 1
            guard syncs < failingSync else { throw FsyncFailed() }
            synced = written
        }
    }
    /// Ids that would survive a power loss now.
    var durableIDs: Set<BookingID> { lock.withLock { Set(synced.map(\.id)) } }
}

@Suite struct FsyncFailureTests {
    /// An fsync error after the write: the booking was written but is not acknowledged, and nothing
    /// acknowledged before it is missing from what was synced.
    @Test func aFailedSyncIsNeverAcknowledged() async throws {
        let store = FailingSyncStore(failingSync: 3)
        let allocator = try Allocator(
            configuration: Fixture.configuration(), tokenSigner: Fixture.signer,
            nikHasher: TestKeys.hasher, store: store,
            clock: ManualClock(Fixture.sundayNoon))
        var acknowledged: [BookingID] = []
        var failed = false
        for number in 1...6 {
            do {
                let slot = Fixture.slot(Fixture.a1, minute: 480 + 15 * number)
                acknowledged.append(try await allocator.book(slot, for: Fixture.citizen(number)).get().booking.id)
            } catch is StoreFailure {
                failed = true
                break
            }
        }
        #expect(failed)
        #expect(acknowledged.count == 2)
        #expect(Set(acknowledged).isSubset(of: store.durableIDs))
        await #expect(throws: StoreFailure.self) {
            _ = try await allocator.book(Fixture.slot(Fixture.a2), for: Fixture.citizen(9))
        }
    }
}
