extension AllocatorCore {
    /// Books `slot` outright for `citizen`. Refusals: unknown office/service, noSuchSlot, outsideBookingWindow,
    /// slotFull, dailyQuotaReached, nikLimitReached, accountLimitReached, idempotencyKeyReused. O(1) amortized.
    public mutating func book(
        _ slot: SlotRef, for citizen: Citizen, idempotencyKey: String? = nil, now: Instant
    ) -> Result<BookingReceipt, AllocationRefusal> {
        reserve(slot, for: citizen, state: .booked, idempotencyKey: idempotencyKey, now: now)
    }

    /// Holds `slot` for `rules.holdSeconds`; the hold counts against availability until confirmed or lapsed.
    public mutating func hold(
        _ slot: SlotRef, for citizen: Citizen, idempotencyKey: String? = nil, now: Instant
    ) -> Result<BookingReceipt, AllocationRefusal> {
        reserve(slot, for: citizen, state: .held, idempotencyKey: idempotencyKey, now: now)
    }

    /// Turns a live hold into a booking. Refusals: unknownBooking, notOwner, holdNotActive.
    public mutating func confirm(
        _ id: BookingID, by nikHash: NIKHash? = nil, now: Instant
    ) -> Result<BookingRecord, AllocationRefusal> {
        expireHolds(now: now)
        guard let booking = booking(id) else { return .failure(.unknownBooking(id)) }
        if let nikHash, nikHash != booking.nikHash { return .failure(.notOwner) }
        guard booking.state == .held else { return .failure(.holdNotActive) }
        transition(id, to: .booked, now: now)
        scheduleNoShowCheck(id)
        return .success(bookings[Int(id.rawValue - 1)])
    }

    /// Cancels a hold or booking and frees its place. Refusals: unknownBooking, notOwner, bookingNotActive.
    public mutating func cancel(
        _ id: BookingID, by nikHash: NIKHash? = nil, now: Instant
    ) -> Result<BookingRecord, AllocationRefusal> {
        expireHolds(now: now)
        guard let booking = booking(id) else { return .failure(.unknownBooking(id)) }
        if let nikHash, nikHash != booking.nikHash { return .failure(.notOwner) }
        guard booking.state.isActive else { return .failure(.bookingNotActive) }
        transition(id, to: .cancelled, now: now)
        return .success(bookings[Int(id.rawValue - 1)])
    }

    /// Moves a booking to another slot (any office offering the service) atomically: the old place is kept
    /// if the new one is refused. At most `rules.maxReschedules` times per booking. Old QR tokens stop working.
    public mutating func reschedule(
        _ id: BookingID, to slot: SlotRef, by nikHash: NIKHash? = nil, now: Instant
    ) -> Result<BookingRecord, AllocationRefusal> {
        expireHolds(now: now)
        guard var booking = booking(id) else { return .failure(.unknownBooking(id)) }
        if let nikHash, nikHash != booking.nikHash { return .failure(.notOwner) }
        guard booking.state == .booked else { return .failure(.bookingNotActive) }
        guard booking.reschedules < rules.maxReschedules else { return .failure(.rescheduleLimitReached) }
        guard slot.service == booking.service else { return .failure(.serviceNotOffered) }
        let target: LedgerPosition
        switch position(of: slot) {
        case .success(let found): target = found
        case .failure(let refusal): return .failure(refusal)
        }
        if let refusal = bookingWindowRefusal(slot.start, now: now) { return .failure(refusal) }
        let old = positions[Int(id.rawValue - 1)]
        let oldPool = booking.pool
        // Free the old place first so a move within the same full day or slot is judged fairly; undo on refusal.
        vacate(old, pool: oldPool)
        guard let pool = pickPool(at: target, isPriority: oldPool == .priority, walkIn: false) else {
            occupy(old, pool: oldPool)
            return .failure(.slotFull)
        }
        if let refusal = quotaRefusal(target) {
            occupy(old, pool: oldPool)
            return .failure(refusal)
        }
        occupy(target, pool: pool)
        positions[Int(id.rawValue - 1)] = target
        booking.office = slot.office
        booking.slotStart = slot.start
        booking.pool = pool
        booking.reschedules += 1
        booking.updatedAt = now
        record(booking)
        scheduleNoShowCheck(id)
        return .success(booking)
    }

    /// Places a request by the policy: the policy picks among the earliest open slot of each candidate
    /// office, then the slot is booked (or held) with all checks. Refusal `noAvailability` when nothing fits.
    public mutating func place(_ request: PlacementRequest, now: Instant) -> Result<BookingReceipt, AllocationRefusal> {
        expireHolds(now: now)
        if let key = request.idempotencyKey,
            let existing = idempotency[IdempotencyScope(nikHash: request.citizen.nikHash, key: key)]
        {
            let booking = bookings[Int(existing.rawValue - 1)]
            return booking.service == request.service
                ? .success(BookingReceipt(booking: booking, isRepeat: true)) : .failure(.idempotencyKeyReused)
        }
        guard serviceIndex[request.service] != nil else { return .failure(.unknownService(request.service)) }
        guard officeIndex[request.homeOffice] != nil else { return .failure(.unknownOffice(request.homeOffice)) }
        let offices = policy.candidateOffices(for: request, in: directory)
        var candidates: [SlotAvailability] = []
        candidates.reserveCapacity(offices.count)
        for office in offices {
            if let first = earliestSlot(
                service: request.service, office: office, isPriority: request.citizen.isPriority,
                from: max(now, request.notBefore ?? now), now: now)
            {
                candidates.append(first)
            }
        }
        guard let chosen = policy.choose(from: candidates, for: request, in: directory) else {
            return .failure(.noAvailability)
        }
        return reserve(
            chosen.slot, for: request.citizen, state: request.holdOnly ? .held : .booked,
            idempotencyKey: request.idempotencyKey, now: now)
    }

    // MARK: - Shared checks

    mutating func reserve(
        _ slot: SlotRef, for citizen: Citizen, state: BookingState, idempotencyKey: String?, now: Instant
    ) -> Result<BookingReceipt, AllocationRefusal> {
        expireHolds(now: now)
        if let idempotencyKey,
            let existing = idempotency[IdempotencyScope(nikHash: citizen.nikHash, key: idempotencyKey)]
        {
            let booking = bookings[Int(existing.rawValue - 1)]
            let same =
                booking.service == slot.service
                && (booking.reschedules > 0
                    || booking.slotStart == slot.start
                        && booking.office == slot.office)
            return same ? .success(BookingReceipt(booking: booking, isRepeat: true)) : .failure(.idempotencyKeyReused)
        }
        let target: LedgerPosition
        switch position(of: slot) {
        case .success(let found): target = found
        case .failure(let refusal): return .failure(refusal)
        }
        if let refusal = bookingWindowRefusal(slot.start, now: now) { return .failure(refusal) }
        if activeByNIK[citizen.nikHash, default: 0] >= rules.maxActiveBookingsPerNIK {
            return .failure(.nikLimitReached)
        }
        if let account = citizen.account, !accountHasRoom(account, now: now) { return .failure(.accountLimitReached) }
        if let refusal = quotaRefusal(target) { return .failure(refusal) }
        guard let pool = pickPool(at: target, isPriority: citizen.isPriority, walkIn: false) else {
            return .failure(.slotFull)
        }
        let booking = append(
            slot: slot, position: target, citizen: citizen, pool: pool, state: state, idempotencyKey: idempotencyKey,
            now: now)
        return .success(BookingReceipt(booking: booking, isRepeat: false))
    }

    /// Creates a new booking record and updates every index. O(log n) for the deadline heaps.
    mutating func append(
        slot: SlotRef, position: LedgerPosition, citizen: Citizen, pool: CapacityPool, state: BookingState,
        idempotencyKey: String?, now: Instant
    ) -> BookingRecord {
        let id = BookingID(UInt64(bookings.count + 1))
        let holdExpiry = state == .held ? now.adding(seconds: rules.holdSeconds) : nil
        let booking = BookingRecord(
            id: id, office: slot.office, service: slot.service, slotStart: slot.start, nikHash: citizen.nikHash,
            account: citizen.account, pool: pool, state: state, createdAt: now, updatedAt: now,
            holdExpiresAt: holdExpiry, reschedules: 0, idempotencyKey: idempotencyKey,
            checkedInAt: state == .checkedIn ? now : nil)
        bookings.append(booking)
        positions.append(position)
        if journalsChanges { changed.append(id) }
        index(booking, at: position)
        return booking
    }

    /// Adds a (new or restored) booking to ledgers, counts, idempotency and deadline heaps.
    mutating func index(_ booking: BookingRecord, at position: LedgerPosition, scheduleDeadlines: Bool = true) {
        if booking.state.occupiesCapacity { occupy(position, pool: booking.pool) }
        if booking.state.isActive { activeByNIK[booking.nikHash, default: 0] += 1 }
        if let account = booking.account {
            accountHistory[account, default: []].append(booking.createdAt)
        }
        if let key = booking.idempotencyKey {
            idempotency[IdempotencyScope(nikHash: booking.nikHash, key: key)] = booking.id
        }
        guard scheduleDeadlines else { return }
        if booking.state == .held, let expiry = booking.holdExpiresAt {
            holdDeadlines.insert(Deadline(at: expiry, booking: booking.id))
        }
        if booking.state == .booked { scheduleNoShowCheck(booking.id) }
    }

    mutating func scheduleNoShowCheck(_ id: BookingID) {
        let booking = bookings[Int(id.rawValue - 1)]
        noShowDeadlines.insert(Deadline(at: booking.slotStart.adding(minutes: rules.graceMinutesAfter), booking: id))
    }

    /// Slots must start after now + lead and fall on a local day within the horizon.
    func bookingWindowRefusal(_ start: Instant, now: Instant) -> AllocationRefusal? {
        guard start >= now.adding(minutes: rules.minimumLeadMinutes) else { return .outsideBookingWindow }
        let zone = rules.timeZone
        let days = zone.localDate(of: start).daysSinceEpoch - zone.localDate(of: now).daysSinceEpoch
        return days <= rules.bookingHorizonDays ? nil : .outsideBookingWindow
    }

    func quotaRefusal(_ position: LedgerPosition) -> AllocationRefusal? {
        guard let quota = configuration.services[Int(position.key.service)].dailyQuota else { return nil }
        return ledgers[Int(position.ledger)].occupied >= quota ? .dailyQuotaReached : nil
    }

    /// The pool a new place comes from: priority citizens use the priority reserve first; walk-ins the
    /// walk-in reserve; everyone else the online pool. Nil when full.
    func pickPool(at position: LedgerPosition, isPriority: Bool, walkIn: Bool) -> CapacityPool? {
        let ledger = Int(position.ledger)
        let slot = Int(position.slot)
        if isPriority, ledgers[ledger].remaining(.priority, at: slot) > 0 { return .priority }
        let pool: CapacityPool = walkIn ? .walkIn : .online
        return ledgers[ledger].remaining(pool, at: slot) > 0 ? pool : nil
    }

    /// Sliding window: drops entries older than the window, then checks the count. O(1) amortized.
    mutating func accountHasRoom(_ account: AccountID, now: Instant) -> Bool {
        guard var history = accountHistory[account] else { return true }
        let windowStart = now.adding(seconds: -rules.accountWindowSeconds)
        if let firstRecent = history.firstIndex(where: { $0 > windowStart }), firstRecent > 0 {
            history.removeFirst(firstRecent)
            accountHistory[account] = history
        } else if history.last.map({ $0 <= windowStart }) ?? false {
            accountHistory[account] = nil
            return true
        }
        return history.count < rules.maxBookingsPerAccountPerWindow
    }
}
