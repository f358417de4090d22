import AntreanAllocator
import AntreanCity

extension CityScenario {
    static let templateFields = [
        "office", "service", "weekdays", "dates", "interval", "places", "rule", "file", "overbook",
    ]

    /// Decodes `appointment_templates:`, a list of templates (see docs/templates.md); every error
    /// names the file, line and field. Office and service ids must exist; the fit of each template to
    /// the days it covers is checked by `checkTemplates` once the model is built.
    static func appointmentTemplates(
        _ node: ScenarioNode?, offices: [Office], services: [CityService]
    ) throws(ScenarioError) -> [(template: AppointmentTemplate, node: ScenarioFields)] {
        guard let node else { return [] }
        let officeIDs = Set(offices.map(\.id))
        let serviceIDs = Set(services.map(\.id))
        var result: [(template: AppointmentTemplate, node: ScenarioFields)] = []
        guard case .sequence = node.value else { throw node.error("expected a list of appointment templates") }
        for item in try node.items() where !isPoolEntry(item) {
            let fields = try item.fields(templateFields)
            let office = try entryOffice(fields, officeIDs: officeIDs)
            var service: ServiceID?
            if let serviceNode = fields.optional("service") {
                let id = try serviceNode.text()
                guard serviceIDs.contains(id) else { throw serviceNode.error("unknown service \"\(id)\"") }
                service = ServiceID(id)
            }
            let (weekdays, dates) = try entryDays(fields)
            let minutes = try entryInterval(fields, example: "10m")
            let places = try templatePlaces(fields)
            let overbook = try fields.optional("overbook").map { node throws(ScenarioError) in try counts(node) }
            result.append(
                (
                    AppointmentTemplate(
                        office: office, service: service, weekdays: weekdays, dates: dates,
                        intervalMinutes: minutes, places: places, overbook: overbook), fields
                ))
        }
        return result
    }

    /// The entry's places: an explicit `places:` vector, a named `rule:` (default `uniform`), or
    /// `rule: file` with the vector in the `file:` it names (see `PlacesFile`).
    private static func templatePlaces(_ fields: ScenarioFields) throws(ScenarioError) -> TemplatePlaces {
        let fileNode = fields.optional("file")
        switch (fields.optional("places"), fields.optional("rule")) {
        case (let vector?, nil):
            if let fileNode { throw fileNode.error("file: goes with rule: file, not with places:") }
            return .explicit(try counts(vector))
        case (nil, let ruleNode?):
            let name = try ruleNode.text()
            if name == fileRule {
                guard let fileNode else {
                    throw ruleNode.error("rule: file needs file: naming the places file (one number per interval)")
                }
                return .explicit(try PlacesFile.read(fileNode))
            }
            if let fileNode { throw fileNode.error("file: goes with rule: file, not with rule: \(name)") }
            guard let rule = PlacesRule(rawValue: name) else {
                let known = PlacesRule.allCases.map(\.rawValue) + [fileRule]
                throw ruleNode.error("unknown rule \"\(name)\"; known: \(known.joined(separator: ", "))")
            }
            return .rule(rule)
        case (nil, nil):
            if let fileNode { throw fileNode.error("file: goes with rule: file; add rule: file") }
            return .rule(.uniform)
        case (_?, let ruleNode?): throw ruleNode.error("give either places or rule, not both")
        }
    }

    /// The rule whose vector is read from a file: the scenario resolves it, the allocator sees the
    /// explicit vector.
    static let fileRule = "file"

    /// A list of places per interval: whole numbers from 0 to 32767.
    private static func counts(_ node: ScenarioNode) throws(ScenarioError) -> [Int] {
        try entryVector(node, of: "places") { value in
            if value < 0 { return "places cannot be negative, got \(value)" }
            return value > AppointmentTemplate.maximumPerInterval
                ? "at most \(AppointmentTemplate.maximumPerInterval) places per interval, got \(value)" : nil
        }
    }

    /// Checks every template against the days it covers in `model`'s allocator configuration,
    /// reporting a misfit at the template's field (interval, places or overbook) in its file and line.
    static func checkTemplates(
        _ decoded: [(template: AppointmentTemplate, node: ScenarioFields)], model: CityModel
    ) throws(ScenarioError) {
        guard !decoded.isEmpty else { return }
        do {
            try model.allocatorConfiguration().validateAppointmentTemplates()
        } catch {
            let field = error.field
            let (index, key) = entryField(field)
            guard let index, decoded.indices.contains(index) else { throw decoded[0].node.node.error(error.message) }
            let fields = decoded[index].node
            let yamlKey = key == "intervalMinutes" ? "interval" : key
            let node = fields.optional(yamlKey) ?? fields.optional("file") ?? fields.optional("rule") ?? fields.node
            throw node.error(error.message)
        }
    }
}
