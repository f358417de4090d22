extension AllocatorCore {
    /// The earliest slots with room for `service` at `offices`, starting at or after `from` and bookable at
    /// `now`, in time order (ties by office order), at most `limit`. Holds count as taken.
    /// O(days × slots × offices) in the worst case; stops as soon as `limit` slots are found per day.
    public mutating func availability(
        service: ServiceID, offices: [OfficeID], isPriority: Bool = false, from: Instant, limit: Int, now: Instant
    ) -> [SlotAvailability] {
        guard Self.timeRefusal(now, from) == nil else { return [] }
        expireHolds(now: now)
        guard limit > 0, let serviceNumber = serviceIndex[service] else { return [] }
        let earliest = max(from, now.adding(minutes: rules.minimumLeadMinutes))
        let firstDay = rules.timeZone.localDay(of: earliest)
        let lastDay = rules.timeZone.localDay(of: now) + rules.bookingHorizonDays
        var found: [SlotAvailability] = []
        guard firstDay <= lastDay else { return [] }
        // Office order breaks ties between offices; built once, and not at all for one office.
        let order =
            offices.count > 1
            ? Dictionary(offices.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
        var today: [SlotAvailability] = []
        for day in firstDay...lastDay {
            today.removeAll(keepingCapacity: true)
            for office in offices {
                guard let officeNumber = officeIndex[office], offers(office: officeNumber, service: serviceNumber)
                else {
                    continue
                }
                let number = ledgerNumber(DayKey(office: officeNumber, service: serviceNumber, day: Int32(day)))
                // Read in place: copying a ledger (or its plan) would retain its arrays for every day scanned.
                guard ledgers[number].mayHaveRoom(isPriority: isPriority, quota: dailyQuotas[Int(serviceNumber)])
                else { continue }
                var taken = 0
                let first = ledgers[number].firstSlot(startingAtOrAfter: earliest.secondsSinceEpoch)
                for index in first..<Int(ledgers[number].slotCount) {
                    let places = room(ledger: number, slot: index, isPriority: isPriority)
                    guard places > 0 else { continue }
                    today.append(
                        SlotAvailability(
                            slot: SlotRef(
                                office: office, service: service,
                                start: Instant(secondsSinceEpoch: ledgers[number].slotStart(index))),
                            remaining: places,
                            dayUtilization: ledgers[number].utilization))
                    taken += 1
                    if taken == limit { break }
                }
            }
            if offices.count > 1 {
                today.sort { ($0.slot.start, order[$0.slot.office]!) < ($1.slot.start, order[$1.slot.office]!) }
            }
            found += today.prefix(limit - found.count)
            if found.count >= limit { break }
        }
        return found
    }

    /// The earliest slot with room for `service` at one office, at or after `from` and bookable at
    /// `now`: what `availability(…, offices: [office], limit: 1, …)` returns first, without building
    /// arrays. O(days in the horizon + slots of the first day with room).
    public mutating func earliestSlot(
        service: ServiceID, office: OfficeID, isPriority: Bool = false, from: Instant, now: Instant
    ) -> SlotAvailability? {
        guard Self.timeRefusal(now, from) == nil else { return nil }
        expireHolds(now: now)
        guard let serviceNumber = serviceIndex[service], let officeNumber = officeIndex[office],
            let position = earliestPosition(
                service: serviceNumber, office: officeNumber, isPriority: isPriority, from: from, now: now)
        else { return nil }
        return slotAvailability(at: position, office: office, service: service, isPriority: isPriority)
    }

    /// `earliestSlot` on office and service numbers, as a ledger position; does not expire holds.
    /// Days whose open-slot count is zero (full, closed or over quota) cost O(1) each; only the first
    /// day with room has its slots read. Placement calls this once per candidate office.
    mutating func earliestPosition(
        service: Int32, office: Int32, isPriority: Bool, from: Instant, now: Instant
    ) -> LedgerPosition? {
        guard offers(office: office, service: service) else { return nil }
        let earliest = max(from, now.adding(minutes: rules.minimumLeadMinutes))
        let firstDay = rules.timeZone.localDay(of: earliest)
        let lastDay = rules.timeZone.localDay(of: now) + rules.bookingHorizonDays
        guard firstDay <= lastDay else { return nil }
        let quota = dailyQuotas[Int(service)]
        for day in firstDay...lastDay {
            let key = DayKey(office: office, service: service, day: Int32(day))
            let number = ledgerNumber(key)
            guard ledgers[number].mayHaveRoom(isPriority: isPriority, quota: quota) else { continue }
            let first = ledgers[number].firstSlot(startingAtOrAfter: earliest.secondsSinceEpoch)
            for index in first..<Int(ledgers[number].slotCount)
            where room(ledger: number, slot: index, isPriority: isPriority) > 0 {
                return LedgerPosition(key: key, ledger: Int32(number), slot: Int32(index))
            }
        }
        return nil
    }

    /// The public form of an open slot found by `earliestPosition`, named by the caller's ids. O(1).
    func slotAvailability(
        at position: LedgerPosition, office: OfficeID, service: ServiceID, isPriority: Bool
    ) -> SlotAvailability {
        let ledger = Int(position.ledger)
        let index = Int(position.slot)
        return SlotAvailability(
            slot: SlotRef(
                office: office, service: service, start: Instant(secondsSinceEpoch: ledgers[ledger].slotStart(index))),
            remaining: room(ledger: ledger, slot: index, isPriority: isPriority),
            dayUtilization: ledgers[ledger].utilization)
    }

    /// Availability across every office of a kecamatan.
    public mutating func availability(
        service: ServiceID, kecamatan: KecamatanID, isPriority: Bool = false, from: Instant, limit: Int, now: Instant
    ) -> [SlotAvailability] {
        availability(
            service: service, offices: directory.officesByKecamatan[kecamatan] ?? [], isPriority: isPriority,
            from: from,
            limit: limit, now: now)
    }

    /// The capacity plan of a day with current usage (for dashboards and the simulator).
    public mutating func dayPlan(office: OfficeID, service: ServiceID, date: LocalDate) -> DayPlan? {
        guard let officeNumber = officeIndex[office], let serviceNumber = serviceIndex[service],
            Self.supportedDays.contains(date.daysSinceEpoch)
        else { return nil }
        // Created first: a call on `self` reads `self` before evaluating its arguments.
        let number = ledgerNumber(DayKey(office: officeNumber, service: serviceNumber, day: Int32(date.daysSinceEpoch)))
        return plan(ofLedger: number)
    }
}
