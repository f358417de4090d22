/// How a placement request becomes a slot. Implement this to try a new rule on the same allocator.
///
/// Contract: pure and deterministic — the same inputs give the same answer (no clocks, no randomness
/// unless seeded from the inputs). The allocator still enforces capacity, quotas and limits itself;
/// a policy only chooses among slots that have room and may raise the online pool (overbooking).
public protocol AllocationPolicy: Sendable {
    /// A short name, e.g. `home-earliest`.
    var name: String { get }

    /// Offices to search for `request`, in preference order.
    func candidateOffices(for request: PlacementRequest, in directory: OfficeDirectory) -> [OfficeID]

    /// Whether ``candidateOffices(for:in:)`` depends on nothing but the request's home office and
    /// service (and the directory, which is fixed for an allocator). The allocator then asks once per
    /// pair and reuses the list. False by default: such a policy is asked for every request.
    var candidatesDependOnlyOnHomeAndService: Bool { get }

    /// Chooses among the earliest open slot of each candidate office (nil = refuse with `noAvailability`).
    func choose(
        from candidates: [SlotAvailability], for request: PlacementRequest, in directory: OfficeDirectory
    ) -> SlotAvailability?

    /// Places the online pool may sell in one slot whose planned online capacity is `online`.
    func bookableOnlineCapacity(_ online: Int, office: OfficeID, weekday: Weekday) -> Int
}

extension AllocationPolicy {
    public func bookableOnlineCapacity(_ online: Int, office: OfficeID, weekday: Weekday) -> Int { online }
    public var candidatesDependOnlyOnHomeAndService: Bool { false }
}

/// Read-only facts about the offices for policies.
public struct OfficeDirectory: Sendable {
    public let offices: [OfficeID: OfficeConfig]
    public let officesByKecamatan: [KecamatanID: [OfficeID]]
    /// ``kecamatanOffices(of:)`` of every office, built once: policies ask for it on every placement.
    private let kecamatanOfficesByOffice: [OfficeID: [OfficeID]]

    public init(_ configurations: [OfficeConfig]) {
        var byID: [OfficeID: OfficeConfig] = [:]
        var byKecamatan: [KecamatanID: [OfficeID]] = [:]
        for office in configurations {
            byID[office.id] = office
            byKecamatan[office.kecamatan, default: []].append(office.id)
        }
        offices = byID
        let sortedByKecamatan = byKecamatan.mapValues { $0.sorted() }
        officesByKecamatan = sortedByKecamatan
        kecamatanOfficesByOffice = byID.mapValues { office in
            [office.id] + (sortedByKecamatan[office.kecamatan] ?? []).filter { $0 != office.id }
        }
    }

    /// The offices of `office`'s kecamatan, `office` first, then by id. O(1): built with the directory.
    public func kecamatanOffices(of office: OfficeID) -> [OfficeID] {
        kecamatanOfficesByOffice[office] ?? [office]
    }
}

extension Array where Element == SlotAvailability {
    /// The earliest slot, ties broken by the order of `preference` then by office id: deterministic.
    /// Ranks are found by a linear scan: preference lists are a kecamatan's few offices, and building a
    /// dictionary per placement cost more than the comparisons.
    func earliest(preferring preference: [OfficeID]) -> SlotAvailability? {
        func rank(_ office: OfficeID) -> Int { preference.firstIndex(of: office) ?? Int.max }
        return self.min { lhs, rhs in
            if lhs.slot.start != rhs.slot.start { return lhs.slot.start < rhs.slot.start }
            let left = rank(lhs.slot.office)
            let right = rank(rhs.slot.office)
            return left != right ? left < right : lhs.slot.office < rhs.slot.office
        }
    }
}
