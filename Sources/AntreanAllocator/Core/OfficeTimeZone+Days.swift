extension OfficeTimeZone {
    /// The local day (days since 1970-01-01) at `instant`: `localDate(of:).daysSinceEpoch` without
    /// the round trip through the civil calendar, which hot paths paid several times per call. O(1).
    func localDay(of instant: Instant) -> Int {
        let local = instant.secondsSinceEpoch + secondsEastOfUTC
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}
