/// The earliest open slot at any office of the home office's kecamatan; ties go to the home office.
public struct KecamatanEarliestPolicy: AllocationPolicy {
    public init() {}
    public var name: String { "kecamatan-earliest" }
    public var candidatesDependOnlyOnHomeAndService: Bool { true }

    public func candidateOffices(for request: PlacementRequest, in directory: OfficeDirectory) -> [OfficeID] {
        directory.kecamatanOffices(of: request.homeOffice)
    }

    public func choose(
        from candidates: [SlotAvailability], for request: PlacementRequest, in directory: OfficeDirectory
    ) -> SlotAvailability? {
        candidates.earliest(preferring: directory.kecamatanOffices(of: request.homeOffice))
    }
}
