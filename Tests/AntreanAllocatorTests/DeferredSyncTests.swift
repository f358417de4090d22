import AntreanAllocator
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A store whose `sync` waits for the test to open a gate, logging commits, syncs and acknowledgments in
/// the order they happen.
final class GatedSyncStore: DeferredSyncStore {
    struct SyncFailed: Error {}
    let defersSync: Bool
    let failsSync: Bool
    private let gateOpen = Mutex(false)
    private let log = Mutex<[String]>([])
    private let commits = Atomic<Int>(0)

    init(defersSync: Bool = true, failsSync: Bool = false) {
        self.defersSync = defersSync
        self.failsSync = failsSync
    }

    func loadBookings() throws -> [BookingRecord] { [] }

    func commit(_ records: [BookingRecord]) throws {
        let number = commits.add(1, ordering: .sequentiallyConsistent).newValue
        note("commit \(number)")
    }

    func sync() throws {
        note("sync-begin after \(commits.load(ordering: .sequentiallyConsistent)) commits")
        while !gateOpen.withLock({ $0 }) { usleep(200) }
        if failsSync { throw SyncFailed() }
        note("sync-end")
    }

    func openGate() { gateOpen.withLock { $0 = true } }
    func note(_ event: String) { log.withLock { $0.append(event) } }
    var events: [String] { log.withLock { $0 } }
    var commitCount: Int { commits.load(ordering: .sequentiallyConsistent) }

    /// Polls until `condition` holds (up to 10 s).
    func wait(until condition: (GatedSyncStore) -> Bool) async throws {
        for _ in 0..<10_000 where !condition(self) { try await Task.sleep(for: .milliseconds(1)) }
        #expect(condition(self))
    }
}

@Suite struct DeferredSyncTests {
    static func allocator(_ store: GatedSyncStore) throws -> Allocator {
        try Allocator(
            configuration: Fixture.configuration(), tokenSigner: Fixture.signer,
            nikHasher: TestKeys.hasher, store: store,
            clock: ManualClock(Fixture.sundayNoon))
    }

    @Test func anAckWaitsForASyncThatBeganAfterItsWriteAndTheNextWriteDoesNotWaitForTheSync() async throws {
        let store = GatedSyncStore()
        let allocator = try Self.allocator(store)
        let first = Task {
            let receipt = try await allocator.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1)).get()
            store.note("ack 1")
            return receipt
        }
        try await store.wait { $0.events.contains { $0.hasPrefix("sync-begin") } }
        // The first sync is held: the second booking is still written meanwhile (pipelining), and neither
        // is acknowledged.
        let second = Task {
            let receipt = try await allocator.book(Fixture.slot(Fixture.a2), for: Fixture.citizen(2)).get()
            store.note("ack 2")
            return receipt
        }
        try await store.wait { $0.commitCount == 2 }
        try await Task.sleep(for: .milliseconds(20))
        #expect(!store.events.contains { $0.hasPrefix("ack") })
        store.openGate()
        _ = try await first.value
        _ = try await second.value

        let events = store.events
        #expect(events.first == "commit 1")
        #expect(events[1] == "sync-begin after 1 commits")
        let firstAck = try #require(events.firstIndex(of: "ack 1"))
        #expect(events[..<firstAck].contains("sync-end"))
        // The second booking's ack needs a sync that began after its commit, not the one already running.
        let secondAck = try #require(events.firstIndex(of: "ack 2"))
        let coveringSync = try #require(events.firstIndex(of: "sync-begin after 2 commits"))
        #expect(coveringSync < secondAck)
        #expect(events[coveringSync..<secondAck].contains("sync-end"))
    }

    @Test func aFailedSyncIsNeverAcknowledgedAndStopsTheAllocator() async throws {
        let store = GatedSyncStore(failsSync: true)
        store.openGate()
        let allocator = try Self.allocator(store)
        await #expect(throws: StoreFailure.self) {
            _ = try await allocator.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1))
        }
        #expect(store.commitCount == 1)
        await #expect(throws: StoreFailure.self) {
            _ = try await allocator.availability(service: Fixture.ktp, offices: [Fixture.a1])
        }
        #expect(throws: StoreFailure.self) {
            _ = try allocator.performSynchronously { core, now in
                core.book(Fixture.slot(Fixture.a2), for: Fixture.citizen(2), now: now)
            }
        }
    }

    @Test func flushWaitsForTheSync() throws {
        let store = GatedSyncStore()
        store.openGate()
        let allocator = try Self.allocator(store)
        _ = allocator.performDeferred(at: Fixture.sundayNoon) { core, now in
            core.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1), now: now)
        }
        try allocator.flush()
        #expect(store.events.last == "sync-end")
    }

    @Test func aStoreThatDoesNotDeferIsNeverSynced() async throws {
        let store = GatedSyncStore(defersSync: false)
        let allocator = try Self.allocator(store)
        _ = try await allocator.book(Fixture.slot(Fixture.a1), for: Fixture.citizen(1)).get()
        #expect(store.events == ["commit 1"])
    }
}
