extension AllocatorCore {
    /// Books `slot` outright for `citizen`. Refusals: unknown office/service, noSuchSlot, outsideBookingWindow,
    /// slotFull, dailyQuotaReached, nikLimitReached, accountLimitReached, idempotencyKeyReused. O(1) amortized.
    public mutating func book(
        _ slot: SlotRef, for citizen: Citizen, idempotencyKey: String? = nil, now: Instant
    ) -> Result<BookingReceipt, AllocationRefusal> {
        reserve(slot, for: citizen, state: .booked, idempotencyKey: idempotencyKey, now: now).map(receipt)
    }

    /// Holds `slot` for `rules.holdSeconds`; the hold counts against availability until confirmed or lapsed.
    public mutating func hold(
        _ slot: SlotRef, for citizen: Citizen, idempotencyKey: String? = nil, now: Instant
    ) -> Result<BookingReceipt, AllocationRefusal> {
        reserve(slot, for: citizen, state: .held, idempotencyKey: idempotencyKey, now: now).map(receipt)
    }

    /// Turns a live hold into a booking. Refusals: unknownBooking, notOwner, holdNotActive.
    public mutating func confirm(
        _ id: BookingID, by nikHash: NIKHash? = nil, now: Instant
    ) -> Result<BookingRecord, AllocationRefusal> {
        if let refusal = Self.timeRefusal(now) { return .failure(refusal) }
        expireHolds(now: now)
        guard let index = storedIndex(id) else { return .failure(.unknownBooking(id)) }
        if let nikHash, nikHash != niks.hashes[Int(bookings[index].nik)] { return .failure(.notOwner) }
        guard bookings[index].state == .held else { return .failure(.holdNotActive) }
        transition(id, to: .booked, now: now)
        scheduleNoShowCheck(id)
        return .success(record(at: index))
    }

    /// Cancels a hold or booking and frees its place. Refusals: unknownBooking, notOwner, bookingNotActive.
    public mutating func cancel(
        _ id: BookingID, by nikHash: NIKHash? = nil, now: Instant
    ) -> Result<BookingRecord, AllocationRefusal> {
        if let refusal = Self.timeRefusal(now) { return .failure(refusal) }
        expireHolds(now: now)
        guard let index = storedIndex(id) else { return .failure(.unknownBooking(id)) }
        if let nikHash, nikHash != niks.hashes[Int(bookings[index].nik)] { return .failure(.notOwner) }
        guard bookings[index].state.isActive else { return .failure(.bookingNotActive) }
        transition(id, to: .cancelled, now: now)
        return .success(record(at: index))
    }

    /// Moves a booking to another slot (any office offering the service) atomically: the old place is kept
    /// if the new one is refused. At most `rules.maxReschedules` times per booking. Old QR tokens stop working.
    public mutating func reschedule(
        _ id: BookingID, to slot: SlotRef, by nikHash: NIKHash? = nil, now: Instant
    ) -> Result<BookingRecord, AllocationRefusal> {
        if let refusal = Self.timeRefusal(now, slot.start) { return .failure(refusal) }
        expireHolds(now: now)
        guard let index = storedIndex(id) else { return .failure(.unknownBooking(id)) }
        if let nikHash, nikHash != niks.hashes[Int(bookings[index].nik)] { return .failure(.notOwner) }
        guard bookings[index].state == .booked else { return .failure(.bookingNotActive) }
        guard bookings[index].reschedules < rules.maxReschedules else { return .failure(.rescheduleLimitReached) }
        let old = position(ofBookingAt: index)
        guard slot.service == serviceIDs[Int(old.key.service)] else { return .failure(.serviceNotOffered) }
        let target: LedgerPosition
        switch position(of: slot) {
        case .success(let found): target = found
        case .failure(let refusal): return .failure(refusal)
        }
        if let refusal = bookingWindowRefusal(slot.start, now: now) { return .failure(refusal) }
        let oldPool = bookings[index].pool
        let oldPlace = Int(bookings[index].place)
        let oldMinutes = Int(bookings[index].appointmentMinutes)
        // Free the old place first so a move within the same full day or slot is judged fairly; undo on refusal.
        vacate(old, pool: oldPool)
        releasePlace(bookingAt: index)
        func undo() {
            takePlace(bookingAt: index, preferredPlace: oldPlace, storedMinutes: oldMinutes)
            occupy(old, pool: oldPool)
        }
        guard let pool = pickPool(at: target, isPriority: oldPool == .priority, walkIn: false) else {
            undo()
            return .failure(.slotFull)
        }
        if let refusal = quotaRefusal(target) {
            undo()
            return .failure(refusal)
        }
        // Office and slot start follow from the new ledger and slot.
        bookings[index].ledger = target.ledger
        bookings[index].slot = UInt16(target.slot)
        // The reserve first: a pooled place charges its minutes to it.
        bookings[index].pool = pool
        takePlace(bookingAt: index)
        occupy(target, pool: pool)
        bookings[index].reschedules += 1
        bookings[index].updatedAt = now.secondsSinceEpoch
        if journalsChanges { changed.append(id) }
        scheduleNoShowCheck(id)
        return .success(record(at: index))
    }

    /// Places a request by the policy: the policy picks among the earliest open slot of each candidate
    /// office, then the slot is booked (or held) with all checks. Refusal `noAvailability` when nothing fits.
    public mutating func place(_ request: PlacementRequest, now: Instant) -> Result<BookingReceipt, AllocationRefusal> {
        placement(request, now: now).map(receipt)
    }

    /// ``place(_:now:)`` answering only the booking's id, office and slot start, without building its
    /// ``BookingRecord``: for callers that place many requests and read three fields of each (the city
    /// simulator places a third of a million a simulated year). Same checks, same outcome.
    public mutating func placeBooking(
        _ request: PlacementRequest, now: Instant
    ) -> Result<PlacedBooking, AllocationRefusal> {
        placement(request, now: now).map { reservation in
            PlacedBooking(
                id: BookingID(UInt64(reservation.index + 1)),
                office: officeIDs[Int(position(ofBookingAt: reservation.index).key.office)],
                slotStart: slotStart(ofBookingAt: reservation.index),
                appointment: appointment(ofBookingAt: reservation.index))
        }
    }

    /// What a booking request decided: the booking's storage index, and whether an earlier request with
    /// the same idempotency key had made it. The public answers are built from this.
    typealias Reservation = (index: Int, isRepeat: Bool)

    func receipt(_ reservation: Reservation) -> BookingReceipt {
        BookingReceipt(booking: record(at: reservation.index), isRepeat: reservation.isRepeat)
    }

    mutating func placement(_ request: PlacementRequest, now: Instant) -> Result<Reservation, AllocationRefusal> {
        if let refusal = Self.timeRefusal(now, request.notBefore ?? now) { return .failure(refusal) }
        expireHolds(now: now)
        if let key = request.idempotencyKey,
            let index = idempotencyOwner(of: IdempotencyScope(nikHash: request.citizen.nikHash, key: key))
        {
            return serviceIDs[Int(position(ofBookingAt: index).key.service)] == request.service
                ? .success((index, true)) : .failure(.idempotencyKeyReused)
        }
        // Ids are resolved once here, not again per candidate office and for the chosen slot.
        guard let serviceNumber = serviceIndex[request.service] else {
            return .failure(.unknownService(request.service))
        }
        guard let homeNumber = officeIndex[request.homeOffice] else {
            return .failure(.unknownOffice(request.homeOffice))
        }
        let offices = candidateOffices(for: request, home: homeNumber, service: serviceNumber)
        let from = max(now, request.notBefore ?? now)
        let isPriority = request.citizen.isPriority
        // The buffers are moved out of `self` while in use (no copy, no exclusivity conflict) and back after.
        var candidates = placementCandidates
        var positions = placementPositions
        placementCandidates = []
        placementPositions = []
        defer {
            candidates.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            placementCandidates = candidates
            placementPositions = positions
        }
        for (office, number) in zip(offices.ids, offices.numbers) {
            guard let number,
                let position = earliestPosition(
                    service: serviceNumber, office: number, isPriority: isPriority, from: from, now: now)
            else { continue }
            candidates.append(
                slotAvailability(at: position, office: office, service: request.service, isPriority: isPriority))
            positions.append(position)
        }
        guard let chosen = policy.choose(from: candidates, for: request, in: directory) else {
            return .failure(.noAvailability)
        }
        let state: BookingState = request.holdOnly ? .held : .booked
        // A policy picks one of the candidates, whose position is known (and whose idempotency key was
        // checked above); anything else goes through the full path.
        if let match = candidates.firstIndex(where: { $0.slot == chosen.slot }) {
            return reserve(
                chosen.slot, at: positions[match], for: request.citizen, state: state,
                idempotencyKey: request.idempotencyKey, now: now)
        }
        return reserve(
            chosen.slot, for: request.citizen, state: state, idempotencyKey: request.idempotencyKey, now: now)
    }

    // MARK: - Shared checks

    mutating func reserve(
        _ slot: SlotRef, for citizen: Citizen, state: BookingState, idempotencyKey: String?, now: Instant
    ) -> Result<Reservation, AllocationRefusal> {
        if let refusal = Self.timeRefusal(now, slot.start) { return .failure(refusal) }
        expireHolds(now: now)
        if let idempotencyKey,
            let index = idempotencyOwner(of: IdempotencyScope(nikHash: citizen.nikHash, key: idempotencyKey))
        {
            let booking = record(at: index)
            let same =
                booking.service == slot.service
                && (booking.reschedules > 0
                    || booking.slotStart == slot.start
                        && booking.office == slot.office)
            return same ? .success((index, true)) : .failure(.idempotencyKeyReused)
        }
        let target: LedgerPosition
        switch position(of: slot) {
        case .success(let found): target = found
        case .failure(let refusal): return .failure(refusal)
        }
        return reserve(slot, at: target, for: citizen, state: state, idempotencyKey: idempotencyKey, now: now)
    }

    /// `reserve` of a slot already resolved to `target`, after holds were expired and the idempotency
    /// key was found unused.
    mutating func reserve(
        _ slot: SlotRef, at target: LedgerPosition, for citizen: Citizen, state: BookingState,
        idempotencyKey: String?, now: Instant
    ) -> Result<Reservation, AllocationRefusal> {
        if let refusal = bookingWindowRefusal(slot.start, now: now) { return .failure(refusal) }
        let active = niks.number(of: citizen.nikHash).map { Int(activeCounts[Int($0)]) } ?? 0
        if active >= rules.maxActiveBookingsPerNIK { return .failure(.nikLimitReached) }
        if let account = citizen.account, !accountHasRoom(account, now: now) { return .failure(.accountLimitReached) }
        if let refusal = quotaRefusal(target) { return .failure(refusal) }
        guard let pool = pickPool(at: target, isPriority: citizen.isPriority, walkIn: false) else {
            return .failure(.slotFull)
        }
        let index = append(
            at: target, citizen: citizen, pool: pool, state: state, idempotencyKey: idempotencyKey, now: now)
        return .success((index, false))
    }

    /// The storage position of booking `id`, or nil when there is no such booking (or it was retired).
    func storedIndex(_ id: BookingID) -> Int? {
        id.rawValue > UInt64(bookings.startIndex) && id.rawValue <= UInt64(bookings.endIndex)
            ? Int(id.rawValue - 1) : nil
    }

    mutating func scheduleNoShowCheck(_ id: BookingID) {
        let start = appointment(ofBookingAt: Int(id.rawValue - 1))
        noShowDeadlines.insert(Deadline(at: start.adding(minutes: rules.graceMinutesAfter), booking: id))
    }

    /// Slots must start after now + lead and fall on a local day within the horizon.
    func bookingWindowRefusal(_ start: Instant, now: Instant) -> AllocationRefusal? {
        guard start >= now.adding(minutes: rules.minimumLeadMinutes) else { return .outsideBookingWindow }
        let days = rules.timeZone.localDay(of: start) - rules.timeZone.localDay(of: now)
        return days <= rules.bookingHorizonDays ? nil : .outsideBookingWindow
    }

    func quotaRefusal(_ position: LedgerPosition) -> AllocationRefusal? {
        guard let quota = dailyQuotas[Int(position.key.service)] else { return nil }
        return Int(ledgers[Int(position.ledger)].occupied) >= quota ? .dailyQuotaReached : nil
    }

    /// The pool a new place comes from: priority citizens use the priority reserve first; walk-ins the
    /// walk-in reserve; everyone else the online pool. Nil when full.
    func pickPool(at position: LedgerPosition, isPriority: Bool, walkIn: Bool) -> CapacityPool? {
        let ledger = Int(position.ledger)
        let slot = Int(position.slot)
        if isPriority, remaining(.priority, ledger: ledger, slot: slot) > 0 { return .priority }
        let pool: CapacityPool = walkIn ? .walkIn : .online
        return remaining(pool, ledger: ledger, slot: slot) > 0 ? pool : nil
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
