import AntreanAllocator
import Testing

@Suite struct PolicyTests {
    let now = Fixture.sundayNoon

    func request(_ number: some BinaryInteger, home: OfficeID = Fixture.a1, priority: Bool = false) -> PlacementRequest
    {
        PlacementRequest(service: Fixture.ktp, homeOffice: home, citizen: Fixture.citizen(number, priority: priority))
    }

    @Test func homeOfficeEarliestStaysHome() {
        var core = Fixture.core(policy: HomeOfficeEarliestPolicy())
        let starts = (1...3).map { core.place(request($0), now: now).value!.booking }
        #expect(starts.allSatisfy { $0.office == Fixture.a1 })
        #expect(
            starts.map(\.slotStart)
                == [480, 480, 495].map { Fixture.wita.instant(on: Fixture.monday, minuteOfDay: $0) })
    }

    @Test func kecamatanEarliestSpillsToTheNeighbourFirstAndPrefersHomeOnTies() {
        var core = Fixture.core(policy: KecamatanEarliestPolicy())
        let offices = (1...6).map { core.place(request($0), now: now).value!.booking.office }
        #expect(offices == [Fixture.a1, Fixture.a1, Fixture.a2, Fixture.a2, Fixture.a2, Fixture.a2])
    }

    @Test func leastLoadedBalancesWithinTheDistance() {
        var core = Fixture.core(policy: LeastLoadedPolicy(maxDistanceKm: 5))
        let offices = (1...4).map { core.place(request($0), now: now).value!.booking.office }
        // Empty offices tie at 0 → home; afterwards the less-utilized one wins; b1 (20 km) is never used.
        #expect(offices.first == Fixture.a1)
        #expect(Set(offices) == [Fixture.a1, Fixture.a2])
        var far = Fixture.core(policy: LeastLoadedPolicy(maxDistanceKm: 50))
        for number in 1...3 { _ = far.place(request(number), now: now) }
        #expect(far.allBookings.contains { $0.office == Fixture.b1 })
    }

    @Test func overbookingSellsOnlineCapacityOverOneMinusTheNoShowRate() {
        let policy = OverbookingPolicy(noShowRates: [Fixture.a1: [.monday: 0.5]], defaultRate: 0.2)
        #expect(policy.bookableOnlineCapacity(2, office: Fixture.a1, weekday: .monday) == 4)
        #expect(policy.bookableOnlineCapacity(4, office: Fixture.a2, weekday: .monday) == 5)
        #expect(policy.bookableOnlineCapacity(3, office: Fixture.a1, weekday: .tuesday) == 3)  // ⌊3 ÷ 0.8⌋
        var core = Fixture.core(policy: policy)
        let slot = Fixture.slot(Fixture.a1)
        for number in 1...4 { #expect(core.book(slot, for: Fixture.citizen(UInt64(number)), now: now).value != nil) }
        #expect(core.book(slot, for: Fixture.citizen(5), now: now).refusal == .slotFull)
        #expect(core.invariantViolations().isEmpty)
    }

    @Test func policiesAreDeterministic() {
        for policy in [
            KecamatanEarliestPolicy() as any AllocationPolicy, LeastLoadedPolicy(), HomeOfficeEarliestPolicy(),
        ] {
            var first = Fixture.core(policy: policy)
            var second = Fixture.core(policy: policy)
            for number in 1...40 {
                let home = [Fixture.a1, Fixture.a2][Int(number % 2)]
                #expect(
                    first.place(request(number, home: home), now: now)
                        == second.place(request(number, home: home), now: now))
            }
        }
    }

    @Test func placementRefusesWhenNothingFits() {
        var rules = AllocatorRules()
        rules.bookingHorizonDays = 0
        var core = Fixture.core(rules: rules)
        // Horizon 0 from Sunday: only Sunday, when everything is closed.
        #expect(core.place(request(1), now: now).refusal == .noAvailability)
    }
}
