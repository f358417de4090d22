extension AllocatorCore {
    /// The signed QR token for a booking (booked, or released as a no-show but still re-queueable today),
    /// valid until the slot's office closes that local day.
    public mutating func issueToken(for id: BookingID, now: Instant) -> Result<String, AllocationRefusal> {
        expireHolds(now: now)
        guard let booking = booking(id) else { return .failure(.unknownBooking(id)) }
        guard booking.state == .booked || booking.state == .noShow else { return .failure(.bookingNotActive) }
        let claims = QRTokenClaims(
            keyID: tokenSigner.currentKeyID, booking: id, office: booking.office, slotStart: booking.slotStart,
            nikHash: booking.nikHash, expiresAt: dayClose(of: id))
        return .success(tokenSigner.sign(claims))
    }

    /// Checks a citizen in by QR token at `office`.
    ///
    /// On time within [slot − `checkInOpensMinutesBefore`, slot + `graceMinutesAfter`]; later the same day the
    /// citizen is re-queued after `requeueAfterOthers` others. Refusals (`.token(…)`): malformed, forged, altered,
    /// revoked (cancelled or moved), replayed (single use), wrongOffice, expired, outsideWindow (too early).
    public mutating func checkIn(
        token: String, at office: OfficeID, now: Instant
    ) -> Result<CheckInReceipt, AllocationRefusal> {
        expireHolds(now: now)
        let claims: QRTokenClaims
        switch tokenSigner.verify(token) {
        case .malformed: return .failure(.token(.malformed))
        case .badSignature(let claimed):
            // A bad tag on a token naming a real booking is a genuine token someone edited.
            let real = claimed.flatMap { booking($0) } != nil
            return .failure(.token(real ? .altered : .forged))
        case .valid(let verified): claims = verified
        }
        guard let booking = booking(claims.booking), booking.nikHash == claims.nikHash else {
            return .failure(.token(.forged))
        }
        switch booking.state {
        case .checkedIn, .requeued: return .failure(.token(.replayed))
        case .cancelled, .expired, .held: return .failure(.token(.revoked))
        case .booked, .noShow: break
        }
        guard booking.office == claims.office, booking.slotStart == claims.slotStart else {
            return .failure(.token(.revoked))
        }
        guard claims.office == office else { return .failure(.token(.wrongOffice)) }
        guard now <= claims.expiresAt else { return .failure(.token(.expired)) }
        guard now >= booking.slotStart.adding(minutes: -rules.checkInOpensMinutesBefore) else {
            return .failure(.token(.outsideWindow))
        }
        let onTime = now <= booking.slotStart.adding(minutes: rules.graceMinutesAfter) && booking.state == .booked
        transition(claims.booking, to: onTime ? .checkedIn : .requeued, now: now)
        bookings[Int(claims.booking.rawValue - 1)].checkedInAt = now
        return .success(
            CheckInReceipt(
                booking: bookings[Int(claims.booking.rawValue - 1)],
                timing: onTime ? .onTime : .requeued(afterOthers: rules.requeueAfterOthers)))
    }

    /// Releases every booking not checked in by slot start + grace: its place, and the NIK's active count.
    /// Returns the released ids in deadline order. O(k log n) for k due deadlines.
    public mutating func releaseNoShows(now: Instant) -> [BookingID] {
        expireHolds(now: now)
        var released: [BookingID] = []
        while let next = noShowDeadlines.min, next.at < now {
            noShowDeadlines.removeMin()
            // Fields read in place: a record copy per sweep entry showed in profiles.
            let index = Int(next.booking.rawValue - 1)
            // Stale entries (rescheduled, cancelled, served) are skipped.
            guard bookings[index].state == .booked,
                bookings[index].slotStart.adding(minutes: rules.graceMinutesAfter) == next.at
            else { continue }
            transition(next.booking, to: .noShow, now: now)
            released.append(next.booking)
        }
        return released
    }

    /// Registers a citizen who walked in at `now` against the walk-in reserve (priority citizens: the priority
    /// reserve first) of the current slot or the next one with room today. The walk-in is checked in at once.
    /// Refusals: unknown office/service, serviceNotOffered, noSuchSlot (closed now), walkInReserveFull,
    /// dailyQuotaReached.
    ///
    /// - Parameter overflowToOnline: when the reserve is full, take an online place left unsold in the
    ///   current slot or later today, as a desk sells what the app did not (the refusal is then
    ///   `walkInReserveFull` only when the day is full in both pools).
    public mutating func registerWalkIn(
        office: OfficeID, service: ServiceID, citizen: Citizen, now: Instant, overflowToOnline: Bool = false
    ) -> Result<BookingReceipt, AllocationRefusal> {
        expireHolds(now: now)
        guard let officeNumber = officeIndex[office] else { return .failure(.unknownOffice(office)) }
        guard let serviceNumber = serviceIndex[service] else { return .failure(.unknownService(service)) }
        guard offers(office: officeNumber, service: serviceNumber) else { return .failure(.serviceNotOffered) }
        let date = rules.timeZone.localDate(of: now)
        let key = DayKey(office: officeNumber, service: serviceNumber, day: Int32(date.daysSinceEpoch))
        let number = Int32(ledgerNumber(key))
        guard let plan = ledgers[Int(number)].plan else { return .failure(.noSuchSlot) }
        let elapsed = now.secondsSinceEpoch - plan.firstSlotStart.secondsSinceEpoch
        let current = elapsed < 0 ? 0 : Int(elapsed / (Int64(plan.slotMinutes) * 60))
        guard current < plan.slots.count else { return .failure(.noSuchSlot) }
        if let refusal = quotaRefusal(LedgerPosition(key: key, ledger: number, slot: 0)) { return .failure(refusal) }
        for index in current..<plan.slots.count {
            let position = LedgerPosition(key: key, ledger: number, slot: Int32(index))
            let reserved = pickPool(at: position, isPriority: citizen.isPriority, walkIn: true)
            let unsold: CapacityPool? =
                overflowToOnline && ledgers[Int(number)].remaining(.online, at: index) > 0 ? .online : nil
            guard let pool = reserved ?? unsold else { continue }
            var walkIn = citizen
            walkIn.account = nil  // Walk-ins do not use up an account's online allowance.
            let booking = append(
                slot: SlotRef(office: office, service: service, start: plan.slotStart(index)), position: position,
                citizen: walkIn, pool: pool, state: .checkedIn, idempotencyKey: nil, now: now)
            return .success(BookingReceipt(booking: booking, isRepeat: false))
        }
        return .failure(.walkInReserveFull)
    }

    /// When the office of booking `id` closes on the slot's local day (end of same-day re-queueing).
    func dayClose(of id: BookingID) -> Instant {
        let position = positions[Int(id.rawValue - 1)]
        let plan = ledgers[Int(position.ledger)].plan!
        return plan.slotStart(plan.slots.count)
    }
}
