extension AllocatorCore {
    /// Forgets settled bookings of the past, so memory follows the bookings that can still change
    /// rather than every booking ever made (a simulated city year makes ~600,000; the portal's store
    /// keeps their records, and reopening it restores them).
    ///
    /// Retires bookings oldest first while each is *settled* — neither held nor booked — and its slot
    /// started before `cutoff`, stopping at the first that is not (ids are in creation order, and a
    /// booking is made at most a booking horizon before its slot, so the retired prefix keeps pace with
    /// the calendar). Bookings with changes not yet drained for the store are kept. A retired booking
    /// is unknown afterwards: `booking(_:)` answers nil and operations on it refuse with
    /// `unknownBooking`; its place stays taken in its day's ledger, so capacity is unchanged. Pick a
    /// cutoff no later than the end of check-in for the slots concerned: a no-show may still check in
    /// late until then. Returns the number retired.
    ///
    /// Amortized O(1) per retired booking: storage is compacted (and the NIK numbers no held booking
    /// uses are dropped, an O(held) scan) only once the retired prefix is as long as what is held.
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
            if stored.hasIdempotencyKey, let key = idempotencyKeys.removeValue(forKey: end) {
                let scope = IdempotencyScope(nikHash: niks.hashes[Int(stored.nik)], key: key)
                if idempotency[scope] == BookingID(UInt64(end + 1)) { idempotency[scope] = nil }
            }
            end += 1
        }
        guard end > first else { return 0 }
        retiredSlotsBefore = max(retiredSlotsBefore, cutoffSeconds)
        if bookings.dropPositions(below: end) { dropUnusedNIKNumbers() }
        return end - first
    }

    /// Drops the NIK numbers below the lowest one a held booking uses. Live numbers (NIKs with active
    /// bookings) are used by those bookings, which are never retired, so none is dropped. O(held).
    private mutating func dropUnusedNIKNumbers() {
        var lowest = Int32(niks.count)
        for index in bookings.indices { lowest = min(lowest, bookings[index].nik) }
        niks.dropNumbers(below: lowest)
        activeCounts.dropPositions(below: Int(lowest))
    }
}
