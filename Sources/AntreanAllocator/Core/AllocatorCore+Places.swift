extension AllocatorCore {
    // Individual appointment times. On a day an appointment template governs, every booking that
    // occupies a place of a slot (held, booked, checked in; walk-ins too) holds a place number in
    // 0..<n, n the slot's places over all pools, and a new one takes the lowest free number: place k
    // is told to come ⌊k × interval ÷ n⌋ minutes after the slot's start. Lowest-free keeps the
    // minutes spread after cancellations and moves (a freed early minute is given again first) and
    // depends only on the order of operations, so replaying the same requests gives the same minutes.
    //
    // The taken numbers U of a slot are not stored: |U| is the slot's usage count, and `freedPlaces`
    // keeps the free numbers F below the highest taken one, so the numbers in use are
    // [0, |U| + |F|) \ F. A slot with no cancellations has F empty and costs no hashing beyond one
    // lookup in an empty table. Each operation is O(|F|) (a handful: F holds numbers freed and not
    // yet given again).

    /// The usage row position of slot `slot` of ledger `ledger` (the key of `freedPlaces`).
    private func placeRow(ledger: Int, slot: Int) -> Int { Int(ledgers[ledger].usageStart) + slot }

    /// Places of slot `slot` over all pools (online as the policy and the template allow).
    func placeCount(ledger: Int, slot: Int) -> Int {
        let limits = rows.limits(of: ledgers[ledger], at: slot)
        return Int(limits.online) + Int(limits.walkIn) + Int(limits.priority)
    }

    private func usedPlaces(ledger: Int, slot: Int) -> Int {
        let used = rows.usage(of: ledgers[ledger], at: slot)
        return Int(used.online) + Int(used.walkIn) + Int(used.priority)
    }

    /// Gives the booking at `index` a place in its slot and sets its appointment minutes: the lowest
    /// free place; `preferredPlace` when it is free (undoing a refused move); or — restoring a stored
    /// booking — the lowest free place whose minute is `storedMinutes` when there is one (a store
    /// written before individual times has every booking at minute 0: they keep that minute).
    /// Call before the booking's place is counted as used.
    mutating func takePlace(bookingAt index: Int, preferredPlace: Int? = nil, storedMinutes: Int? = nil) {
        let ledger = Int(bookings[index].ledger)
        if ledgers[ledger].poolDay >= 0 { return takePooledPlace(bookingAt: index, storedMinutes: storedMinutes) }
        guard ledgers[ledger].individualTimes else {
            bookings[index].place = StoredBooking.noPlace
            bookings[index].appointmentMinutes = UInt16(clamping: storedMinutes ?? 0)
            return
        }
        let slot = Int(bookings[index].slot)
        let row = placeRow(ledger: ledger, slot: slot)
        let count = placeCount(ledger: ledger, slot: slot)
        let interval = Int(ledgers[ledger].slotSeconds / 60)
        var free = freedPlaces[row] ?? []
        let frontier = usedPlaces(ledger: ledger, slot: slot) + free.count
        var place = free.first.map(Int.init) ?? frontier
        if let preferredPlace, preferredPlace >= frontier || free.contains(UInt16(clamping: preferredPlace)) {
            place = preferredPlace
        } else if let storedMinutes {
            let wanted = (0..<count).first { candidate in
                AppointmentTemplate.offsetMinutes(place: candidate, of: count, intervalMinutes: interval)
                    == storedMinutes && (candidate >= frontier || free.contains(UInt16(candidate)))
            }
            if let wanted { place = wanted }
        }
        if place >= frontier {
            // Numbers between the frontier and the place taken become free ones below it.
            free.append(contentsOf: (frontier..<place).map { UInt16($0) })
        } else {
            free.removeAll { $0 == UInt16(place) }
        }
        freedPlaces[row] = free.isEmpty ? nil : free
        bookings[index].place = UInt16(clamping: place)
        bookings[index].appointmentMinutes = UInt16(
            clamping: storedMinutes
                ?? AppointmentTemplate.offsetMinutes(place: place, of: count, intervalMinutes: interval))
    }

    /// Frees the place of the booking at `index` (if it holds one). Call after its place was counted free.
    mutating func releasePlace(bookingAt index: Int) {
        let place = bookings[index].place
        guard place != StoredBooking.noPlace else { return }
        let ledger = Int(bookings[index].ledger)
        if ledgers[ledger].poolDay >= 0 { releasePooledPlace(bookingAt: index) }
        bookings[index].place = StoredBooking.noPlace
        if ledgers[ledger].poolDay >= 0 { return }
        let slot = Int(bookings[index].slot)
        let row = placeRow(ledger: ledger, slot: slot)
        var free = freedPlaces[row] ?? []
        let insertion = free.firstIndex { $0 > place } ?? free.endIndex
        free.insert(place, at: insertion)
        // The frontier is the count of used and free numbers; free numbers at its top are no longer below it.
        var frontier = usedPlaces(ledger: ledger, slot: slot) + free.count
        while let last = free.last, Int(last) == frontier - 1 {
            free.removeLast()
            frontier -= 1
        }
        freedPlaces[row] = free.isEmpty ? nil : free
    }

    /// The appointment of the booking at `index`: its slot's start plus its appointment minutes. O(1).
    func appointment(ofBookingAt index: Int) -> Instant {
        Instant(
            secondsSinceEpoch: ledgers[Int(bookings[index].ledger)].slotStart(Int(bookings[index].slot))
                + Int64(bookings[index].appointmentMinutes) * 60)
    }
}
