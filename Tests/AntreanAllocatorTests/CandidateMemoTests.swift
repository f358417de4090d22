import AntreanAllocator
import Testing

/// The allocator asks a policy for its candidate offices once per home office and service when the
/// policy says they depend on nothing else, and on every request otherwise.
@Suite struct CandidateMemoTests {
    /// `base` with the memo turned off: asked for every request.
    struct AskedEveryTime: AllocationPolicy {
        var base: any AllocationPolicy
        var name: String { base.name }
        func candidateOffices(for request: PlacementRequest, in directory: OfficeDirectory) -> [OfficeID] {
            base.candidateOffices(for: request, in: directory)
        }
        func choose(
            from candidates: [SlotAvailability], for request: PlacementRequest, in directory: OfficeDirectory
        ) -> SlotAvailability? {
            base.choose(from: candidates, for: request, in: directory)
        }
        func bookableOnlineCapacity(_ online: Int, office: OfficeID, weekday: Weekday) -> Int {
            base.bookableOnlineCapacity(online, office: office, weekday: weekday)
        }
    }

    /// Priority citizens are sent to kel-b1 only; everyone else to their home office. Its candidates
    /// depend on more than home and service, so it keeps the default (no memo).
    struct PriorityGoesToB1: AllocationPolicy {
        var name: String { "priority-to-b1" }
        func candidateOffices(for request: PlacementRequest, in directory: OfficeDirectory) -> [OfficeID] {
            request.citizen.isPriority ? [Fixture.b1] : [request.homeOffice]
        }
        func choose(
            from candidates: [SlotAvailability], for request: PlacementRequest, in directory: OfficeDirectory
        ) -> SlotAvailability? {
            candidates.min { $0.slot.start < $1.slot.start }
        }
    }

    static let policies: [any AllocationPolicy] = [
        HomeOfficeEarliestPolicy(), KecamatanEarliestPolicy(), LeastLoadedPolicy(maxDistanceKm: 5),
        LeastLoadedPolicy(maxDistanceKm: 50),
        OverbookingPolicy(base: KecamatanEarliestPolicy(), noShowRates: [:], defaultRate: 0.3),
    ]

    @Test(arguments: 0..<policies.count)
    func memoizedCandidatesPlaceAsAskingEveryTime(policyIndex: Int) {
        let policy = Self.policies[policyIndex]
        #expect(policy.candidatesDependOnlyOnHomeAndService)
        var memoized = Fixture.core(policy: policy)
        var asked = Fixture.core(policy: AskedEveryTime(base: policy))
        var random = SplitMix64(seed: UInt64(policyIndex + 1))
        let offices = [Fixture.a1, Fixture.a2, Fixture.b1]
        var placed = 0
        for step in 0..<400 {
            let request = PlacementRequest(
                service: Bool.random(using: &random) ? Fixture.ktp : Fixture.kk,
                homeOffice: offices.randomElement(using: &random)!,
                citizen: Fixture.citizen(step, priority: Int.random(in: 0..<4, using: &random) == 0))
            let now = Fixture.sundayNoon.adding(minutes: step)
            let byMemo = memoized.placeBooking(request, now: now)
            #expect(byMemo == asked.placeBooking(request, now: now), "step \(step)")
            if case .success = byMemo { placed += 1 }
        }
        // Enough places were taken for later requests to spill over or be refused.
        #expect(placed > 20)
        #expect(memoized.allBookings.map(\.office) == asked.allBookings.map(\.office))
    }

    @Test func aPolicyThatReadsMoreIsAskedForEveryRequest() {
        #expect(!PriorityGoesToB1().candidatesDependOnlyOnHomeAndService)
        var core = Fixture.core(policy: PriorityGoesToB1())
        let now = Fixture.sundayNoon
        let ordinary = PlacementRequest(service: Fixture.ktp, homeOffice: Fixture.a1, citizen: Fixture.citizen(1))
        let priority = PlacementRequest(
            service: Fixture.ktp, homeOffice: Fixture.a1, citizen: Fixture.citizen(2, priority: true))
        #expect(core.placeBooking(ordinary, now: now).value?.office == Fixture.a1)
        #expect(core.placeBooking(priority, now: now).value?.office == Fixture.b1)
        #expect(core.placeBooking(ordinary, now: now).value?.office == Fixture.a1)
    }
}
