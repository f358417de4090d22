extension AllocatorConfiguration {
    /// Checks every appointment template against each office, service and open day it covers: known
    /// ids, an interval that divides the opening hours, one entry per interval, places and extra
    /// places within 0…32767. The error's field is `appointmentTemplates[i].<key>`, `<key>` one of
    /// office, service, weekdays, dates, interval, places, overbook.
    /// O(templates × offices × services × 7 × intervals).
    public func validateAppointmentTemplates() throws(ConfigurationError) {
        for (index, template) in appointmentTemplates.enumerated() {
            do throws(TemplateFitError) {
                try check(template)
            } catch {
                throw ConfigurationError(field: "appointmentTemplates[\(index)].\(error.field)", message: error.message)
            }
        }
    }

    private func check(_ template: AppointmentTemplate) throws(TemplateFitError) {
        if let office = template.office, !offices.contains(where: { $0.id == office }) {
            throw TemplateFitError(field: "office", message: "unknown office '\(office)'")
        }
        if let service = template.service, !services.contains(where: { $0.id == service }) {
            throw TemplateFitError(field: "service", message: "unknown service '\(service)'")
        }
        try template.checkDays()
        if let office = template.office, let service = template.service,
            let config = offices.first(where: { $0.id == office }),
            !config.services.contains(where: { $0.service == service })
        {
            throw TemplateFitError(field: "service", message: "office '\(office)' does not give service '\(service)'")
        }
        let weekdays = template.coveredWeekdays
        for office in offices where template.office.map({ $0 == office.id }) ?? true {
            for offered in office.services where template.service.map({ $0 == offered.service }) ?? true {
                guard let service = services.first(where: { $0.id == offered.service }) else { continue }
                for weekday in Weekday.allCases where weekdays.contains(weekday) {
                    guard let hours = office.openingHours[weekday] else { continue }
                    do throws(TemplateFitError) {
                        _ = try templatePlaces(
                            template, offered: offered, service: service, weekday: weekday, hours: hours)
                    } catch {
                        throw TemplateFitError(
                            field: error.field,
                            message: "\(error.message) (office '\(office.id)', service '\(service.id)')")
                    }
                }
            }
        }
    }
}
