import GRDB

/// The tables of the notification outbox, in the booking store's file so that an event is written in
/// the same transaction as the booking change that causes it.
///
/// - `outbox_event`: one row per event, its webhook body fixed when written. `seq` never reuses a
///   value (AUTOINCREMENT), so the event id `evt_<store>_<seq>` is unique for the store's life.
///   `settled` = delivered to every subscriber that was due it; `voided` = a reminder whose booking
///   moved on. The partial index holds only live rows, so a delivery pass reads the backlog, not history.
/// - `outbox_subscriber`: each webhook client, and the last event that existed when it was first seen
///   (a new client receives events from then on, not the store's whole history).
/// - `outbox_delivery`: per event and client, the attempts so far and when to try again, or when it was
///   delivered.
/// - `outbox_meta`: the store's random id (the `<store>` of event ids), made once.
enum OutboxSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE outbox_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE outbox_event (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    type TEXT NOT NULL,
                    bookingId INTEGER NOT NULL,
                    reschedules INTEGER NOT NULL,
                    occurredAt INTEGER NOT NULL,
                    dueAt INTEGER NOT NULL,
                    body TEXT NOT NULL,
                    settled INTEGER NOT NULL DEFAULT 0,
                    voided INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX outbox_event_live ON outbox_event (dueAt, seq) WHERE settled = 0 AND voided = 0;
                CREATE TABLE outbox_subscriber (
                    clientId TEXT PRIMARY KEY NOT NULL, sinceSeq INTEGER NOT NULL, registeredAt INTEGER NOT NULL);
                CREATE TABLE outbox_delivery (
                    eventSeq INTEGER NOT NULL, clientId TEXT NOT NULL, attempts INTEGER NOT NULL,
                    nextAttemptAt INTEGER, deliveredAt INTEGER, lastOutcome TEXT,
                    PRIMARY KEY (eventSeq, clientId)) WITHOUT ROWID;
                """)
        var generator = SystemRandomNumberGenerator()
        let storeID = String(generator.next() as UInt64, radix: 16)
        try db.execute(sql: "INSERT INTO outbox_meta (key, value) VALUES ('store', ?)", arguments: [storeID])
    }

    /// The store's id for event ids; the migration made it.
    static func storeID(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM outbox_meta WHERE key = 'store'") ?? "0"
    }
}
