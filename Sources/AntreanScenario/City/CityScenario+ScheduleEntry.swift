import AntreanAllocator
import AntreanCity

/// The fields every `appointment_templates:` entry shares, template or pool: which office, which
/// weekdays or dates, and the interval length. Both readers take them from here, so the two kinds
/// of entry accept the same spellings and report the same errors at the same field.
extension CityScenario {
    /// The entry's `office:` (nil: every office), which must be one of `officeIDs`.
    static func entryOffice(_ fields: ScenarioFields, officeIDs: Set<String>) throws(ScenarioError) -> OfficeID? {
        guard let officeNode = fields.optional("office") else { return nil }
        let id = try officeNode.text()
        guard officeIDs.contains(id) else { throw officeNode.error("unknown office \"\(id)\"") }
        return OfficeID(id)
    }

    /// The entry's `weekdays:` and `dates:` (nil where absent). O(days listed).
    static func entryDays(_ fields: ScenarioFields) throws(ScenarioError) -> (
        weekdays: Set<Weekday>?, dates: Set<LocalDate>?
    ) {
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
        return (weekdays, dates)
    }

    /// The entry's required `interval:` in whole minutes from 1 to 1440; `example` is the value the
    /// error suggests (e.g. "10m").
    static func entryInterval(_ fields: ScenarioFields, example: String) throws(ScenarioError) -> Int {
        let intervalNode = try fields.required("interval")
        let minutes = try intervalNode.minutes()
        guard minutes >= 1, minutes <= 1440, minutes == minutes.rounded() else {
            throw intervalNode.error("expected whole minutes from 1m to 24h (e.g. \(example)), got \(minutes) min")
        }
        return Int(minutes)
    }

    /// A list of whole numbers, one per interval of the day (`places:`, `overbook:`): "expected a list
    /// of `unit` per interval" when it is not a list, and `problem`'s message at the first entry it
    /// refuses. O(entries).
    static func entryVector(
        _ node: ScenarioNode, of unit: String, problem: (Int) -> String?
    ) throws(ScenarioError) -> [Int] {
        guard case .sequence = node.value else { throw node.error("expected a list of \(unit) per interval") }
        var values: [Int] = []
        for item in try node.items() {
            let value = try item.int()
            if let message = problem(value) { throw item.error(message) }
            values.append(value)
        }
        return values
    }

    /// `appointmentTemplates[3].places` → (3, "places"): the entry an allocator validation error
    /// names, and its key.
    static func entryField(_ field: String) -> (Int?, String) {
        guard let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), open < close else {
            return (nil, field)
        }
        let index = Int(field[field.index(after: open)..<close])
        let rest = field[field.index(after: close)...].drop { $0 == "." }
        return (index, String(rest))
    }
}
