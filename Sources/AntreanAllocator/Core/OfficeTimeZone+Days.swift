extension OfficeTimeZone {
    /// The local day (days since 1970-01-01) at `instant`: `localDate(of:).daysSinceEpoch` without
    /// the round trip through the civil calendar, which hot paths paid several times per call. O(1).
    func localDay(of instant: Instant) -> Int {
        let local = instant.secondsSinceEpoch + secondsEastOfUTC
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The local day at `instant` as the 32-bit day number of the allocator's ledgers, or nil when it has
    /// none (about 5.9 million years either side of 1970): slot instants come from stored rows and callers,
    /// and `localDay(of:)` would overflow on them. O(1).
    func ledgerDay(of instant: Instant) -> Int32? {
        let (local, overflow) = instant.secondsSinceEpoch.addingReportingOverflow(secondsEastOfUTC)
        guard !overflow else { return nil }
        // Division rounding down, without the `local - 86_399` that overflows near Int64.min.
        let quotient = local / 86_400
        return Int32(exactly: local % 86_400 < 0 ? quotient - 1 : quotient)
    }
}
