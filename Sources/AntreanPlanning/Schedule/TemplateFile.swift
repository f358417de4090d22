import AntreanAllocator
public import AntreanCity
import AntreanScenario

/// Writes appointment templates as the scenario files' `appointment_templates:` list.
public enum TemplateFile {
    /// One entry per office and service and distinct vector, the weekdays sharing it listed together,
    /// in the model's office and service order and calendar weekday order:
    ///
    ///     appointment_templates:
    ///       - office: sambutan
    ///         service: ktp
    ///         weekdays: [tuesday]
    ///         interval: 15m
    ///         places: [2, 1, 1, 0, 1]
    ///
    /// `places` are the total places (reserves included) of each interval from opening. Loaded, every
    /// entry gives its places individual appointment minutes (docs/templates.md), as the search
    /// simulated them; the caller passes only the templates that differ from the scenario's.
    public static func yaml(_ templates: CityTemplates, model: CityModel, header: String) -> String {
        var lines = header.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }
        lines.append("appointment_templates:")
        for office in model.offices {
            for service in model.services {
                var groups: [(template: DayTemplate, weekdays: [Weekday])] = []
                for weekday in Weekday.allCases {
                    let key = PlacesOverrideKey(office: office.id, service: service.id, weekday: weekday)
                    guard let template = templates[key] else { continue }
                    if let index = groups.firstIndex(where: {
                        ($0.template.intervalMinutes, $0.template.places) == (template.intervalMinutes, template.places)
                    }) {
                        groups[index].weekdays.append(weekday)
                    } else {
                        groups.append((template, [weekday]))
                    }
                }
                for group in groups {
                    lines.append("  - office: \(YAMLText.scalar(office.id))")
                    lines.append("    service: \(YAMLText.scalar(service.id))")
                    lines.append("    weekdays: [\(group.weekdays.map(\.rawValue).joined(separator: ", "))]")
                    lines.append("    interval: \(group.template.intervalMinutes)m")
                    lines.append("    places: [\(group.template.places.map(String.init).joined(separator: ", "))]")
                }
            }
        }
        // An empty list, not a null, when nothing changed: the loader wants a list.
        if lines.last == "appointment_templates:" { lines[lines.count - 1] += " []" }
        return lines.joined(separator: "\n") + "\n"
    }
}
