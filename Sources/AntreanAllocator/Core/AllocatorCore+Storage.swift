extension AllocatorCore {
    /// The public record of the booking at `index` (id − 1), built from its compact form. O(1).
    func record(at index: Int) -> BookingRecord {
        let stored = bookings[index]
        let key = ledgers[Int(stored.ledger)].key
        return BookingRecord(
            id: BookingID(UInt64(index + 1)), office: officeIDs[Int(key.office)], service: serviceIDs[Int(key.service)],
            slotStart: slotStart(ofBookingAt: index), appointment: appointment(ofBookingAt: index),
            nikHash: niks.hashes[Int(stored.nik)],
            account: stored.account >= 0 ? accountIDs[Int(stored.account)] : nil, pool: stored.pool,
            state: stored.state, createdAt: Instant(secondsSinceEpoch: stored.createdAt),
            updatedAt: Instant(secondsSinceEpoch: stored.updatedAt),
            holdExpiresAt: StoredBooking.decode(stored.holdExpiresAt), reschedules: stored.reschedules,
            idempotencyKey: stored.hasIdempotencyKey ? idempotency.key(at: index) : nil,
            checkedInAt: StoredBooking.decode(stored.checkedInAt))
    }

    /// The index of the booking that `scope` (a citizen's idempotency key) made, if it is held. O(1) expected.
    func idempotencyOwner(of scope: IdempotencyScope) -> Int? {
        idempotency.position(of: scope) { niks.hashes[Int(bookings[$0].nik)] }
    }

    /// Where the booking at `index` sits in the ledgers. O(1).
    func position(ofBookingAt index: Int) -> LedgerPosition {
        let ledger = bookings[index].ledger
        return LedgerPosition(key: ledgers[Int(ledger)].key, ledger: ledger, slot: Int32(bookings[index].slot))
    }

    /// The start of the booking's slot, from its ledger's grid. O(1).
    func slotStart(ofBookingAt index: Int) -> Instant {
        Instant(secondsSinceEpoch: ledgers[Int(bookings[index].ledger)].slotStart(Int(bookings[index].slot)))
    }

    /// The number of `account`, numbering it on first use. O(1) expected.
    mutating func accountNumber(_ account: AccountID) -> Int32 {
        if let number = accountNumbers[account] { return number }
        let number = Int32(accountIDs.count)
        accountIDs.append(account)
        accountNumbers[account] = number
        return number
    }

    /// The NIK number for a new booking by `hash` in `state` (shared with the NIK's other active
    /// bookings, whose count `index(bookingAt:…)` then raises). O(1) expected.
    mutating func nikNumber(_ hash: NIKHash, state: BookingState) -> Int32 {
        let number = niks.number(forBookingBy: hash, active: state.isActive)
        if Int(number) == activeCounts.endIndex { activeCounts.append(0) }
        return number
    }

    /// Appends the compact form of a booking (new or restored) and returns its index; indexes are
    /// updated by `index(bookingAt:…)`. O(1) amortized.
    mutating func store(
        at position: LedgerPosition, nikHash: NIKHash, account: AccountID?, pool: CapacityPool, state: BookingState,
        createdAt: Instant, updatedAt: Instant, holdExpiresAt: Instant?, checkedInAt: Instant?, reschedules: Int,
        idempotencyKey: String?
    ) -> Int {
        let index = bookings.endIndex
        bookings.append(
            StoredBooking(
                createdAt: createdAt.secondsSinceEpoch, updatedAt: updatedAt.secondsSinceEpoch,
                holdExpiresAt: StoredBooking.encode(holdExpiresAt), checkedInAt: StoredBooking.encode(checkedInAt),
                reschedules: reschedules, ledger: position.ledger, nik: nikNumber(nikHash, state: state),
                account: account.map { accountNumber($0) } ?? -1, slot: UInt16(position.slot), pool: pool,
                state: state, hasIdempotencyKey: idempotencyKey != nil))
        idempotency.appendKey(idempotencyKey)
        return index
    }

    /// Creates a new booking and updates every index. O(log n) for the deadline heaps.
    mutating func append(
        at position: LedgerPosition, citizen: Citizen, pool: CapacityPool, state: BookingState,
        idempotencyKey: String?, now: Instant
    ) -> Int {
        let index = store(
            at: position, nikHash: citizen.nikHash, account: citizen.account, pool: pool, state: state,
            createdAt: now, updatedAt: now,
            holdExpiresAt: state == .held ? now.adding(seconds: rules.holdSeconds) : nil,
            checkedInAt: state == .checkedIn ? now : nil, reschedules: 0, idempotencyKey: idempotencyKey)
        if journalsChanges { changed.append(BookingID(UInt64(index + 1))) }
        self.index(bookingAt: index, nikHash: citizen.nikHash, account: citizen.account, idempotencyKey: idempotencyKey)
        return index
    }

    /// Adds a stored (new or restored) booking to ledgers, counts, account windows, idempotency and
    /// (unless restoring, which builds the heaps at once) the deadline heaps.
    ///
    /// `storedMinutes`: a restored booking's minutes from its slot's start to its appointment, which
    /// it keeps (a new booking is given the lowest free place of its slot, see `takePlace`).
    mutating func index(
        bookingAt index: Int, nikHash: NIKHash, account: AccountID?, idempotencyKey: String?,
        scheduleDeadlines: Bool = true, storedMinutes: Int? = nil
    ) {
        let id = BookingID(UInt64(index + 1))
        if bookings[index].state.occupiesCapacity {
            takePlace(bookingAt: index, storedMinutes: storedMinutes)
            occupy(position(ofBookingAt: index), pool: bookings[index].pool)
        } else if let storedMinutes {
            bookings[index].appointmentMinutes = UInt16(clamping: storedMinutes)
        }
        let stored = bookings[index]
        if stored.state.isActive { activeCounts[Int(stored.nik)] += 1 }
        if let account {
            accountHistory[account, default: []].append(Instant(secondsSinceEpoch: stored.createdAt))
        }
        if let idempotencyKey {
            // Copies of the two arrays (references, no copying) read the NIK hash of a position while the
            // index is mutated.
            let stored = bookings
            let hashes = niks.hashes
            idempotency.insert(IdempotencyScope(nikHash: nikHash, key: idempotencyKey), at: index) {
                hashes[Int(stored[$0].nik)]
            }
        }
        guard scheduleDeadlines else { return }
        if stored.state == .held, let expiry = StoredBooking.decode(stored.holdExpiresAt) {
            holdDeadlines.insert(Deadline(at: expiry, booking: id))
        }
        if stored.state == .booked { scheduleNoShowCheck(id) }
    }
}
