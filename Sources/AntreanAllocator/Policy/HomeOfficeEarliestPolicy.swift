/// The earliest open slot at the citizen's home office only.
public struct HomeOfficeEarliestPolicy: AllocationPolicy {
    public init() {}
    public var name: String { "home-earliest" }
    public var candidatesDependOnlyOnHomeAndService: Bool { true }

    public func candidateOffices(for request: PlacementRequest, in directory: OfficeDirectory) -> [OfficeID] {
        [request.homeOffice]
    }

    public func choose(
        from candidates: [SlotAvailability], for request: PlacementRequest, in directory: OfficeDirectory
    ) -> SlotAvailability? {
        var earliest: SlotAvailability?
        for candidate in candidates where candidate.slot.office == request.homeOffice {
            if earliest.map({ candidate.slot.start < $0.slot.start }) ?? true { earliest = candidate }
        }
        return earliest
    }
}
