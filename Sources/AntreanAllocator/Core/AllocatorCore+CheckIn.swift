extension AllocatorCore {
    /// The signed QR token for a booking (booked, or released as a no-show but still re-queueable today),
    /// valid until the slot's office closes that local day.
    public mutating func issueToken(for id: BookingID, now: Instant) -> Result<String, AllocationRefusal> {
        if let refusal = Self.timeRefusal(now) { return .failure(refusal) }
        expireHolds(now: now)
        guard let index = storedIndex(id) else { return .failure(.unknownBooking(id)) }
        let state = bookings[index].state
        guard state == .booked || state == .noShow else { return .failure(.bookingNotActive) }
        let office = position(ofBookingAt: index).key.office
        let claims = QRTokenClaims(
            keyID: tokenSigner.currentKeyID, booking: id, office: officeIDs[Int(office)],
            slotStart: appointment(ofBookingAt: index), nikHashPrefix: niks.hashes[Int(bookings[index].nik)].word0,
            expiresAt: dayClose(of: id))
        let token: String
        do { token = try tokenSigner.sign(claims) } catch { return .failure(.instantOutOfRange) }
        issuedTokens.remember(
            token,
            IssuedTokenCache.Claims(
                booking: id, slotStart: claims.slotStart.secondsSinceEpoch,
                expiresAt: claims.expiresAt.secondsSinceEpoch, nikHashPrefix: claims.nikHashPrefix, office: office))
        return .success(token)
    }

    /// Checks a citizen in by QR token at `office`.
    ///
    /// On time within [appointment − `checkInOpensMinutesBefore`, appointment + `graceMinutesAfter`] (the
    /// appointment is the slot's start unless an appointment template gives the booking its own minute);
    /// later the same day the
    /// citizen is re-queued after `requeueAfterOthers` others. Refusals (`.token(…)`): malformed, forged, altered,
    /// revoked (cancelled or moved), replayed (single use), wrongOffice, expired, outsideWindow (too early).
    public mutating func checkIn(
        token: String, at office: OfficeID, now: Instant
    ) -> Result<CheckInReceipt, AllocationRefusal> {
        checkInIndex(token: token, at: office, now: now).map {
            CheckInReceipt(booking: record(at: $0.index), timing: $0.timing)
        }
    }

    /// ``checkIn(token:at:now:)`` answering only the timing, without building the ``BookingRecord``
    /// (the simulator checks in every booked citizen who comes). Same checks, same outcome.
    public mutating func checkInTiming(
        token: String, at office: OfficeID, now: Instant
    ) -> Result<CheckInReceipt.Timing, AllocationRefusal> {
        checkInIndex(token: token, at: office, now: now).map(\.timing)
    }

    private mutating func checkInIndex(
        token: String, at office: OfficeID, now: Instant
    ) -> Result<(index: Int, timing: CheckInReceipt.Timing), AllocationRefusal> {
        if let refusal = Self.timeRefusal(now) { return .failure(refusal) }
        expireHolds(now: now)
        let (index, slotStart): (Int, Instant)
        let scanned: QRTokenSigner.Outcome<ScannedToken> =
            if let issued = issuedTokens.take(token) {
                .valid(
                    ScannedToken(
                        booking: issued.booking, slotStart: issued.slotStart, expiresAt: issued.expiresAt,
                        nikHashPrefix: issued.nikHashPrefix,
                        otherOffice: officeIDs[Int(issued.office)] == office ? nil : officeIDs[Int(issued.office)]))
            } else {
                tokenSigner.verify(token, scannedAt: office)
            }
        switch screen(scanned, at: office, now: now) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): (index, slotStart) = found
        }
        return .success((index, admit(index, slotStart: slotStart, now: now)))
    }

    /// Checks a citizen in at the desk by booking number, for one who has no QR code to show: booked
    /// through the 112 line, a flat phone, a printed confirmation. The NIK read from the citizen's
    /// e-KTP stands in for the token's signature (booking numbers are sequential, so the number alone
    /// proves nothing). Same window, re-queueing and single use as ``checkIn(token:at:now:)``.
    ///
    /// Refusals, in this order: unknownBooking, notOwner, bookingNotActive (cancelled, lapsed, or
    /// already checked in), wrongOffice, checkInClosed (after the office closed on the slot's day),
    /// tooEarlyToCheckIn.
    public mutating func checkIn(
        booking id: BookingID, nik: NIKHash, at office: OfficeID, now: Instant
    ) -> Result<CheckInReceipt, AllocationRefusal> {
        deskCheckInIndex(booking: id, nik: nik, at: office, now: now).map {
            CheckInReceipt(booking: record(at: $0.index), timing: $0.timing)
        }
    }

    /// ``checkIn(booking:nik:at:now:)`` answering only the timing (the simulator's desk). Same outcome.
    public mutating func checkInTiming(
        booking id: BookingID, nik: NIKHash, at office: OfficeID, now: Instant
    ) -> Result<CheckInReceipt.Timing, AllocationRefusal> {
        deskCheckInIndex(booking: id, nik: nik, at: office, now: now).map(\.timing)
    }

    private mutating func deskCheckInIndex(
        booking id: BookingID, nik: NIKHash, at office: OfficeID, now: Instant
    ) -> Result<(index: Int, timing: CheckInReceipt.Timing), AllocationRefusal> {
        if let refusal = Self.timeRefusal(now) { return .failure(refusal) }
        expireHolds(now: now)
        guard let index = storedIndex(id) else { return .failure(.unknownBooking(id)) }
        guard niks.hashes[Int(bookings[index].nik)] == nik else { return .failure(.notOwner) }
        guard bookings[index].state == .booked || bookings[index].state == .noShow else {
            return .failure(.bookingNotActive)
        }
        guard officeIDs[Int(position(ofBookingAt: index).key.office)] == office else { return .failure(.wrongOffice) }
        // The same bounds a token carries: its expiry is the office's closing time that day.
        guard now <= dayClose(of: id) else { return .failure(.checkInClosed) }
        let slotStart = appointment(ofBookingAt: index)
        guard now >= slotStart.adding(minutes: -rules.checkInOpensMinutesBefore) else {
            return .failure(.tooEarlyToCheckIn)
        }
        return .success((index, admit(index, slotStart: slotStart, now: now)))
    }

    /// Checks in the screened booking at `index`: on time up to slot start + grace while still booked,
    /// else (late, or already released as a no-show) re-queued behind others.
    private mutating func admit(_ index: Int, slotStart: Instant, now: Instant) -> CheckInReceipt.Timing {
        let onTime = now <= slotStart.adding(minutes: rules.graceMinutesAfter) && bookings[index].state == .booked
        transition(BookingID(UInt64(index + 1)), to: onTime ? .checkedIn : .requeued, now: now)
        bookings[index].checkedInAt = now.secondsSinceEpoch
        return onTime ? .onTime : .requeued(afterOthers: rules.requeueAfterOthers)
    }

    /// Every check of a check-in that reads but changes nothing, in the order refusals are reported;
    /// the booking's index and slot start when all pass.
    private func screen(
        _ outcome: QRTokenSigner.Outcome<ScannedToken>, at office: OfficeID, now: Instant
    ) -> Result<(index: Int, slotStart: Instant), AllocationRefusal> {
        let claims: ScannedToken
        switch outcome {
        case .malformed: return .failure(.token(.malformed))
        case .badSignature(let claimed):
            // A bad tag on a token naming a real booking is a genuine token someone edited.
            let real = claimed.flatMap { storedIndex($0) } != nil
            return .failure(.token(real ? .altered : .forged))
        case .valid(let verified): claims = verified
        }
        guard let index = storedIndex(claims.booking),
            niks.hashes[Int(bookings[index].nik)].word0 == claims.nikHashPrefix
        else { return .failure(.token(.forged)) }
        switch bookings[index].state {
        case .checkedIn, .requeued: return .failure(.token(.replayed))
        case .cancelled, .expired, .held: return .failure(.token(.revoked))
        case .booked, .noShow: break
        }
        let slotStart = appointment(ofBookingAt: index)
        guard officeIDs[Int(position(ofBookingAt: index).key.office)] == claims.otherOffice ?? office,
            slotStart.secondsSinceEpoch == claims.slotStart
        else { return .failure(.token(.revoked)) }
        guard claims.otherOffice == nil else { return .failure(.token(.wrongOffice)) }
        guard now.secondsSinceEpoch <= claims.expiresAt else { return .failure(.token(.expired)) }
        // The token's expiry is signed but not trusted alone: an AQ1 token can carry any expiry and an
        // AQ2 token up to 45 days, yet no check-in outlives the booking's day (when its office closes),
        // as at the desk.
        guard now <= dayClose(of: claims.booking) else { return .failure(.token(.outsideWindow)) }
        guard now >= slotStart.adding(minutes: -rules.checkInOpensMinutesBefore) else {
            return .failure(.token(.outsideWindow))
        }
        return .success((index, slotStart))
    }

    /// Releases every booking not checked in by slot start + grace: its place, and the NIK's active count.
    /// Returns the released ids in deadline order. O(k log n) for k due deadlines.
    public mutating func releaseNoShows(now: Instant) -> [BookingID] {
        guard now.isSupported else { return [] }
        expireHolds(now: now)
        var released: [BookingID] = []
        while let next = noShowDeadlines.min, next.at < now {
            noShowDeadlines.removeMin()
            // Fields read in place: a record copy per sweep entry showed in profiles.
            // Stale entries (rescheduled, cancelled, served, retired) are skipped.
            guard let index = storedIndex(next.booking), bookings[index].state == .booked,
                appointment(ofBookingAt: index).adding(minutes: rules.graceMinutesAfter) == next.at
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
        registerWalkInBooking(
            office: office, service: service, citizen: citizen, now: now, overflowToOnline: overflowToOnline
        ).map { BookingReceipt(booking: record(at: Int($0.rawValue - 1)), isRepeat: false) }
    }

    /// ``registerWalkIn(office:service:citizen:now:overflowToOnline:)`` answering only the booking's id,
    /// without building its ``BookingRecord`` (the simulator registers every walk-in). Same outcome.
    public mutating func registerWalkInBooking(
        office: OfficeID, service: ServiceID, citizen: Citizen, now: Instant, overflowToOnline: Bool = false
    ) -> Result<BookingID, AllocationRefusal> {
        if let refusal = Self.timeRefusal(now) { return .failure(refusal) }
        expireHolds(now: now)
        guard let officeNumber = officeIndex[office] else { return .failure(.unknownOffice(office)) }
        guard let serviceNumber = serviceIndex[service] else { return .failure(.unknownService(service)) }
        guard offers(office: officeNumber, service: serviceNumber) else { return .failure(.serviceNotOffered) }
        let key = DayKey(office: officeNumber, service: serviceNumber, day: Int32(rules.timeZone.localDay(of: now)))
        let number = Int32(ledgerNumber(key))
        // The grid is read from the ledger's flat fields: copying its plan out retained its strings and arrays.
        let slotCount = Int(ledgers[Int(number)].slotCount)
        guard slotCount > 0 else { return .failure(.noSuchSlot) }
        let elapsed = now.secondsSinceEpoch - ledgers[Int(number)].firstSlotStart
        let current = elapsed < 0 ? 0 : Int(elapsed / ledgers[Int(number)].slotSeconds)
        guard current < slotCount else { return .failure(.noSuchSlot) }
        if let refusal = quotaRefusal(LedgerPosition(key: key, ledger: number, slot: 0)) { return .failure(refusal) }
        for index in current..<slotCount {
            let position = LedgerPosition(key: key, ledger: number, slot: Int32(index))
            let reserved = pickPool(at: position, isPriority: citizen.isPriority, walkIn: true)
            let unsold: CapacityPool? =
                overflowToOnline && remaining(.online, ledger: Int(number), slot: index) > 0 ? .online : nil
            guard let pool = reserved ?? unsold else { continue }
            var walkIn = citizen
            walkIn.account = nil  // Walk-ins do not use up an account's online allowance.
            let stored = append(
                at: position, citizen: walkIn, pool: pool, state: .checkedIn, idempotencyKey: nil, now: now)
            return .success(BookingID(UInt64(stored + 1)))
        }
        return .failure(.walkInReserveFull)
    }

    /// When the office of booking `id` closes on the slot's local day (end of same-day re-queueing).
    func dayClose(of id: BookingID) -> Instant {
        let ledger = Int(bookings[Int(id.rawValue - 1)].ledger)
        return Instant(secondsSinceEpoch: ledgers[ledger].slotStart(Int(ledgers[ledger].slotCount)))
    }
}
