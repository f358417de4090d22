/// Overbooking by a predicted no-show rate per office and weekday, on top of another policy's choice.
///
/// A slot with online capacity c sells ⌊c ÷ (1 − p)⌋ places, so that c are expected to show when
/// each booking independently no-shows with probability p (LaGanga & Lawrence 2007: overbooking pays
/// more with more no-shows). `p` is capped at `maximumRate` to bound the worst-case overflow.
public struct OverbookingPolicy: AllocationPolicy {
    public var base: any AllocationPolicy
    /// Predicted no-show probability by office and weekday; `defaultRate` where absent.
    public var noShowRates: [OfficeID: [Weekday: Double]]
    public var defaultRate: Double
    public var maximumRate: Double

    public init(
        base: any AllocationPolicy = HomeOfficeEarliestPolicy(), noShowRates: [OfficeID: [Weekday: Double]],
        defaultRate: Double = 0, maximumRate: Double = 0.5
    ) {
        self.base = base
        self.noShowRates = noShowRates
        self.defaultRate = defaultRate
        self.maximumRate = maximumRate
    }

    public var name: String { "overbooking(" + base.name + ")" }
    public var candidatesDependOnlyOnHomeAndService: Bool { base.candidatesDependOnlyOnHomeAndService }

    public func rate(office: OfficeID, weekday: Weekday) -> Double {
        min(maximumRate, max(0, noShowRates[office]?[weekday] ?? defaultRate))
    }

    public func candidateOffices(for request: PlacementRequest, in directory: OfficeDirectory) -> [OfficeID] {
        base.candidateOffices(for: request, in: directory)
    }

    public func choose(
        from candidates: [SlotAvailability], for request: PlacementRequest, in directory: OfficeDirectory
    ) -> SlotAvailability? {
        base.choose(from: candidates, for: request, in: directory)
    }

    public func bookableOnlineCapacity(_ online: Int, office: OfficeID, weekday: Weekday) -> Int {
        let rate = rate(office: office, weekday: weekday)
        // The epsilon keeps exact quotients (e.g. 3 ÷ 0.75 = 4) from rounding down to 3.
        return Int((Double(online) / (1 - rate) + 1e-9).rounded(.down))
    }
}
