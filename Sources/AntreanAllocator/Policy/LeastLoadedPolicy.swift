/// The office with the lowest utilization on its earliest open day, among offices within a travel
/// constraint: at most `maxDistanceKm` from the home office (when positions are known; otherwise the
/// kecamatan's offices) and with at least `minimumCounters` counters for the service.
/// Ties: earlier slot, then home office, then office id.
public struct LeastLoadedPolicy: AllocationPolicy {
    public var maxDistanceKm: Double
    public var minimumCounters: Int

    public init(maxDistanceKm: Double = 5, minimumCounters: Int = 1) {
        self.maxDistanceKm = maxDistanceKm
        self.minimumCounters = minimumCounters
    }

    public var name: String { "least-loaded" }
    public var candidatesDependOnlyOnHomeAndService: Bool { true }

    public func candidateOffices(for request: PlacementRequest, in directory: OfficeDirectory) -> [OfficeID] {
        guard let home = directory.offices[request.homeOffice] else { return [request.homeOffice] }
        let pool: [OfficeID]
        if let origin = home.positionKm {
            pool = directory.offices.values.filter { office in
                guard let position = office.positionKm else { return false }
                return position.distance(to: origin) <= maxDistanceKm
            }.map(\.id).sorted()
        } else {
            pool = directory.kecamatanOffices(of: request.homeOffice)
        }
        let sized = pool.filter { id in
            let counters = directory.offices[id]?.services.first { $0.service == request.service }?.counters ?? 0
            return counters >= minimumCounters
        }
        return [request.homeOffice] + sized.filter { $0 != request.homeOffice }
    }

    public func choose(
        from candidates: [SlotAvailability], for request: PlacementRequest, in directory: OfficeDirectory
    ) -> SlotAvailability? {
        candidates.min { lhs, rhs in
            if lhs.dayUtilization != rhs.dayUtilization { return lhs.dayUtilization < rhs.dayUtilization }
            if lhs.slot.start != rhs.slot.start { return lhs.slot.start < rhs.slot.start }
            if (lhs.slot.office == request.homeOffice) != (rhs.slot.office == request.homeOffice) {
                return lhs.slot.office == request.homeOffice
            }
            return lhs.slot.office < rhs.slot.office
        }
    }
}
