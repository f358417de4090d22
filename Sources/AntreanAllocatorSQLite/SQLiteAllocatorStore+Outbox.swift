import AntreanAllocator
import GRDB

/// An event in the outbox, as stored.
public struct OutboxEvent: Hashable, Sendable {
    /// Position in the outbox; never reused.
    public var sequence: Int64
    /// The id subscribers deduplicate by: `evt_<store>_<sequence>`.
    public var id: String
    public var type: BookingEventType
    public var booking: BookingID
    public var dueAt: Instant
    /// The webhook body, exactly the bytes that are signed and sent.
    public var body: String
    /// Delivered to every subscriber that was due it.
    public var isSettled: Bool
    /// A reminder whose booking was cancelled, rescheduled or is past: never delivered.
    public var isVoided: Bool

    static func id(store: String, sequence: Int64) -> String { "evt_\(store)_\(sequence)" }
}

/// One event due to one subscriber.
public struct PendingDelivery: Hashable, Sendable {
    public var event: OutboxEvent
    public var clientID: String
    /// Attempts made before this one.
    public var attempts: Int
}

/// The result of one delivery attempt, to be recorded in the store.
public struct DeliveryAttempt: Hashable, Sendable {
    public var eventSequence: Int64
    public var clientID: String
    /// Attempts made, this one included.
    public var attempts: Int
    public var at: Instant
    /// nil when delivered; otherwise when to try again.
    public var retryAt: Instant?
    /// What happened, for operators (`HTTP 503`, `timeout`…); never a payload.
    public var outcome: String

    public init(eventSequence: Int64, clientID: String, attempts: Int, at: Instant, retryAt: Instant?, outcome: String)
    {
        self.eventSequence = eventSequence
        self.clientID = clientID
        self.attempts = attempts
        self.at = at
        self.retryAt = retryAt
        self.outcome = outcome
    }

    public var delivered: Bool { retryAt == nil }
}

extension SQLiteAllocatorStore {
    /// Makes `clientIDs` subscribers; a new one receives the events written after this call, a known one
    /// keeps its place. Call before the store takes bookings, so nothing falls between. O(k log n).
    public func registerSubscribers(_ clientIDs: [String], at now: Instant) throws {
        try writeOutbox { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM outbox_event") ?? 0
            for client in clientIDs {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO outbox_subscriber (clientId, sinceSeq, registeredAt) VALUES (?, ?, ?)",
                    arguments: [client, newest, now.secondsSinceEpoch])
            }
        }
    }

    /// Up to `limit` deliveries due at `now` to `clientIDs` (registered subscribers), oldest due first:
    /// events not yet delivered to the client whose retry time, if any, has come. First voids the
    /// reminders that fell due for a booking no longer booked at that reminder's slot, or whose slot has
    /// begun. O(live events × subscribers) at worst, through the index of live events.
    public func dueDeliveries(for clientIDs: [String], at now: Instant, limit: Int) throws -> [PendingDelivery] {
        guard !clientIDs.isEmpty, limit > 0 else { return [] }
        return try writeOutbox { db in
            try db.execute(
                sql: """
                    UPDATE outbox_event SET voided = 1
                    WHERE type = ? AND settled = 0 AND voided = 0 AND dueAt <= ?
                    AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.id = outbox_event.bookingId
                        AND b.state = ? AND b.reschedules = outbox_event.reschedules
                        AND COALESCE(b.appointment, b.slotStart) > ?)
                    """,
                arguments: [
                    BookingEventType.reminder.rawValue, now.secondsSinceEpoch, BookingState.booked.rawValue,
                    now.secondsSinceEpoch,
                ])
            let store = try OutboxSchema.storeID(db)
            let placeholders = Array(repeating: "?", count: clientIDs.count).joined(separator: ", ")
            var arguments = StatementArguments(clientIDs)
            arguments += [now.secondsSinceEpoch, now.secondsSinceEpoch, Int64(limit)]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.seq, e.type, e.bookingId, e.dueAt, e.body, s.clientId, COALESCE(d.attempts, 0) AS attempts
                    FROM outbox_event e
                    JOIN outbox_subscriber s ON s.sinceSeq < e.seq AND s.clientId IN (\(placeholders))
                    LEFT JOIN outbox_delivery d ON d.eventSeq = e.seq AND d.clientId = s.clientId
                    WHERE e.settled = 0 AND e.voided = 0 AND e.dueAt <= ?
                    AND d.deliveredAt IS NULL AND (d.nextAttemptAt IS NULL OR d.nextAttemptAt <= ?)
                    ORDER BY e.dueAt, e.seq, s.clientId LIMIT ?
                    """,
                arguments: arguments)
            return try rows.map { row in
                PendingDelivery(
                    event: try Self.event(row, store: store, settled: false, voided: false),
                    clientID: try row.decode(forColumn: "clientId"), attempts: try row.decode(forColumn: "attempts"))
            }
        }
    }

    /// Records attempts in one transaction, and settles each event delivered to every subscriber in
    /// `clientIDs` that was due it. O(attempts × subscribers).
    public func recordAttempts(_ attempts: [DeliveryAttempt], subscribers clientIDs: [String]) throws {
        guard !attempts.isEmpty else { return }
        try writeOutbox { db in
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO outbox_delivery (eventSeq, clientId, attempts, nextAttemptAt, deliveredAt, lastOutcome)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (eventSeq, clientId) DO UPDATE SET attempts = excluded.attempts,
                    nextAttemptAt = excluded.nextAttemptAt, deliveredAt = excluded.deliveredAt,
                    lastOutcome = excluded.lastOutcome
                    """)
            for attempt in attempts {
                try upsert.execute(arguments: [
                    attempt.eventSequence, attempt.clientID, attempt.attempts, attempt.retryAt?.secondsSinceEpoch,
                    attempt.delivered ? attempt.at.secondsSinceEpoch : nil, attempt.outcome,
                ])
            }
            let since = try Dictionary(
                Row.fetchAll(db, sql: "SELECT clientId, sinceSeq FROM outbox_subscriber").map {
                    (
                        try $0.decode(String.self, forColumn: "clientId"),
                        try $0.decode(Int64.self, forColumn: "sinceSeq")
                    )
                }, uniquingKeysWith: { first, _ in first })
            let delivered = Set(attempts.filter(\.delivered).map(\.eventSequence))
            for sequence in delivered {
                let due = clientIDs.filter { client in since[client].map { $0 < sequence } ?? false }
                let done = try String.fetchSet(
                    db,
                    sql: "SELECT clientId FROM outbox_delivery WHERE eventSeq = ? AND deliveredAt IS NOT NULL",
                    arguments: [sequence])
                if due.allSatisfy(done.contains) {
                    try db.execute(sql: "UPDATE outbox_event SET settled = 1 WHERE seq = ?", arguments: [sequence])
                }
            }
        }
    }

    /// Deliveries `clientIDs` are owed at `now` (due, not delivered; retries waiting included): the
    /// backlog an operator watches. O(live events × subscribers).
    public func outboxBacklog(for clientIDs: [String], at now: Instant) throws -> Int {
        guard !clientIDs.isEmpty else { return 0 }
        guard !isClosedForOutbox else { throw StoreClosedError(store: path) }
        let placeholders = Array(repeating: "?", count: clientIDs.count).joined(separator: ", ")
        var arguments = StatementArguments(clientIDs)
        arguments += [now.secondsSinceEpoch]
        return try database.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM outbox_event e
                    JOIN outbox_subscriber s ON s.sinceSeq < e.seq AND s.clientId IN (\(placeholders))
                    LEFT JOIN outbox_delivery d ON d.eventSeq = e.seq AND d.clientId = s.clientId
                    WHERE e.settled = 0 AND e.voided = 0 AND e.dueAt <= ? AND d.deliveredAt IS NULL
                    """,
                arguments: arguments) ?? 0
        }
    }

    /// Every event in the outbox, in order (for inspection and tests). O(n).
    public func outboxEvents() throws -> [OutboxEvent] {
        guard !isClosedForOutbox else { throw StoreClosedError(store: path) }
        return try database.read { db in
            let store = try OutboxSchema.storeID(db)
            return try Row.fetchAll(
                db, sql: "SELECT seq, type, bookingId, dueAt, body, settled, voided FROM outbox_event ORDER BY seq"
            ).map { row in
                try Self.event(
                    row, store: store, settled: try row.decode(Int64.self, forColumn: "settled") != 0,
                    voided: try row.decode(Int64.self, forColumn: "voided") != 0)
            }
        }
    }

    /// The clients a delivery of event `sequence` was recorded as delivered to.
    public func deliveredClients(ofEvent sequence: Int64) throws -> Set<String> {
        guard !isClosedForOutbox else { throw StoreClosedError(store: path) }
        return try database.read { db in
            try String.fetchSet(
                db, sql: "SELECT clientId FROM outbox_delivery WHERE eventSeq = ? AND deliveredAt IS NOT NULL",
                arguments: [sequence])
        }
    }

    private func writeOutbox<T>(_ body: (Database) throws -> T) throws -> T {
        guard !isClosedForOutbox else { throw StoreClosedError(store: path) }
        return try database.write(body)
    }

    private static func event(_ row: Row, store: String, settled: Bool, voided: Bool) throws -> OutboxEvent {
        let sequence: Int64 = try row.decode(forColumn: "seq")
        let text: String = try row.decode(forColumn: "type")
        guard let type = BookingEventType(rawValue: text) else {
            throw StoredBookingViolation(table: "outbox_event", rowID: sequence, rule: "unknown event type")
        }
        let booking: Int64 = try row.decode(forColumn: "bookingId")
        guard booking > 0 else {
            throw StoredBookingViolation(table: "outbox_event", rowID: sequence, rule: "booking id out of range")
        }
        return OutboxEvent(
            sequence: sequence, id: OutboxEvent.id(store: store, sequence: sequence), type: type,
            booking: BookingID(UInt64(booking)), dueAt: Instant(secondsSinceEpoch: try row.decode(forColumn: "dueAt")),
            body: try row.decode(forColumn: "body"),
            isSettled: settled, isVoided: voided)
    }
}
