import AntreanAllocator
import AntreanCity

extension CityScenario {
    static let templateFields = ["office", "service", "weekdays", "dates", "interval", "places", "rule", "overbook"]

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
            var office: OfficeID?
            if let officeNode = fields.optional("office") {
                let id = try officeNode.text()
                guard officeIDs.contains(id) else { throw officeNode.error("unknown office \"\(id)\"") }
                office = OfficeID(id)
            }
            var service: ServiceID?
            if let serviceNode = fields.optional("service") {
                let id = try serviceNode.text()
                guard serviceIDs.contains(id) else { throw serviceNode.error("unknown service \"\(id)\"") }
                service = ServiceID(id)
            }
            var weekdays: Set<Weekday>?
            if let weekdaysNode = fields.optional("weekdays") {
                var days = Set<Weekday>()
                for day in try weekdaysNode.items() { days.insert(try weekday(try day.text(), at: day)) }
                weekdays = days
            }
            var dates: Set<LocalDate>?
            if let datesNode = fields.optional("dates") {
                var days = Set<LocalDate>()
                for day in try datesNode.items() {
                    guard let date = LocalDate(parsing: try day.text()), date.isValid else {
                        throw day.error("expected a date YYYY-MM-DD")
                    }
                    days.insert(date)
                }
                dates = days
            }
            let intervalNode = try fields.required("interval")
            let minutes = try intervalNode.minutes()
            guard minutes >= 1, minutes <= 1440, minutes == minutes.rounded() else {
                throw intervalNode.error("expected whole minutes from 1m to 24h (e.g. 10m), got \(minutes) min")
            }
            let places: TemplatePlaces
            switch (fields.optional("places"), fields.optional("rule")) {
            case (let vector?, nil): places = .explicit(try counts(vector))
            case (nil, let ruleNode?):
                let name = try ruleNode.text()
                guard let rule = PlacesRule(rawValue: name) else {
                    throw ruleNode.error(
                        "unknown rule \"\(name)\"; known: \(PlacesRule.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                places = .rule(rule)
            case (nil, nil): places = .rule(.uniform)
            case (_?, let ruleNode?): throw ruleNode.error("give either places or rule, not both")
            }
            let overbook = try fields.optional("overbook").map { node throws(ScenarioError) in try counts(node) }
            result.append(
                (
                    AppointmentTemplate(
                        office: office, service: service, weekdays: weekdays, dates: dates,
                        intervalMinutes: Int(minutes), places: places, overbook: overbook), fields
                ))
        }
        return result
    }

    /// A list of places per interval: whole numbers from 0 to 32767.
    private static func counts(_ node: ScenarioNode) throws(ScenarioError) -> [Int] {
        guard case .sequence = node.value else { throw node.error("expected a list of places per interval") }
        var values: [Int] = []
        for item in try node.items() {
            let value = try item.int()
            guard value >= 0 else { throw item.error("places cannot be negative, got \(value)") }
            guard value <= Int(Int16.max) else { throw item.error("at most 32767 places per interval, got \(value)") }
            values.append(value)
        }
        return values
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
            let (index, key) = templateField(field)
            guard let index, decoded.indices.contains(index) else { throw decoded[0].node.node.error(error.message) }
            let fields = decoded[index].node
            let yamlKey = key == "intervalMinutes" ? "interval" : key
            let node = fields.optional(yamlKey) ?? fields.optional("rule") ?? fields.node
            throw node.error(error.message)
        }
    }

    /// `appointmentTemplates[3].places` → (3, "places").
    private static func templateField(_ field: String) -> (Int?, String) {
        guard let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), open < close else {
            return (nil, field)
        }
        let index = Int(field[field.index(after: open)..<close])
        let rest = field[field.index(after: close)...].drop { $0 == "." }
        return (index, String(rest))
    }
}
