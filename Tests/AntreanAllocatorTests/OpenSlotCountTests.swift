import Testing

@testable import AntreanAllocator

/// Each ledger counts its slots with room for online and for priority citizens, so searches skip a full
/// day in O(1). The counts must agree with a scan of the day's slots after any mix of operations, and the
/// search that trusts them must find what a scan of every slot finds.
@Suite struct OpenSlotCountTests {
    @Test func countsAndEarliestSlotsAgreeWithAScanUnderRandomOperations() {
        var rules = AllocatorRules()
        rules.bookingHorizonDays = 3
        var core = Fixture.core(rules: rules)
        var generator = SplitMix64(seed: 29)
        let offices = [Fixture.a1, Fixture.a2, Fixture.b1]
        let services = [Fixture.ktp, Fixture.kk]
        var now = Fixture.sundayNoon
        var ids: [BookingID] = []
        var fullDaysSeen = 0
        for round in 0..<2500 {
            now = now.adding(seconds: Int64(generator.next() % 240))
            let office = offices[Int(generator.next() % 3)]
            let service = services[Int(generator.next() % 2)]
            let citizen = Fixture.citizen(round, priority: generator.next() % 4 == 0)
            switch generator.next() % 8 {
            case 0, 1, 2, 3:
                let request = PlacementRequest(
                    service: service, homeOffice: office, citizen: citizen, holdOnly: generator.next() % 6 == 0)
                if case .success(let receipt) = core.place(request, now: now) { ids.append(receipt.booking.id) }
            case 4:
                if !ids.isEmpty { _ = core.cancel(ids[Int(generator.next() % UInt64(ids.count))], now: now) }
            case 5:
                _ = core.registerWalkIn(
                    office: office, service: service, citizen: citizen, now: now,
                    overflowToOnline: generator.next() % 2 == 0)
            case 6:
                _ = core.releaseNoShows(now: now)
            default:
                guard !ids.isEmpty else { break }
                let id = ids[Int(generator.next() % UInt64(ids.count))]
                if let target = core.earliestSlot(service: service, office: office, from: now, now: now) {
                    _ = core.reschedule(id, to: target.slot, now: now)
                }
            }
            for number in core.ledgers.indices {
                let ledger = core.ledgers[number]
                let scanned = core.rows.scanOpenSlots(of: ledger)
                #expect(ledger.openOnline == scanned.online)
                #expect(ledger.openPriority == scanned.priority)
                if ledger.slotCount > 0 && scanned.online == 0 { fullDaysSeen += 1 }
            }
            for office in offices {
                for service in services {
                    for isPriority in [false, true] {
                        let found = core.earliestSlot(
                            service: service, office: office, isPriority: isPriority, from: now, now: now)
                        let scanned = Self.earliestByScan(
                            &core, service: service, office: office, isPriority: isPriority, now: now)
                        #expect(found?.slot.start.secondsSinceEpoch == scanned)
                    }
                }
            }
        }
        #expect(core.invariantViolations().isEmpty)
        // The operations did fill days, so the skipping was exercised.
        #expect(fullDaysSeen > 100)
    }

    /// The earliest open slot start by reading every slot of every day in the horizon (no counts).
    static func earliestByScan(
        _ core: inout AllocatorCore, service: ServiceID, office: OfficeID, isPriority: Bool, now: Instant
    ) -> Int64? {
        guard let officeNumber = core.officeIndex[office], let serviceNumber = core.serviceIndex[service],
            core.offers(office: officeNumber, service: serviceNumber)
        else { return nil }
        let today = core.rules.timeZone.localDate(of: now).daysSinceEpoch
        for day in today...(today + core.rules.bookingHorizonDays) {
            let number = core.ledgerNumber(DayKey(office: officeNumber, service: serviceNumber, day: Int32(day)))
            let ledger = core.ledgers[number]
            if let quota = core.configuration.services[Int(serviceNumber)].dailyQuota, Int(ledger.occupied) >= quota {
                continue
            }
            for index in ledger.slots where ledger.slotStart(index) >= now.secondsSinceEpoch {
                var room = core.rows.remaining(.online, of: ledger, at: index)
                if isPriority { room += core.rows.remaining(.priority, of: ledger, at: index) }
                if room > 0 { return ledger.slotStart(index) }
            }
        }
        return nil
    }
}
