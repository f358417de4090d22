import AntreanAllocator
import Testing

@Suite struct CapacityPlanTests {
    @Test func derivedCapacityAndReservesByWeekday() throws {
        let configuration = Fixture.configuration()
        let monday = try #require(configuration.dayPlan(office: Fixture.a1, service: Fixture.ktp, date: Fixture.monday))
        #expect(monday.slots.count == 32)  // 08:00–16:00 in 15-minute slots
        #expect(monday.slots[0] == SlotCapacity(online: 2, walkIn: 1, priority: 1))
        #expect(monday.slotStart(0) == Fixture.wita.instant(on: Fixture.monday, minuteOfDay: 480))
        let tuesday = try #require(
            configuration.dayPlan(office: Fixture.a1, service: Fixture.ktp, date: Fixture.tuesday))
        #expect(tuesday.slots[0] == SlotCapacity(online: 3, walkIn: 0, priority: 1))
        let friday = try #require(
            configuration.dayPlan(
                office: Fixture.a1, service: Fixture.ktp, date: LocalDate(year: 2026, month: 11, day: 27)))
        #expect(friday.slots.count == 24)  // 08:00–14:00
        let kk = try #require(configuration.dayPlan(office: Fixture.a1, service: Fixture.kk, date: Fixture.monday))
        #expect(kk.slots[0].total == 1)
    }

    @Test func closedDaysHaveNoPlan() {
        var rules = AllocatorRules()
        rules.holidays = [Fixture.tuesday]
        let configuration = Fixture.configuration(rules: rules)
        let saturday = LocalDate(year: 2026, month: 11, day: 28)
        #expect(configuration.dayPlan(office: Fixture.a1, service: Fixture.ktp, date: saturday) == nil)
        #expect(configuration.dayPlan(office: Fixture.a1, service: Fixture.ktp, date: Fixture.tuesday) == nil)
        #expect(configuration.dayPlan(office: Fixture.b1, service: Fixture.ktp, date: Fixture.monday) == nil)
        #expect(configuration.dayPlan(office: Fixture.a2, service: Fixture.kk, date: Fixture.monday) == nil)
    }

    @Test func explicitCapacityAndSplitRounding() {
        #expect(
            SlotCapacity.split(total: 10, walkInShare: 0.35, priorityShare: 0.1)
                == .init(online: 5, walkIn: 4, priority: 1))
        #expect(
            SlotCapacity.split(total: 3, walkInShare: 1, priorityShare: 0.5) == .init(online: 0, walkIn: 3, priority: 0)
        )
        var configuration = Fixture.configuration()
        configuration.offices[1].services[0].slotCapacity = 7
        #expect(
            configuration.dayPlan(office: Fixture.a2, service: Fixture.ktp, date: Fixture.monday)?.slots[0].online == 7)
    }

    @Test func invalidConfigurationsNameTheField() {
        var configuration = Fixture.configuration()
        configuration.offices[0].walkInShare[.monday] = 0.9
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
        configuration = Fixture.configuration()
        configuration.offices.append(configuration.offices[0])
        do {
            try configuration.validate()
            Issue.record("duplicate office accepted")
        } catch {
            #expect(error.field == "offices[3].id")
        }
        configuration = Fixture.configuration()
        configuration.services[0].meanServiceMinutes = 0
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
        // QR tokens carry whole minutes: an offset with seconds is refused, Nepal's +5:45 is not.
        configuration = Fixture.configuration()
        configuration.rules.timeZone = OfficeTimeZone(secondsEastOfUTC: 8 * 3600 + 30)
        #expect(
            throws: ConfigurationError(
                field: "rules.utcOffsetHours", message: "must be whole minutes within ±18 h, got 28830 s")
        ) {
            try configuration.validate()
        }
        configuration.rules.timeZone = OfficeTimeZone(secondsEastOfUTC: 5 * 3600 + 45 * 60)
        #expect(throws: Never.self) { try configuration.validate() }
        // Slot usage is counted in 16 bits.
        configuration.offices[0].services[0].slotCapacity = 32_768
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
        configuration.offices[0].services[0].slotCapacity = 32_767
        #expect(throws: Never.self) { try configuration.validate() }
    }
}
