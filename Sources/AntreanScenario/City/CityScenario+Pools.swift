import AntreanAllocator
import AntreanCity

extension CityScenario {
    static let poolFields = ["office", "pool", "counters", "weekdays", "dates", "interval", "minutes", "overbook"]

    /// Whether an `appointment_templates:` entry is a pool (it has a `pool:` list of services).
    static func isPoolEntry(_ item: ScenarioNode) -> Bool {
        guard case .mapping(let entries, _) = item.value else { return false }
        return entries.contains { $0.key == "pool" }
    }

    /// Decodes the pool entries of `appointment_templates:` (see docs/templates.md, "Pooled
    /// counters"); every error names the file, line and field. Ids must exist and expected minutes be
    /// positive; the fit of each pool to its office and days is checked by `checkPools` once the
    /// model is built.
    static func appointmentPools(
        _ node: ScenarioNode?, offices: [Office], services: [CityService]
    ) throws(ScenarioError) -> [(pool: AppointmentPool, node: ScenarioFields)] {
        guard let node, case .sequence = node.value else { return [] }
        let officeIDs = Set(offices.map(\.id))
        let serviceIDs = Set(services.map(\.id))
        var result: [(pool: AppointmentPool, node: ScenarioFields)] = []
        for item in try node.items() where isPoolEntry(item) {
            let fields = try item.fields(poolFields)
            let office = try entryOffice(fields, officeIDs: officeIDs)
            let poolNode = try fields.required("pool")
            guard case .sequence = poolNode.value else { throw poolNode.error("expected a list of service ids") }
            var pooled: [ServiceID] = []
            for serviceNode in try poolNode.items() {
                let id = try serviceNode.text()
                guard serviceIDs.contains(id) else { throw serviceNode.error("unknown service \"\(id)\"") }
                guard !pooled.contains(ServiceID(id)) else { throw serviceNode.error("service \"\(id)\" named twice") }
                pooled.append(ServiceID(id))
            }
            guard !pooled.isEmpty else { throw poolNode.error("a pool needs at least one service") }
            var counters: Int?
            if let countersNode = fields.optional("counters") {
                let value = try countersNode.int()
                guard (1...1000).contains(value) else {
                    throw countersNode.error("expected 1 to 1000 counters, got \(value)")
                }
                counters = value
            }
            let (weekdays, dates) = try entryDays(fields)
            let interval = try entryInterval(fields, example: "30m")
            var minutes: [ServiceID: Int]?
            if let minutesNode = fields.optional("minutes") {
                var table: [ServiceID: Int] = [:]
                for (id, entry) in try minutesNode.namedEntries() {
                    guard pooled.contains(ServiceID(id)) else {
                        throw entry.error("\"\(id)\" is not one of the pool's services")
                    }
                    let value = try entry.minutes(allowNegative: true)
                    guard value > 0, value <= 1440, value == value.rounded() else {
                        throw entry.error("expected whole minutes above 0 and at most 24h (e.g. 10m), got \(value) min")
                    }
                    table[ServiceID(id)] = Int(value)
                }
                minutes = table
            }
            let overbook = try fields.optional("overbook").map { node throws(ScenarioError) in
                try counterMinutes(node)
            }
            result.append(
                (
                    AppointmentPool(
                        office: office, services: pooled, weekdays: weekdays, dates: dates, counters: counters,
                        intervalMinutes: interval, serviceMinutes: minutes, overbook: overbook), fields
                ))
        }
        return result
    }

    /// A list of extra counter-minutes per interval: whole numbers from 0 to 32767.
    private static func counterMinutes(_ node: ScenarioNode) throws(ScenarioError) -> [Int] {
        try entryVector(node, of: "counter-minutes") { value in
            AppointmentTemplate.placesRange.contains(value)
                ? nil : "extra counter-minutes must lie in 0…\(AppointmentTemplate.maximumPerInterval), got \(value)"
        }
    }

    /// Checks every pool against its offices and days in `model`'s allocator configuration (and
    /// against the templates), reporting a misfit at the pool's field in its file and line.
    static func checkPools(
        _ decoded: [(pool: AppointmentPool, node: ScenarioFields)], model: CityModel
    ) throws(ScenarioError) {
        guard !decoded.isEmpty else { return }
        do {
            try model.allocatorConfiguration().validateAppointmentPools()
        } catch {
            let (index, key) = entryField(error.field)
            guard let index, decoded.indices.contains(index) else { throw decoded[0].node.node.error(error.message) }
            let yamlKey =
                switch key {
                case "services": "pool"
                case "serviceMinutes": "minutes"
                case "intervalMinutes": "interval"
                default: key
                }
            let fields = decoded[index].node
            throw (fields.optional(yamlKey) ?? fields.node).error(error.message)
        }
    }
}
