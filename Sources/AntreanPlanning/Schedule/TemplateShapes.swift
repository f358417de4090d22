import AntreanAllocator
import AntreanCity

/// The structural candidates of the template search: every interval length of `lengths` that divides
/// the day's opening hours, with the places sized by each of the allocator's rules (uniform,
/// Bailey–Welch, dome; docs/templates.md) from the office's counter-apportioned places, so that every
/// service keeps (almost: the re-binning rounds down) its day's total.
enum TemplateShape {
    /// Interval lengths tried, minutes.
    static let lengths = [5, 10, 15, 20, 30]

    /// One candidate per (length, rule): `templates` with every service of `office` on `weekdays`
    /// given that length and rule (individual appointment minutes), a day the length does not divide
    /// keeping its template. Candidates equal to `templates` are left out. In (length, rule) order.
    /// O(lengths × rules × services × weekdays × intervals).
    static func candidates(
        _ templates: CityTemplates, office: String, weekdays: [Weekday], model: CityModel
    ) -> [(label: String, templates: CityTemplates)] {
        let keys = templates.keys.filter { $0.office == office && weekdays.contains($0.weekday) }
        var result: [(label: String, templates: CityTemplates)] = []
        for length in lengths {
            for rule in PlacesRule.allCases {
                var configuration = model.allocatorConfiguration()
                for key in keys {
                    configuration.appointmentTemplates.append(
                        AppointmentTemplate(
                            office: OfficeID(key.office), service: ServiceID(key.service), weekdays: [key.weekday],
                            intervalMinutes: length, places: .rule(rule)))
                }
                var candidate = templates
                for key in keys {
                    guard let hours = model.calendar.hours[key.weekday],
                        (hours.upperBound - hours.lowerBound) % length == 0,
                        let template = model.dayTemplate(
                            configuration, office: key.office, service: key.service, weekday: key.weekday)
                    else { continue }
                    candidate[key] = template
                }
                if candidate != templates { result.append(("\(length)m \(rule.rawValue)", candidate)) }
            }
        }
        return result
    }
}
