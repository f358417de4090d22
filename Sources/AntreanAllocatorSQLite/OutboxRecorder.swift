import AntreanAllocator
import GRDB

/// What the store does with notifications. Off by default: a store that no deliverer reads (the
/// `antrean replay` command, the simulator) would only accumulate rows.
public struct OutboxSettings: Hashable, Sendable {
    /// How long before the appointment its reminder falls due (default: a day).
    public var reminderLead: Int64

    public init(reminderLead: Int64 = BookingEvents.dayBefore) { self.reminderLead = reminderLead }
}

/// Writes the events of each committed record inside the commit's transaction: it reads the record's
/// previous state (one primary-key lookup, before the upsert replaces it), derives the events and
/// inserts them with their bodies. A record repeated in one batch is compared with its earlier copy,
/// so each transition of the batch is seen once. O(1) per record.
struct OutboxRecorder {
    let settings: OutboxSettings
    let storeID: String

    func record(_ current: BookingRecord, in db: Database) throws {
        let previous = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT state, reschedules FROM booking WHERE id = ?"),
            arguments: [Int64(current.id.rawValue)])
        var previousState: BookingState?
        var previousReschedules = 0
        if let previous {
            // A row this store cannot read would be refused when the store is opened; no event from it.
            guard let text = try? previous.decode(String.self, forColumn: "state"),
                let state = BookingState(rawValue: text),
                let reschedules = try? previous.decode(Int.self, forColumn: "reschedules")
            else { return }
            previousState = state
            previousReschedules = reschedules
        }
        let events = BookingEvents.derive(
            from: previousState, previousReschedules: previousReschedules, to: current,
            reminderLead: settings.reminderLead)
        guard !events.isEmpty else { return }
        // The next seq as AUTOINCREMENT will assign it (sqlite_sequence is part of the transaction).
        var sequence =
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = 'outbox_event'")) ?? 0
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO outbox_event (seq, type, bookingId, reschedules, occurredAt, dueAt, body)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for event in events {
            sequence += 1
            try insert.execute(arguments: [
                sequence, event.type.rawValue, Int64(event.booking.rawValue), event.reschedules,
                event.occurredAt.secondsSinceEpoch, event.dueAt.secondsSinceEpoch,
                event.payload(eventID: OutboxEvent.id(store: storeID, sequence: sequence)),
            ])
        }
    }
}
