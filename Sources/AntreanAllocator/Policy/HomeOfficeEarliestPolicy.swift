/// The earliest open slot at the citizen's home office only.
public struct HomeOfficeEarliestPolicy: AllocationPolicy {
    public init() {}
    public var name: String { "home-earliest" }

    public func candidateOffices(for request: PlacementRequest, in directory: OfficeDirectory) -> [OfficeID] {
        [request.homeOffice]
    }

    public func choose(
        from candidates: [SlotAvailability], for request: PlacementRequest, in directory: OfficeDirectory
    ) -> SlotAvailability? {
        candidates.filter { $0.slot.office == request.homeOffice }.earliest(preferring: [request.homeOffice])
    }
}
