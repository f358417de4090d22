public import AntreanLocalization

extension AllocationRefusal {
    /// What to tell the person refused (a citizen at the portal, a desk clerk, the 112 operator), in
    /// `language`: the text under `refusal.<code>` in the language's table (``Texts``), so the
    /// stable ``code`` stays the machine answer and the message is only for reading. Never contains a
    /// NIK or any other personal data.
    ///
    /// - Parameter rules: the allocator's rules, to state the real limit ("NIK ini sudah memiliki 2
    ///   pemesanan aktif"); without them a limit refusal says only that the limit is reached.
    public func message(language: Language, rules: AllocatorRules? = nil) -> String {
        let key = "refusal." + code
        guard let rules else {
            return language.text(Self.limitedCodes.contains(code) ? key + ".no_limit" : key)
        }
        switch self {
        case .nikLimitReached:
            return language.text(key, ["limit": language.integer(rules.maxActiveBookingsPerNIK)])
        case .accountLimitReached:
            let hours = Double(rules.accountWindowSeconds) / 3600
            return language.text(
                key,
                [
                    "limit": language.integer(rules.maxBookingsPerAccountPerWindow),
                    "hours": language.number(hours, decimals: hours == hours.rounded() ? 0 : 1),
                ])
        case .rescheduleLimitReached:
            return language.text(key, ["limit": language.integer(rules.maxReschedules)])
        default:
            return language.text(key)
        }
    }

    /// The codes whose message states a limit from ``AllocatorRules`` (their tables also hold a
    /// `.no_limit` text for callers without the rules).
    static let limitedCodes: Set<String> = ["nik_limit_reached", "account_limit_reached", "reschedule_limit_reached"]
}
