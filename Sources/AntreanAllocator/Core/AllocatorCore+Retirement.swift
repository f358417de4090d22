extension AllocatorCore {
    /// Forgets settled bookings of the past, and the day ledgers no held booking needs, so memory
    /// follows the bookings that can still change rather than every booking ever made (a simulated
    /// city year makes ~600,000; the portal's store keeps their records, and reopening it restores them).
    ///
    /// Retires bookings oldest first while each is *settled* — neither held nor booked — and its slot
    /// started before `cutoff`, stopping at the first that is not (ids are in creation order, and a
    /// booking is made at most a booking horizon before its slot, so the retired prefix keeps pace with
    /// the calendar). Bookings with changes not yet drained for the store are kept. A retired booking
    /// is unknown afterwards: `booking(_:)` answers nil and operations on it refuse with
    /// `unknownBooking`; its place stays taken in its day's ledger while that ledger is held. A day
    /// before the cutoff's local day whose ledger is not held (ledgers go once no held booking uses
    /// them) answers as closed: no slots, no walk-ins, so nothing is sold twice. Pick a cutoff no later
    /// than the end of check-in for the slots concerned: a no-show may still check in late until then.
    /// Returns the number of bookings retired.
    ///
    /// Amortized O(1) per retired booking: storage is compacted — and the NIK numbers and day ledgers
    /// no held booking uses are dropped, an O(held) scan — only once the retired prefix is as long as
    /// what is held.
    @discardableResult
    public mutating func retireHistory(before cutoff: Instant) -> Int {
        let first = bookings.startIndex
        // Changes waiting for the store need their records: retire nothing from the first of them on.
        let limit = changed.lazy.map { Int($0.rawValue - 1) }.min() ?? bookings.endIndex
        let cutoffSeconds = cutoff.secondsSinceEpoch
        var end = first
        while end < limit {
            let stored = bookings[end]
            guard !stored.state.isActive,
                ledgers[Int(stored.ledger)].slotStart(Int(stored.slot)) < cutoffSeconds
            else { break }
            if stored.hasIdempotencyKey, let key = idempotency.key(at: end) {
                idempotency.remove(IdempotencyScope(nikHash: niks.hashes[Int(stored.nik)], key: key), at: end)
            }
            end += 1
        }
        let cutoffDay = rules.timeZone.localDay(of: cutoff)
        retiredDaysBefore = max(retiredDaysBefore, cutoffDay)
        guard end > first else { return 0 }
        retiredSlotsBefore = max(retiredSlotsBefore, cutoffSeconds)
        idempotency.dropKeys(below: end)
        if bookings.dropPositions(below: end) { dropWhatNoHeldBookingUses(beforeDay: retiredDaysBefore) }
        return end - first
    }

    /// Drops the NIK numbers below the lowest one a held booking uses, and the ledgers, oldest first,
    /// of days before `beforeDay` that come before the first ledger a held booking uses. Live NIK
    /// numbers (NIKs with active bookings) are used by those bookings, which are never retired, so
    /// none is dropped. O(held bookings + dropped ledgers).
    private mutating func dropWhatNoHeldBookingUses(beforeDay: Int) {
        var lowestNIK = Int32(niks.count)
        var lowestLedger = Int32(ledgers.endIndex)
        for index in bookings.indices {
            lowestNIK = min(lowestNIK, bookings[index].nik)
            lowestLedger = min(lowestLedger, bookings[index].ledger)
        }
        niks.dropNumbers(below: lowestNIK)
        activeCounts.dropPositions(below: Int(lowestNIK))
        var end = ledgers.startIndex
        while end < Int(lowestLedger), Int(ledgers[end].key.day) < beforeDay {
            ledgerDirectory.remove(ledgers[end].key)
            end += 1
        }
        guard end > ledgers.startIndex else { return }
        // Usage rows were appended in ledger order; closed days have none.
        var firstRow = rows.usage.endIndex
        for number in end..<ledgers.endIndex where ledgers[number].template >= 0 {
            firstRow = Int(ledgers[number].usageStart)
            break
        }
        ledgers.dropPositions(below: end)
        rows.dropUsage(below: firstRow)
        if !freedPlaces.isEmpty { freedPlaces = freedPlaces.filter { $0.key >= firstRow } }
    }
}
