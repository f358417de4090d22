import AntreanAllocator
import AntreanAllocatorSQLite
import Foundation
import FuzzSupport
import GRDB

/// Fuzzes reopening a store: the input becomes rows of the booking table (`StoreRows`), written with
/// plain SQL into a new database whose schema `SQLiteAllocatorStore` created, which is then reopened as
/// `antrean replay` does (`loadBookings`, `Allocator.init` rebuilding its state) and, when that succeeds,
/// used once (no-shows released, availability read) with the notification outbox on, whose events are
/// then read back as the deliverer reads them. A stored row may hold anything SQLite can hold;
/// every outcome must be an opened allocator or a thrown error, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStore(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var reader = FuzzReader(data, size)
    let rows = StoreRows.read(from: &reader)
    let path = FuzzStoreFile.fresh()
    defer { FuzzStoreFile.remove(path) }
    do {
        _ = try SQLiteAllocatorStore(path: path)
    } catch {
        fuzzFailure("cannot create the store's schema at \(path): \(error)")
    }
    do {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // A row the schema refuses (NULL in a NOT NULL column) cannot be in a store: skip it.
            for row in rows {
                _ = try? db.execute(sql: StoreRows.insert, arguments: StatementArguments(row))
            }
        }
        try queue.close()
    } catch {
        fuzzFailure("cannot write the fuzz rows: \(error)")
    }
    guard let store = try? SQLiteAllocatorStore(path: path, outbox: OutboxSettings()),
        (try? store.registerSubscribers(["fuzz"], at: Instant(secondsSinceEpoch: 0))) != nil,
        let allocator = try? FuzzAllocatorFixture.allocator(store: store)
    else { return 0 }
    let now = StoreRows.slotStarts[Int(size % StoreRows.slotStarts.count)]
    _ = allocator.performDeferred(at: now) { core, now in
        _ = core.releaseNoShows(now: now)
        return core.availability(
            service: ServiceID("ktp"), offices: [OfficeID("kel-sidodadi")], isPriority: false, from: now, limit: 3,
            now: now
        ).count
    }
    _ = try? allocator.flush()
    _ = try? store.dueDeliveries(for: ["fuzz"], at: now, limit: 10)
    _ = try? store.outboxEvents()
    return 0
}

@_cdecl("FuzzStore_main")
public func fuzzStoreMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { fuzzStore($0, $1) }
}
