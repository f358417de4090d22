import AntreanAllocator
import Foundation
import GRDBSQLite

/// Decodes the current row of `SELECT id, office, service, slotStart, nikHash, account, pool, state,
/// createdAt, updatedAt, holdExpiresAt, reschedules, idempotencyKey, checkedInAt, appointment FROM booking` into a
/// record, checking every column first: its storage class (SQLite converts silently, e.g. text to 0),
/// the id ≥ 1 (a booking id is unsigned; converting a negative one would trap), a 32-byte NIK hash and
/// known pool and state names. What the columns mean together (capacity, limits, ranges) is checked by
/// the allocator's restore. O(1) per row.
struct BookingRowDecoder {
    let statement: OpaquePointer?
    // Office and service ids repeat on every row: reuse the previous row's value when the text is equal.
    private var lastOffice = OfficeID("")
    private var lastService = ServiceID("")

    init(statement: OpaquePointer?) { self.statement = statement }

    mutating func decodeRow() throws(StoredBookingViolation) -> BookingRecord {
        let rowID = sqlite3_column_int64(statement, 0)
        func violation(_ rule: String) -> StoredBookingViolation { StoredBookingViolation(rowID: rowID, rule: rule) }
        guard sqlite3_column_type(statement, 0) == SQLITE_INTEGER else { throw violation("id is not an integer") }
        guard rowID >= 1 else { throw violation("id must be at least 1 (booking numbers start at 1)") }

        func text(_ column: Int32, _ name: String, optional: Bool = false) throws(StoredBookingViolation) -> String? {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_NULL:
                if optional { return nil }
                throw violation("\(name) is missing")
            case SQLITE_TEXT:
                guard let bytes = sqlite3_column_text(statement, column) else {
                    throw violation("\(name) is unreadable")
                }
                return String(cString: bytes)
            default: throw violation("\(name) is not text")
            }
        }
        func integer(_ column: Int32, _ name: String, optional: Bool = false) throws(StoredBookingViolation) -> Int64? {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_NULL:
                if optional { return nil }
                throw violation("\(name) is missing")
            case SQLITE_INTEGER: return sqlite3_column_int64(statement, column)
            default: throw violation("\(name) is not an integer")
            }
        }
        func instant(_ column: Int32, _ name: String) throws(StoredBookingViolation) -> Instant {
            Instant(secondsSinceEpoch: try integer(column, name) ?? 0)
        }
        func optionalInstant(_ column: Int32, _ name: String) throws(StoredBookingViolation) -> Instant? {
            try integer(column, name, optional: true).map(Instant.init(secondsSinceEpoch:))
        }

        let officeText = try text(1, "office") ?? ""
        if officeText != lastOffice.rawValue { lastOffice = OfficeID(officeText) }
        let serviceText = try text(2, "service") ?? ""
        if serviceText != lastService.rawValue { lastService = ServiceID(serviceText) }
        guard sqlite3_column_type(statement, 4) == SQLITE_BLOB, sqlite3_column_bytes(statement, 4) == 32,
            let hashBytes = sqlite3_column_blob(statement, 4),
            let nikHash = NIKHash(bytes: UnsafeRawBufferPointer(start: hashBytes, count: 32))
        else { throw violation("nikHash is not a 32-byte hash") }
        guard let pool = try text(6, "pool").flatMap(CapacityPool.init(rawValue:)) else {
            throw violation("pool is not one of online, walk_in, priority")
        }
        guard let state = try text(7, "state").flatMap(BookingState.init(rawValue:)) else {
            throw violation("state is not a booking state")
        }
        guard let reschedules = Int(exactly: try integer(11, "reschedules") ?? 0) else {
            throw violation("reschedules does not fit an integer")
        }
        return BookingRecord(
            id: BookingID(UInt64(rowID.magnitude)), office: lastOffice, service: lastService,
            slotStart: try instant(3, "slotStart"), appointment: try optionalInstant(14, "appointment"),
            nikHash: nikHash,
            account: try text(5, "account", optional: true).map(AccountID.init), pool: pool, state: state,
            createdAt: try instant(8, "createdAt"), updatedAt: try instant(9, "updatedAt"),
            holdExpiresAt: try optionalInstant(10, "holdExpiresAt"), reschedules: reschedules,
            idempotencyKey: try text(12, "idempotencyKey", optional: true),
            checkedInAt: try optionalInstant(13, "checkedInAt"))
    }
}
