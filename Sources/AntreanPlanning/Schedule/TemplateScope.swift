public import AntreanAllocator
public import AntreanCity

/// Which offices and weekdays a template search covers, and the city model it reads them from.
public struct TemplateScope: Sendable {
    public let model: CityModel
    /// Office ids in the model's order.
    public let offices: [String]
    /// Open weekdays in calendar order.
    public let weekdays: [Weekday]

    /// Throws naming the field when `office` or `weekday` is not one of the model's (a weekday must be
    /// open).
    public init(model: CityModel, office: String? = nil, weekday: String? = nil) throws(PlanningError) {
        self.model = model
        if let office {
            guard model.offices.contains(where: { $0.id == office }) else {
                throw PlanningError.invalid(
                    "--office: unknown office \"\(office)\"; the scenario's offices are "
                        + model.offices.prefix(8).map(\.id).joined(separator: ", ")
                        + (model.offices.count > 8 ? ", …" : ""))
            }
            offices = [office]
        } else {
            offices = model.offices.map(\.id)
        }
        let open = Weekday.allCases.filter { model.calendar.hours[$0] != nil }
        if let weekday {
            guard let day = Weekday(rawValue: weekday.lowercased()) else {
                throw PlanningError.invalid(
                    "--weekday: \"\(weekday)\" is not a weekday (monday, tuesday, wednesday, thursday, friday, "
                        + "saturday or sunday)")
            }
            guard open.contains(day) else {
                throw PlanningError.invalid(
                    "--weekday: the offices are closed on \(day.rawValue); open days: "
                        + open.map(\.rawValue).joined(separator: ", "))
            }
            weekdays = [day]
        } else {
            weekdays = open
        }
    }

    /// The templates the model sells today, for the scope: the scenario's own appointment templates
    /// where it has them, else the counter-apportioned 15-minute slot plans (places at the slot's start).
    /// O(offices × services × weekdays × slots).
    public func currentTemplates() -> CityTemplates {
        let configuration = model.allocatorConfiguration()
        var templates: CityTemplates = [:]
        for office in configuration.offices where offices.contains(office.id.rawValue) {
            for service in office.services {
                for weekday in weekdays {
                    guard
                        let template = model.dayTemplate(
                            configuration, office: office.id.rawValue, service: service.service.rawValue,
                            weekday: weekday)
                    else { continue }
                    templates[
                        PlacesOverrideKey(
                            office: office.id.rawValue, service: service.service.rawValue, weekday: weekday)
                    ] = template
                }
            }
        }
        return templates
    }
}
