import AntreanAllocator
public import AntreanCity

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
    /// `places` are the total places (reserves included) of each interval from opening.
    public static func yaml(_ templates: CityTemplates, model: CityModel, slotMinutes: Int, header: String) -> String {
        var lines = header.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }
        lines.append("appointment_templates:")
        for office in model.offices {
            for service in model.services {
                var groups: [(places: [Int], weekdays: [Weekday])] = []
                for weekday in Weekday.allCases {
                    let key = PlacesOverrideKey(office: office.id, service: service.id, weekday: weekday)
                    guard let places = templates[key] else { continue }
                    if let index = groups.firstIndex(where: { $0.places == places }) {
                        groups[index].weekdays.append(weekday)
                    } else {
                        groups.append((places, [weekday]))
                    }
                }
                for group in groups {
                    lines.append("  - office: \(office.id)")
                    lines.append("    service: \(service.id)")
                    lines.append("    weekdays: [\(group.weekdays.map(\.rawValue).joined(separator: ", "))]")
                    lines.append("    interval: \(slotMinutes)m")
                    lines.append("    places: [\(group.places.map(String.init).joined(separator: ", "))]")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
