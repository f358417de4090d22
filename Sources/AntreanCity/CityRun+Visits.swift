import AntreanAllocator
import AntreanEngine

extension CityRun {
    /// A new citizen for `visitor`, numbered in `visitor.citizen`.
    mutating func citizen(_ visitor: inout Visitor) -> Citizen {
        serial += 1
        visitor.citizen = serial
        return Citizen(nikHash: nikHash(citizen: serial), isPriority: visitor.isPriority)
    }

    /// The synthetic NIK hash of citizen number `citizen` (what their e-KTP would show the desk).
    func nikHash(citizen: UInt64) -> NIKHash { NIKHash(syntheticCitizen: salt ^ citizen) }

    /// A booking through the allocator's policy, no earlier than the wished time.
    mutating func requestBooking(_ id: Int32, at now: Double) {
        var visitor = visitors[id]
        let home = Int(visitor.home)
        trace?.notes[Int(id)].bookedAt = now
        // The instants come from the static `instant(_:base:)` and the field, before anything else:
        // `instant(_:)` (a method reading all of `self`) after `citizen(&visitor)` (mutating `self`) made
        // the optimizer copy the whole run for that call, retaining and releasing every array in it, on
        // every booking request (a sixth of a city year in the profile), even as separate statements.
        let notBefore = Self.instant(max(now, visitor.wishedMinute), base: baseInstant)
        let nowInstant = Self.instant(now, base: baseInstant)
        let citizen = citizen(&visitor)
        let request = PlacementRequest(
            service: serviceIDs[Int(visitor.service)], homeOffice: officeIDs[home], citizen: citizen,
            notBefore: notBefore)
        switch allocator.placeBooking(request, now: nowInstant) {
        case .failure:
            if measuredDayRange.contains(Self.dayIndex(visitor.wishedMinute)) {
                tallies[home].generated += 1
                tallies[home].bookingRefused += 1
                traceWrite(traceRow(id, visitor, .refused))
            }
            visitors.remove(id)
        case .success(let booking):
            // Most bookings are at the home office: an id comparison spares hashing the string.
            let office = booking.office == officeIDs[home] ? visitor.home : officeIndex[booking.office] ?? visitor.home
            visitor.office = office
            visitor.booking = booking.id
            visitor.slotStart = minute(booking.appointment)
            visitor.measured = measuredDayRange.contains(Self.dayIndex(visitor.slotStart))
            bookingOffice.append(visitor.measured ? office : -1)
            let leadDays = (visitor.slotStart - now) / 1440
            let stream = Int(visitor.home)
            if visitor.measured {
                tallies[Int(office)].generated += 1
                tallies[Int(office)].bookings += 1
                tallies[Int(office)].leadDaysSum += leadDays
                if visitor.isAssisted { tallies[Int(office)].assistedBookings += 1 }
            }
            let u = bookingStreams[stream].nextUniform()
            let punctuality = plans.punctuality.sample(&bookingStreams[stream])
            if u < model.citizens.cancelShare {
                let cancelAt = now + bookingStreams[stream].nextUniform() * max(0, visitor.slotStart - 60 - now)
                visitors[id] = visitor
                _ = simulation.schedule(.cancel(id), at: cancelAt)
            } else if u < model.citizens.cancelShare
                + (1 - model.citizens.cancelShare) * model.citizens.noShowProbability(leadDays: leadDays)
            {
                // Never comes: the allocator releases the place after the grace period.
                traceAwaitRelease(id, visitor)
                visitors.remove(id)
            } else {
                visitors[id] = visitor
                if visitor.measured { trace?.expected[booking.id.rawValue] = id }
                _ = simulation.schedule(.bookedArrival(id), at: max(now, visitor.slotStart + punctuality))
            }
        }
    }

    mutating func cancel(_ id: Int32, at now: Double) {
        let visitor = visitors[id]
        if let booking = visitor.booking, case .success = allocator.cancel(booking, now: instant(now)), visitor.measured
        {
            tallies[Int(visitor.office)].cancelled += 1
            // The place was freed: it no longer counts as booked.
            tallies[Int(visitor.office)].bookings -= 1
            if trace != nil {
                var row = traceRow(id, visitor, .cancelled)
                row.leftAt = now
                traceWrite(row)
            }
        }
        visitors.remove(id)
    }

    /// Check-in by QR token or at the desk by booking number (``CityModel/checkIn``): on time (served
    /// with the booked), late the same day (re-queued after a few others), too early (comes back when
    /// the window opens) or too late (the place was released).
    mutating func arriveBooked(_ id: Int32, at now: Double) {
        var visitor = visitors[id]
        let office = Int(visitor.office)
        guard let booking = visitor.booking else { preconditionFailure("a booked arrival without a booking") }
        if trace?.notes[Int(id)].arrival.isNaN == true { trace?.notes[Int(id)].arrival = now }
        // Released by the no-show sweep (and counted as a no-show) but checked in later that day: served instead.
        let released = allocator.state(of: booking) == .noShow
        let checkIn =
            switch model.checkIn {
            case .qrToken: checkInByToken(booking, at: office, now: now)
            case .bookingReference:
                allocator.checkInTiming(
                    booking: booking, nik: nikHash(citizen: visitor.citizen), at: officeIDs[office], now: instant(now))
            }
        switch checkIn {
        case .success(let timing):
            if released && visitor.measured { tallies[office].noShows -= 1 }
            if trace != nil {
                trace?.expected[booking.rawValue] = nil
                trace?.released[booking.rawValue] = nil
                trace?.notes[Int(id)].isPresent = true
            }
            countArrival(visitor, booked: true)
            if visitor.measured {
                tallies[office].inSystemAtEnd += 1
                changePresence(office, line: 1, present: 1, at: now)
            }
            visitor.state = .waiting
            visitor.joinedMinute = now
            desks[office].waiting += 1
            let line = visitor.isPriority ? Self.priorityLine : Self.bookedLine
            switch timing {
            case .onTime:
                visitor.waitStart = max(now, visitor.slotStart)
                desks[office].lines[line].append(id)
            case .requeued(let others):
                visitor.waitStart = now
                let position = min(others, desks[office].lines[line].count)
                desks[office].lines[line].insert(id, at: desks[office].lines[line].startIndex + position)
            }
            visitors[id] = visitor
            dispatch(Int32(office), at: now)
        case .failure(.token(.outsideWindow)) where now < visitor.slotStart,
            .failure(.tooEarlyToCheckIn) where now < visitor.slotStart:
            let opens = visitor.slotStart - Double(allocator.rules.checkInOpensMinutesBefore)
            _ = simulation.schedule(.bookedArrival(id), at: max(opens, now + 1))
        case .failure:
            // Too late: the no-show sweep released (or will release) the place and counts it.
            if trace != nil {
                trace?.expected[booking.rawValue] = nil
                traceAwaitRelease(id, visitor)
            }
            visitors.remove(id)
        }
    }

    /// The QR path: the token is the one the app shows for the booking. It depends only on the booking
    /// (and the signing key), not on when it is rendered, so it is issued here rather than at booking
    /// time and kept for days: the same bytes reach `checkIn` without a string per pending visit.
    mutating func checkInByToken(
        _ booking: BookingID, at office: Int, now: Double
    ) -> Result<CheckInReceipt.Timing, AllocationRefusal> {
        let token: String
        switch allocator.issueToken(for: booking, now: instant(now)) {
        case .success(let issued): token = issued
        case .failure: token = ""  // Not issuable any more: check-in refuses it, as for a lost token.
        }
        return allocator.checkInTiming(token: token, at: officeIDs[office], now: instant(now))
    }

    mutating func arriveWalkIn(_ id: Int32, at now: Double) {
        var visitor = visitors[id]
        let office = Int(visitor.office)
        let day = Self.dayIndex(now)
        let isDigitalDay =
            digitalDayByDay.indices.contains(day)
            ? digitalDayByDay[day] : model.citizens.digitalDays.contains(baseDate.adding(days: day).weekday)
        if isDigitalDay, demandStreams[office].nextUniform() < model.citizens.digitalDayConversion {
            // Digital day: books in the app (or at the door's kiosk) instead of queueing.
            if measuredDayRange.contains(Self.dayIndex(now)) { tallies[office].convertedWalkIns += 1 }
            trace?.notes[Int(id)].channel = .converted
            visitor.wishedMinute = now
            visitors[id] = visitor
            requestBooking(id, at: now)
            return
        }
        visitor.measured = measuredDayRange.contains(Self.dayIndex(now))
        if visitor.measured { tallies[office].generated += 1 }
        trace?.notes[Int(id)].arrival = now
        countArrival(visitor, booked: false)
        guard desks[office].waiting < model.citizens.balkQueueLength, registerWalkIn(&visitor, at: now) else {
            if visitor.measured {
                tallies[office].balked += 1
                if trace != nil {
                    var row = traceRow(id, visitor, .balked)
                    row.leftAt = now
                    traceWrite(row)
                }
            }
            visitors.remove(id)
            return
        }
        visitor.state = .waiting
        visitor.waitStart = now
        visitor.joinedMinute = now
        serial += 1
        visitor.ticket = UInt32(truncatingIfNeeded: serial)
        visitors[id] = visitor
        trace?.notes[Int(id)].isPresent = true
        desks[office].waiting += 1
        if visitor.measured {
            tallies[office].inSystemAtEnd += 1
            changePresence(office, line: 1, present: 1, at: now)
        }
        let line =
            visitor.isPriority ? Self.priorityLine : (model.bookedBeforeWalkIns ? Self.walkInLine : Self.bookedLine)
        desks[office].lines[line].append(id)
        // Patience is drawn for every walk-in (so the stream does not depend on the queue), but the
        // renege event is scheduled only for one left waiting: most walk-ins reach a counter at once,
        // and their renege events only ever fired to be ignored.
        let patience = visitor.isPriority ? 0 : max(0, plans.patience.sample(&patienceStreams[office]))
        dispatch(Int32(office), at: now)
        if !visitor.isPriority, visitors[id].state == .waiting {
            _ = simulation.schedule(.renege(id, ticket: visitor.ticket), at: now + patience)
        }
    }

    /// A place for a walk-in: the walk-in reserve first, else an online place left unsold today (as
    /// the desk would sell it). False when the office has no place left today ("kuota habis").
    mutating func registerWalkIn(_ visitor: inout Visitor, at now: Double) -> Bool {
        // Computed before the call, for the reason given in ``requestBooking(_:at:)``.
        let nowInstant = Self.instant(now, base: baseInstant)
        let citizen = citizen(&visitor)
        guard
            case .success(let booking) = allocator.registerWalkInBooking(
                office: officeIDs[Int(visitor.office)], service: serviceIDs[Int(visitor.service)],
                citizen: citizen, now: nowInstant, overflowToOnline: true)
        else { return false }
        visitor.booking = booking
        bookingOffice.append(-1)
        return true
    }

    mutating func countArrival(_ visitor: Visitor, booked: Bool) {
        guard visitor.measured else { return }
        let office = Int(visitor.office)
        tallies[office].arrivals += 1
        if booked { tallies[office].arrivalsBooked += 1 } else { tallies[office].arrivalsWalkIn += 1 }
        if visitor.isPriority { tallies[office].arrivalsPriority += 1 }
    }

    mutating func renege(_ id: Int32, ticket: UInt32, at now: Double) {
        let visitor = visitors[id]
        // The record may have been reused by another citizen since: the ticket tells.
        guard visitor.state == .waiting, visitor.ticket == ticket else { return }
        // Left in line lazily: dispatch skips it.
        visitors[id].state = .planned
        desks[Int(visitor.office)].waiting -= 1
        if visitor.measured {
            let office = Int(visitor.office)
            let waited = now - visitor.joinedMinute
            tallies[office].reneged += 1
            tallies[office].inSystemAtEnd -= 1
            tallies[office].abandonMinutes += waited
            tallies[office].lineMinutes += waited
            tallies[office].systemMinutes += waited
            changePresence(office, line: -1, present: -1, at: now)
            if trace != nil {
                var row = traceRow(id, visitor, .reneged)
                row.leftAt = now
                traceWrite(row)
            }
        }
        trace?.notes[Int(id)].isPresent = false
    }

    /// Starts service at every free counter that is not on break, priority line first.
    mutating func dispatch(_ office: Int32, at now: Double) {
        let index = Int(office)
        while desks[index].waiting > 0 {
            guard let counter = freeCounter(index) else { return }
            guard let id = nextWaiting(index) else { return }
            var visitor = visitors[id]
            visitor.state = .inService
            visitors[id] = visitor
            desks[index].waiting -= 1
            desks[index].busy[counter] = true
            trace?.notes[Int(id)].serviceStart = now
            let duration = max(0, plans.serviceTimes[Int(visitor.service)].sample(&serviceStreams[index]))
            if visitor.measured {
                let wait = now - visitor.waitStart
                let minuteOfDay = visitor.waitStart - Double(Self.dayIndex(visitor.waitStart) * 1440)
                tallies[index].recordWait(
                    max(0, wait),
                    weekday: Self.weekdayNumber(
                        day: Self.dayIndex(visitor.waitStart), table: weekdayNumberByDay, base: baseDate),
                    hour: min(23, Int(minuteOfDay / 60)), target: model.waitTargetMinutes)
                // Walk-ins are registered as bookings too; only a booked citizen has a slot start.
                if visitor.slotStart > 0 {
                    tallies[index].bookedWaits.add(max(0, wait))
                } else {
                    tallies[index].walkInWaits.add(max(0, wait))
                }
                tallies[index].lineMinutes += now - visitor.joinedMinute
                changePresence(index, line: -1, present: 0, at: now)
                // Service outside opening hours is overtime, so utilization stays within [0, 1].
                let withinHours = max(
                    0, min(now + duration, desks[index].openUntil) - max(now, desks[index].openMinute))
                tallies[index].busyMinutes += withinHours
                let weekdayIndex = Self.weekdayNumber(
                    day: Self.dayIndex(desks[index].openMinute), table: weekdayNumberByDay, base: baseDate)
                if weekdayIndex < 5 { tallies[index].weekdayBusyMinutes[weekdayIndex] += withinHours }
                tallies[index].overtimeBusyMinutes += duration - withinHours
                if !blocks.isEmpty {
                    recordBlock(
                        office: index, wait: max(0, wait), waitStart: visitor.waitStart,
                        busyFrom: max(now, desks[index].openMinute), to: min(now + duration, desks[index].openUntil))
                }
            }
            _ = simulation.schedule(
                .serviceEnd(office: office, counter: Int32(counter), visitor: id), at: now + duration)
        }
    }

    /// The first counter rostered, not on break and not busy.
    func freeCounter(_ office: Int) -> Int? {
        desks[office].busy.firstFree(from: desks[office].paused + desks[office].offDuty)
    }

    mutating func nextWaiting(_ office: Int) -> Int32? {
        for line in 0..<3 {
            while let id = desks[office].lines[line].popFirst() {
                if visitors[id].state == .waiting { return id }
                visitors.remove(id)  // reneged earlier
            }
        }
        return nil
    }

    mutating func endService(_ office: Int32, _ counter: Int32, _ id: Int32, at now: Double) {
        let index = Int(office)
        desks[index].busy[Int(counter)] = false
        let visitor = visitors[id]
        if visitor.measured {
            if trace != nil {
                var row = traceRow(id, visitor, .served)
                row.serviceEnd = now
                row.counter = counter
                traceWrite(row)
            }
            tallies[index].served += 1
            tallies[index].inSystemAtEnd -= 1
            tallies[index].systemMinutes += now - visitor.joinedMinute
            changePresence(index, line: 0, present: -1, at: now)
            if now > desks[index].overtimeMark {
                tallies[index].overtimeMinutes += now - desks[index].overtimeMark
                let weekdayIndex = Self.weekdayNumber(
                    day: Self.dayIndex(desks[index].closeMinute), table: weekdayNumberByDay, base: baseDate)
                if weekdayIndex < 5 {
                    tallies[index].weekdayOvertimeMinutes[weekdayIndex] += now - desks[index].overtimeMark
                }
                desks[index].overtimeMark = now
            }
        }
        trace?.notes[Int(id)].isPresent = false
        visitors.remove(id)
        dispatch(office, at: now)
    }
}

extension CityRun {
    /// Adds the areas under the office's measured numbers in line and present up to `now`, then changes
    /// those numbers: the time averages behind `queue_length` and `in_system`. O(1).
    mutating func changePresence(_ office: Int, line: Int, present: Int, at now: Double) {
        let elapsed = now - desks[office].presenceMark
        tallies[office].lineArea += Double(desks[office].inLine) * elapsed
        addLineProfile(office, from: desks[office].presenceMark, to: now)
        tallies[office].presentArea += Double(desks[office].present) * elapsed
        desks[office].presenceMark = now
        desks[office].inLine += line
        desks[office].present += present
    }
}
