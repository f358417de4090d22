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
        for day in firstDay...lastDay {
            var today: [SlotAvailability] = []
            for office in offices {
                guard let officeNumber = officeIndex[office], offers(office: officeNumber, service: serviceNumber)
                else {
                    continue
                }
                let key = DayKey(office: officeNumber, service: serviceNumber, day: Int32(day))
                let ledger = ledger(key)
                guard let plan = ledger.plan else { continue }
                if let quota = configuration.services[Int(serviceNumber)].dailyQuota, ledger.occupied >= quota {
                    continue
                }
                var taken = 0
                for index in plan.slots.indices where plan.slotStart(index) >= earliest {
                    var room = ledger.remaining(.online, at: index)
                    if isPriority { room += ledger.remaining(.priority, at: index) }
                    guard room > 0 else { continue }
                    today.append(
                        SlotAvailability(
                            slot: SlotRef(office: office, service: service, start: plan.slotStart(index)),
                            remaining: room,
                            dayUtilization: ledger.utilization))
                    taken += 1
                    if taken == limit { break }
                }
            }
            let order = Dictionary(offices.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            today.sort { ($0.slot.start, order[$0.slot.office]!) < ($1.slot.start, order[$1.slot.office]!) }
            found += today.prefix(limit - found.count)
            if found.count >= limit { break }
        }
        return found
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
