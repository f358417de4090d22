extension AllocatorCore {
    /// Rebuilds an allocator from persisted records (any order; ids must be exactly 1…n).
    /// O(n log n) for the deadline heaps; ledgers, NIK counts, account windows and idempotency keys are
    /// derived from the records alone, so reopening reproduces the state exactly.
    ///
    /// Every record is checked against the rules the allocator keeps while running, before it is
    /// counted: a booking number used twice, an instant outside 1970…9999, a negative reschedule count,
    /// a slot pool over its capacity, a NIK over its limit of active bookings, an idempotency key used
    /// twice. Such a store was not written by one allocator (two writers, a hand edit, a damaged file),
    /// and counting it would trap (the 16-bit slot counters) or serve a wrong state; it is refused with
    /// `RestoreError.invalidStoredBooking`, naming the row and the rule.
    public init(
        configuration: AllocatorConfiguration, policy: any AllocationPolicy = HomeOfficeEarliestPolicy(),
        tokenSigner: QRTokenSigner, journalsChanges: Bool = true, restoring records: [BookingRecord]
    ) throws(RestoreError) {
        try self.init(
            emptyForRestoring: configuration, policy: policy, tokenSigner: tokenSigner, journalsChanges: journalsChanges
        )
        // Stores usually return records in id order; sort only when they do not.
        let inOrder = zip(records, records.dropFirst()).allSatisfy { $0.id < $1.id }
        let ordered = inOrder ? records : records.sorted { $0.id < $1.id }
        // At most one new citizen per record: reserving for all of them avoids any regrowth.
        reserveCapacity(bookings: ordered.count, keys: ordered.count { $0.idempotencyKey != nil })
        var restoration = Restoration()
        try restore(ordered, into: &restoration)
        finish(restoration)
    }

    /// Rebuilds an allocator from `store`, reading its records in chunks of `chunkSize`
    /// (`AllocatorStore.loadBookings(inChunksOf:_:)`): the same checks and the same state as
    /// `init(…restoring:)`, without the whole array of records in memory at once (for 400,000 bookings
    /// that array was more than a third of the start's peak). The store gives the records in ascending
    /// id order. O(n log n), O(state + chunk) memory.
    public init(
        configuration: AllocatorConfiguration, policy: any AllocationPolicy = HomeOfficeEarliestPolicy(),
        tokenSigner: QRTokenSigner, journalsChanges: Bool = true, restoringFrom store: any AllocatorStore,
        chunkSize: Int = 16_384
    ) throws(RestoreError) {
        try self.init(
            emptyForRestoring: configuration, policy: policy, tokenSigner: tokenSigner, journalsChanges: journalsChanges
        )
        var restoration = Restoration()
        var core = self
        do {
            let keys = try store.idempotencyKeyCount() ?? 0
            try store.loadBookings(inChunksOf: chunkSize) { chunk, total in
                if restoration.restored == 0 { core.reserveCapacity(bookings: total, keys: min(keys, total)) }
                try core.restore(chunk, into: &restoration)
            }
        } catch let error as RestoreError {
            throw error
        } catch let violation as StoredBookingViolation {
            throw .invalidStoredBooking(violation)
        } catch {
            throw .store("\(error)")
        }
        core.finish(restoration)
        self = core
    }

    /// A fresh allocator for a restore to fill: the configuration's errors as `RestoreError.configuration`.
    private init(
        emptyForRestoring configuration: AllocatorConfiguration, policy: any AllocationPolicy,
        tokenSigner: QRTokenSigner, journalsChanges: Bool
    ) throws(RestoreError) {
        do {
            try self.init(
                configuration: configuration, policy: policy, tokenSigner: tokenSigner, journalsChanges: journalsChanges
            )
        } catch {
            throw .configuration(error)
        }
    }

    /// What a restore carries from one chunk of records to the next.
    struct Restoration {
        var restored = 0
        var lastID: BookingID?
        var holds: [Deadline] = []
        var noShows: [Deadline] = []
    }

    /// Restores `records`, the next ones in ascending id order (ids must continue 1…n without a gap).
    private mutating func restore(_ records: [BookingRecord], into restoration: inout Restoration) throws(RestoreError)
    {
        for record in records {
            let expected = UInt64(restoration.restored + 1)
            guard record.id.rawValue == expected else {
                if restoration.lastID == record.id {
                    throw .invalidStoredBooking(
                        Self.violation(
                            record, "booking number \(record.id) is stored twice (booking numbers are unique)"))
                }
                throw .gapInBookingIDs(expected: BookingID(expected))
            }
            restoration.restored += 1
            restoration.lastID = record.id
            try Self.checkFields(of: record)
            let slot = SlotRef(office: record.office, service: record.service, start: record.slotStart)
            guard case .success(let position) = position(of: slot) else { throw .slotNotInConfiguration(record.id) }
            let minutes = try appointmentMinutes(of: record, at: position)
            try checkRoom(for: record, at: position, minute: minutes)
            let stored = store(
                at: position, nikHash: record.nikHash, account: record.account, pool: record.pool, state: record.state,
                createdAt: record.createdAt, updatedAt: record.updatedAt, holdExpiresAt: record.holdExpiresAt,
                checkedInAt: record.checkedInAt, reschedules: record.reschedules, idempotencyKey: record.idempotencyKey)
            if record.state.isActive, activeCounts[Int(bookings[stored].nik)] >= rules.maxActiveBookingsPerNIK {
                throw .invalidStoredBooking(
                    Self.violation(
                        record,
                        "its citizen already has \(rules.maxActiveBookingsPerNIK) held or booked bookings"
                            + " (the limit per NIK)"))
            }
            if let key = record.idempotencyKey,
                let other = idempotencyOwner(of: IdempotencyScope(nikHash: record.nikHash, key: key))
            {
                throw .invalidStoredBooking(
                    Self.violation(record, "its citizen's idempotency key is also used by booking \(other + 1)"))
            }
            index(
                bookingAt: stored, nikHash: record.nikHash, account: record.account,
                idempotencyKey: record.idempotencyKey, scheduleDeadlines: false, storedMinutes: minutes)
            if record.state == .held, let expiry = record.holdExpiresAt {
                restoration.holds.append(Deadline(at: expiry, booking: record.id))
            }
            if record.state == .booked {
                restoration.noShows.append(
                    Deadline(at: record.appointment.adding(minutes: rules.graceMinutesAfter), booking: record.id))
            }
        }
    }

    /// Builds the deadline queues once every record is restored. O(n): each entry goes to its bucket.
    private mutating func finish(_ restoration: Restoration) {
        holdDeadlines = DeadlineQueue(restoration.holds)
        noShowDeadlines = DeadlineQueue(restoration.noShows)
    }

    /// Fields whose range the arithmetic relies on: instants within 1970…9999, reschedules ≥ 0.
    /// (No array of fields: this runs for each of a million rows on reopening.)
    private static func checkFields(of record: BookingRecord) throws(RestoreError) {
        func check(_ field: String, _ instant: Instant?) throws(RestoreError) {
            guard let instant, !StoredInstantRange.seconds.contains(instant.secondsSinceEpoch) else { return }
            throw .invalidStoredBooking(
                violation(record, "\(field) \(instant.secondsSinceEpoch) lies outside 1970-01-01…9999-12-31 (UTC)"))
        }
        try check("slotStart", record.slotStart)
        try check("appointment", record.appointment)
        try check("createdAt", record.createdAt)
        try check("updatedAt", record.updatedAt)
        try check("holdExpiresAt", record.holdExpiresAt)
        try check("checkedInAt", record.checkedInAt)
        if record.reschedules < 0 {
            throw .invalidStoredBooking(violation(record, "reschedules \(record.reschedules) is negative"))
        }
    }

    /// A booking that occupies a place needs one left in its pool of its slot: a slot never holds more
    /// than its capacity (which also keeps the 16-bit slot counters in range). On a pooled day its
    /// segment from its stored `minute` must fit the unsold minutes of every interval it is charged to.
    private mutating func checkRoom(
        for record: BookingRecord, at position: LedgerPosition, minute: Int
    ) throws(RestoreError) {
        guard record.state.occupiesCapacity else { return }
        let ledger = ledgers[Int(position.ledger)]
        guard rows.remaining(record.pool, of: ledger, at: Int(position.slot)) <= 0 else {
            guard !pooledFits(record.pool, at: position, minute: minute) else { return }
            throw .invalidStoredBooking(
                Self.violation(
                    record,
                    "the pooled counters of \(record.office) have too few \(record.pool.rawValue) counter-minutes"
                        + " left for its \(pooledMinutes(ledger: Int(position.ledger))) minutes from"
                        + " \(record.appointment) (capacity per interval)"))
        }
        let limit = rows.limits(of: ledger, at: Int(position.slot))
        let places =
            switch record.pool {
            case .online: limit.online
            case .walkIn: limit.walkIn
            case .priority: limit.priority
            }
        throw .invalidStoredBooking(
            Self.violation(
                record,
                "slot \(record.office)/\(record.service)/\(record.slotStart) already holds its \(places)"
                    + " \(record.pool.rawValue) place(s) (capacity per slot)"))
    }

    /// Whole minutes from the record's slot start to its appointment, which must lie inside the slot.
    /// The booking keeps them even where the configuration no longer gives individual times (its
    /// citizen was told that minute).
    private func appointmentMinutes(of record: BookingRecord, at position: LedgerPosition) throws(RestoreError) -> Int {
        let offset = record.appointment.secondsSinceEpoch - record.slotStart.secondsSinceEpoch
        guard offset >= 0, offset < ledgers[Int(position.ledger)].slotSeconds, offset % 60 == 0 else {
            throw .invalidStoredBooking(
                Self.violation(
                    record,
                    "appointment \(record.appointment) is not a whole minute inside its slot \(record.slotStart)"))
        }
        return Int(offset / 60)
    }

    private static func violation(_ record: BookingRecord, _ rule: String) -> StoredBookingViolation {
        StoredBookingViolation(rowID: Int64(clamping: record.id.rawValue), rule: rule)
    }
}

/// Why persisted state could not be loaded.
public enum RestoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case configuration(ConfigurationError)
    case gapInBookingIDs(expected: BookingID)
    /// The booking's slot no longer exists in the configuration (office removed, hours changed, …).
    case slotNotInConfiguration(BookingID)
    /// A stored row breaks a rule the allocator keeps (see `StoredBookingViolation`).
    case invalidStoredBooking(StoredBookingViolation)
    /// The store could not be read.
    case store(String)

    public var description: String {
        switch self {
        case .configuration(let error): "configuration: \(error)"
        case .gapInBookingIDs(let expected): "booking \(expected) is missing from the store"
        case .slotNotInConfiguration(let id): "booking \(id) refers to a slot the configuration does not have"
        case .invalidStoredBooking(let violation): "the store breaks a rule of the allocator: \(violation)"
        case .store(let message): "store: \(message)"
        }
    }
}
