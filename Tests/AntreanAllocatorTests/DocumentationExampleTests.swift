import AntreanAllocator
import Testing

/// The example of docs/allocator.md ("Using the core from the simulator"), kept compiling and true.
@Suite struct DocumentationExampleTests {
    @Test func simulatorExampleFromTheDocs() throws {
        let ktp = ServiceID("ktp")
        let office = OfficeID("kel-sidodadi")
        let configuration = AllocatorConfiguration(
            offices: [
                OfficeConfig(
                    id: office, kecamatan: KecamatanID("samarinda-ulu"),
                    services: [OfficeServiceConfig(service: ktp, counters: 2)],
                    walkInShare: [.monday: 0.4, .tuesday: 0.2, .wednesday: 0.2, .thursday: 0.2, .friday: 0.4],
                    priorityShare: [.monday: 0.1, .tuesday: 0.1, .wednesday: 0.1, .thursday: 0.1, .friday: 0.1])
            ],
            services: [ServiceConfig(id: ktp, meanServiceMinutes: 7.5, dailyQuota: 300)])
        var core = try AllocatorCore(
            configuration: configuration, policy: KecamatanEarliestPolicy(),
            tokenSigner: TestKeys.signer,
            journalsChanges: false)
        let monday = LocalDate(year: 2026, month: 11, day: 23)
        let maybePlan = core.dayPlan(office: office, service: ktp, date: monday)
        let plan = try #require(maybePlan)
        #expect(plan.slots.count == 32)
        // 4 places per slot on Monday: walk-in round(1.6) = 2, priority round(0.4) = 0, online 2.
        #expect(plan.slots[0] == SlotCapacity(online: 2, walkIn: 2, priority: 0))
        let now = OfficeTimeZone.wita.instant(on: monday, minuteOfDay: 7 * 60)
        let citizen = Citizen(nikHash: NIKHash(syntheticCitizen: 42), account: AccountID("device-42"))
        let open = core.availability(service: ktp, offices: [office], from: now, limit: 5, now: now)
        #expect(open.count == 5 && open[0].slot.start == plan.slotStart(0))
        let receipt = try core.book(open[0].slot, for: citizen, now: now).get()
        let token = try core.issueToken(for: receipt.booking.id, now: now).get()
        let checkIn = try core.checkIn(token: token, at: office, now: plan.slotStart(0)).get()
        #expect(checkIn.timing == .onTime)
        let other = try core.book(
            plan.slotStart(1) == open[1].slot.start ? open[1].slot : open[2].slot,
            for: Citizen(nikHash: NIKHash(syntheticCitizen: 43)), now: now
        ).get()
        let released = core.releaseNoShows(now: plan.slotStart(4))
        #expect(released == [other.booking.id])
        let journal = core.drainChanges()
        #expect(journal.isEmpty)  // journalsChanges: false keeps no journal
    }
}
