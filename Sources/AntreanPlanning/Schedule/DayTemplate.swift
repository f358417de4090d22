import AntreanAllocator
public import AntreanCity

/// One office's appointment template for one service on one weekday: the interval length and the
/// total places (reserves included) per interval from opening.
public struct DayTemplate: Sendable, Hashable {
    public var intervalMinutes: Int
    public var places: [Int]
    /// Whether each place has its own appointment minute inside the interval (an `appointment_templates:`
    /// entry always does, docs/templates.md); false is the rules' 15-minute grid with every place at the
    /// slot's start, which the city sells where no template applies.
    public var individualTimes: Bool

    public init(intervalMinutes: Int, places: [Int], individualTimes: Bool) {
        self.intervalMinutes = intervalMinutes
        self.places = places
        self.individualTimes = individualTimes
    }

    /// Intervals per hour, at least 1 (the length of the search's block moves).
    var intervalsPerHour: Int { max(1, 60 / max(1, intervalMinutes)) }

    /// Places whose appointment minute falls in each `bin`-minute window from opening: place k of the
    /// n of interval i is told i·L + ⌊k·L/n⌋ (every place at i·L without individual times), the
    /// allocator's rule. Lets templates of different interval lengths be drawn and summed together.
    /// O(places + bins).
    public func placesPerWindow(of bin: Int, windows: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: max(0, windows))
        guard bin > 0 else { return counts }
        for (index, count) in places.enumerated() where count > 0 {
            for place in 0..<count {
                let offset =
                    individualTimes
                    ? AppointmentTemplate.offsetMinutes(place: place, of: count, intervalMinutes: intervalMinutes) : 0
                let window = (index * intervalMinutes + offset) / bin
                if counts.indices.contains(window) { counts[window] += 1 }
            }
        }
        return counts
    }
}

/// The appointment templates of a city by office, service and open weekday.
public typealias CityTemplates = [PlacesOverrideKey: DayTemplate]

extension CityModel {
    /// This model with `templates` replacing the offices' plans where they differ from `current`, and
    /// its simulation; a template the city refuses is an invalid-input error naming it. A template
    /// without individual times replaces the 15-minute slot plan (``CityModel/placesOverride``); one
    /// with them becomes an `appointment_templates:` entry for its office, service and weekday (the
    /// most specific kind, appended last, so it beats the scenario's own entries) — exactly what a
    /// scenario including the `--out` file gets. Shared by the search and the comparison.
    /// O(templates · log templates) besides building the simulation.
    public func simulated(with templates: CityTemplates, current: CityTemplates) throws(PlanningError) -> (
        CityModel, CitySimulation
    ) {
        var model = self
        let keys = templates.keys.filter { templates[$0] != current[$0] }.sorted {
            ($0.office, $0.service, $0.weekday.rawValue) < ($1.office, $1.service, $1.weekday.rawValue)
        }
        for key in keys {
            guard let template = templates[key] else { continue }
            if template.individualTimes {
                model.appointmentTemplates.append(
                    AppointmentTemplate(
                        office: OfficeID(key.office), service: ServiceID(key.service), weekdays: [key.weekday],
                        intervalMinutes: template.intervalMinutes, places: .explicit(template.places)))
            } else {
                model.placesOverride[key] = template.places
            }
        }
        do {
            return (model, try CitySimulation(model))
        } catch {
            throw PlanningError.invalid("templates: \(error.message)")
        }
    }

    /// A date of `weekday` on which the offices open (not a holiday), from the run's start on.
    func openDate(of weekday: Weekday) -> LocalDate? {
        (0..<70).lazy.map { self.calendar.startDate.adding(days: $0) }
            .first { $0.weekday == weekday && self.calendar.openingHours(on: $0) != nil }
    }

    /// The template `office` gives `service` on `weekday` under `configuration` (read from its day plan
    /// on an open date of that weekday), or nil when it does not give the service that day.
    func dayTemplate(
        _ configuration: AllocatorConfiguration, office: String, service: String, weekday: Weekday
    ) -> DayTemplate? {
        guard let date = openDate(of: weekday),
            let plan = configuration.dayPlan(office: OfficeID(office), service: ServiceID(service), date: date)
        else { return nil }
        return DayTemplate(
            intervalMinutes: plan.slotMinutes, places: plan.slots.map(\.total), individualTimes: plan.individualTimes)
    }
}
