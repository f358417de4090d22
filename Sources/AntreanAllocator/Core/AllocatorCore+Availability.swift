extension AllocatorCore {
    /// The earliest slots with room for `service` at `offices`, starting at or after `from` and bookable at
    /// `now`, in time order (ties by office order), at most `limit`. Holds count as taken.
    /// O(days × slots × offices) in the worst case; stops as soon as `limit` slots are found per day.
    public mutating func availability(
        service: ServiceID, offices: [OfficeID], isPriority: Bool = false, from: Instant, limit: Int, now: Instant
    ) -> [SlotAvailability] {
        expireHolds(now: now)
        guard limit > 0, let serviceNumber = serviceIndex[service] else { return [] }
        let zone = rules.timeZone
        let earliest = max(from, now.adding(minutes: rules.minimumLeadMinutes))
        let firstDay = zone.localDate(of: earliest).daysSinceEpoch
        let lastDay = zone.localDate(of: now).daysSinceEpoch + rules.bookingHorizonDays
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
                let slotCount = ledgers[number].slotCount
                guard slotCount > 0 else { continue }
                if let quota = configuration.services[Int(serviceNumber)].dailyQuota,
                    ledgers[number].occupied >= quota
                {
                    continue
                }
                var taken = 0
                let first = ledgers[number].firstSlot(startingAtOrAfter: earliest.secondsSinceEpoch)
                for index in first..<slotCount {
                    var room = ledgers[number].remaining(.online, at: index)
                    if isPriority { room += ledgers[number].remaining(.priority, at: index) }
                    guard room > 0 else { continue }
                    today.append(
                        SlotAvailability(
                            slot: SlotRef(
                                office: office, service: service,
                                start: Instant(secondsSinceEpoch: ledgers[number].slotStart(index))),
                            remaining: room,
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
    /// arrays. Placement calls it once per candidate office. O(days × slots) in the worst case.
    public mutating func earliestSlot(
        service: ServiceID, office: OfficeID, isPriority: Bool = false, from: Instant, now: Instant
    ) -> SlotAvailability? {
        expireHolds(now: now)
        guard let serviceNumber = serviceIndex[service], let officeNumber = officeIndex[office],
            offers(office: officeNumber, service: serviceNumber)
        else { return nil }
        let zone = rules.timeZone
        let earliest = max(from, now.adding(minutes: rules.minimumLeadMinutes))
        let firstDay = zone.localDate(of: earliest).daysSinceEpoch
        let lastDay = zone.localDate(of: now).daysSinceEpoch + rules.bookingHorizonDays
        guard firstDay <= lastDay else { return nil }
        let quota = configuration.services[Int(serviceNumber)].dailyQuota
        for day in firstDay...lastDay {
            let number = ledgerNumber(DayKey(office: officeNumber, service: serviceNumber, day: Int32(day)))
            let slotCount = ledgers[number].slotCount
            guard slotCount > 0 else { continue }
            if let quota, ledgers[number].occupied >= quota { continue }
            let first = ledgers[number].firstSlot(startingAtOrAfter: earliest.secondsSinceEpoch)
            for index in first..<slotCount {
                var room = ledgers[number].remaining(.online, at: index)
                if isPriority { room += ledgers[number].remaining(.priority, at: index) }
                guard room > 0 else { continue }
                return SlotAvailability(
                    slot: SlotRef(
                        office: office, service: service,
                        start: Instant(secondsSinceEpoch: ledgers[number].slotStart(index))),
                    remaining: room,
                    dayUtilization: ledgers[number].utilization)
            }
        }
        return nil
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
        guard let officeNumber = officeIndex[office], let serviceNumber = serviceIndex[service] else { return nil }
        return ledger(DayKey(office: officeNumber, service: serviceNumber, day: Int32(date.daysSinceEpoch))).plan
    }
}
