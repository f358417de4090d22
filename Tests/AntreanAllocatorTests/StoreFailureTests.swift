import AntreanAllocator
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
