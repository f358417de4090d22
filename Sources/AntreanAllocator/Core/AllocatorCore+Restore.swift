extension AllocatorCore {
    /// Rebuilds an allocator from persisted records (any order; ids must be exactly 1…n).
    /// O(n log n) for the deadline heaps; ledgers, NIK counts, account windows and idempotency keys are
    /// derived from the records alone, so reopening reproduces the state exactly.
    public init(
        configuration: AllocatorConfiguration, policy: any AllocationPolicy = HomeOfficeEarliestPolicy(),
        tokenSigner: QRTokenSigner, journalsChanges: Bool = true, restoring records: [BookingRecord]
    ) throws(RestoreError) {
        do {
            try self.init(
                configuration: configuration, policy: policy, tokenSigner: tokenSigner, journalsChanges: journalsChanges
            )
        } catch {
            throw .configuration(error)
        }
        // Stores usually return records in id order; sort only when they do not.
        let inOrder = zip(records, records.dropFirst()).allSatisfy { $0.id < $1.id }
        let ordered = inOrder ? records : records.sorted { $0.id < $1.id }
        // At most one new citizen per record: reserving for all of them avoids any regrowth.
        reserveCapacity(bookings: ordered.count)
        var holds: [Deadline] = []
        var noShows: [Deadline] = []
        for (offset, record) in ordered.enumerated() {
            guard record.id.rawValue == UInt64(offset + 1) else {
                throw .gapInBookingIDs(expected: BookingID(UInt64(offset + 1)))
            }
            let slot = SlotRef(office: record.office, service: record.service, start: record.slotStart)
            guard case .success(let position) = position(of: slot) else { throw .slotNotInConfiguration(record.id) }
            let stored = store(
                at: position, nikHash: record.nikHash, account: record.account, pool: record.pool, state: record.state,
                createdAt: record.createdAt, updatedAt: record.updatedAt, holdExpiresAt: record.holdExpiresAt,
                checkedInAt: record.checkedInAt, reschedules: record.reschedules, idempotencyKey: record.idempotencyKey)
            index(
                bookingAt: stored, nikHash: record.nikHash, account: record.account,
                idempotencyKey: record.idempotencyKey, scheduleDeadlines: false)
            if record.state == .held, let expiry = record.holdExpiresAt {
                holds.append(Deadline(at: expiry, booking: record.id))
            }
            if record.state == .booked {
                noShows.append(
                    Deadline(at: record.slotStart.adding(minutes: rules.graceMinutesAfter), booking: record.id))
            }
        }
        // O(n): every entry is appended to its bucket.
        holdDeadlines = DeadlineQueue(holds)
        noShowDeadlines = DeadlineQueue(noShows)
    }
}

/// Why persisted state could not be loaded.
public enum RestoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case configuration(ConfigurationError)
    case gapInBookingIDs(expected: BookingID)
    /// The booking's slot no longer exists in the configuration (office removed, hours changed, …).
    case slotNotInConfiguration(BookingID)
    case store(String)

    public var description: String {
        switch self {
        case .configuration(let error): "configuration: \(error)"
        case .gapInBookingIDs(let expected): "booking \(expected) is missing from the store"
        case .slotNotInConfiguration(let id): "booking \(id) refers to a slot the configuration does not have"
        case .store(let message): "store: \(message)"
        }
    }
}
