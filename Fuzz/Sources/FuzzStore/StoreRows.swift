import AntreanAllocator
import Foundation
import FuzzSupport
import GRDB

/// Rows of the booking table read from fuzz bytes. Each column takes a plausible value most of the time
/// (the row's own id, an office and service of the fixture, a slot of its grid, a 32-byte NIK hash, a
/// real pool and state), so that many rows get past decoding into the allocator's restore, and otherwise
/// NULL, any 64-bit integer, or any text or blob, whatever the column's declared type.
enum StoreRows {
    static let insert = """
        INSERT OR REPLACE INTO booking (id, office, service, slotStart, nikHash, account, pool, state, createdAt,
        updatedAt, holdExpiresAt, reschedules, idempotencyKey, checkedInAt, appointment) VALUES (?, ?, ?, ?, ?, ?, ?,
        ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Thirty-two slots of the fixture's first day at kel-sidodadi, 08:00 to 16:00 WITA.
    static let slotStarts: [Instant] = (0..<32).map { FuzzAllocatorFixture.firstSlot.adding(minutes: 15 * $0) }
    static let pools = CapacityPool.allCases.map(\.rawValue)
    static let states = ["held", "booked", "checked_in", "cancelled", "expired", "no_show", "requeued"]
    /// At most this many rows, so one input stays cheap.
    static let maximumRows = 64

    static func read(from reader: inout FuzzReader) -> [[DatabaseValue]] {
        var rows: [[DatabaseValue]] = []
        while !reader.isEmpty, rows.count < maximumRows {
            rows.append(row(number: rows.count + 1, from: &reader))
        }
        return rows
    }

    private static func row(number: Int, from reader: inout FuzzReader) -> [DatabaseValue] {
        let slot = reader.pick(slotStarts).secondsSinceEpoch
        func column(_ plausible: () -> DatabaseValue) -> DatabaseValue {
            switch reader.byte() % 8 {
            case 0: return .null
            case 1: return reader.int64().databaseValue
            case 2: return String(decoding: reader.bytes(upTo: 40), as: UTF8.self).databaseValue
            case 3: return Data(reader.bytes(upTo: 40)).databaseValue
            default: return plausible()
            }
        }
        return [
            column { Int64(number).databaseValue },
            column { reader.pick(FuzzAllocatorFixture.officeIDs).databaseValue },
            column { reader.pick(FuzzAllocatorFixture.serviceIDs).databaseValue },
            column { slot.databaseValue },
            column { Data((0..<32).map { _ in reader.byte() }).databaseValue },
            column { "hp-\(reader.byte() % 4)".databaseValue },
            column { reader.pick(pools).databaseValue },
            column { reader.pick(states).databaseValue },
            column { (slot - Int64(reader.byte()) * 3600).databaseValue },
            column { (slot - Int64(reader.byte()) * 60).databaseValue },
            column { (slot - 86_400 + Int64(reader.byte()) * 60).databaseValue },
            column { Int64(reader.byte() % 4).databaseValue },
            column { "key-\(reader.byte())".databaseValue },
            column { (slot + Int64(reader.byte()) * 60 - 3600).databaseValue },
            // The appointment: mostly a minute inside a 15- or 20-minute slot, sometimes past it.
            column { (slot + Int64(reader.byte() % 24) * 60).databaseValue },
        ]
    }
}

/// The database file of one input, in /dev/shm when there is one: on a disk, the store's fsyncs made
/// an input cost 100 ms.
enum FuzzStoreFile {
    static let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()

    static func fresh() -> String {
        let path = folder + "/antrean-fuzz-store-\(getpid()).sqlite"
        remove(path)
        return path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
