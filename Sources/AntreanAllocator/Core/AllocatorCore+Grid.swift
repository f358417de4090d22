extension AllocatorCore {
    /// Places left in each pool of each slot of `office`/`service` on local `date`, in slot order, as of
    /// `now` (lapsed holds released first): the appointment grid a portal or dashboard shows beside
    /// ``dayPlan(office:service:date:)``'s capacities. Empty when the office is closed that day; nil for
    /// an unknown office or service or a date outside the supported range. O(slots of the day).
    public mutating func remainingPlaces(
        office: OfficeID, service: ServiceID, date: LocalDate, now: Instant
    ) -> [SlotCapacity]? {
        guard let officeNumber = officeIndex[office], let serviceNumber = serviceIndex[service],
            Self.supportedDays.contains(date.daysSinceEpoch), now.isSupported
        else { return nil }
        expireHolds(now: now)
        let number = ledgerNumber(DayKey(office: officeNumber, service: serviceNumber, day: Int32(date.daysSinceEpoch)))
        return (0..<Int(ledgers[number].slotCount)).map { index in
            SlotCapacity(
                online: remaining(.online, ledger: number, slot: index),
                walkIn: remaining(.walkIn, ledger: number, slot: index),
                priority: remaining(.priority, ledger: number, slot: index))
        }
    }
}
