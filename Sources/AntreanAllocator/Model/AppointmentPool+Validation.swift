extension AllocatorConfiguration {
    /// Checks every pool: at least one service, each known and given by the pool's office (when it
    /// names one), counters and expected minutes ≥ 1, an interval that divides the opening hours of
    /// each day it covers, `overbook` of one entry per interval, and no service that also has its own
    /// appointment template at the pool's office on a day the pool covers. The error's field is
    /// `appointmentPools[i].<key>`, `<key>` one of office, services, weekdays, dates, counters,
    /// interval, serviceMinutes, overbook. O(pools × (services + templates + offices × 7 × intervals)).
    public func validateAppointmentPools() throws(ConfigurationError) {
        for (index, pool) in appointmentPools.enumerated() {
            do throws(TemplateFitError) {
                try check(pool, number: index)
            } catch {
                throw ConfigurationError(field: "appointmentPools[\(index)].\(error.field)", message: error.message)
            }
        }
    }

    private func check(_ pool: AppointmentPool, number: Int) throws(TemplateFitError) {
        let office = try pool.office.map { (id: OfficeID) throws(TemplateFitError) -> OfficeConfig in
            guard let found = offices.first(where: { $0.id == id }) else {
                throw TemplateFitError(field: "office", message: "unknown office '\(id)'")
            }
            return found
        }
        guard !pool.services.isEmpty else {
            throw TemplateFitError(field: "services", message: "must name at least one service")
        }
        for (position, service) in pool.services.enumerated() {
            guard services.contains(where: { $0.id == service }) else {
                throw TemplateFitError(field: "services", message: "unknown service '\(service)'")
            }
            if pool.services[..<position].contains(service) {
                throw TemplateFitError(field: "services", message: "service '\(service)' is named twice")
            }
            if let office, !office.services.contains(where: { $0.service == service }) {
                throw TemplateFitError(
                    field: "services", message: "office '\(office.id)' does not give service '\(service)'")
            }
        }
        try pool.checkDays()
        if let counters = pool.counters, !(1...1000).contains(counters) {
            throw TemplateFitError(field: "counters", message: "must lie in 1…1000, got \(counters)")
        }
        for (service, minutes) in (pool.serviceMinutes ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard pool.services.contains(service) else {
                throw TemplateFitError(
                    field: "serviceMinutes", message: "service '\(service)' is not one of the pool's services")
            }
            guard (1...1440).contains(minutes) else {
                throw TemplateFitError(
                    field: "serviceMinutes",
                    message: "expected minutes of '\(service)' must lie in 1…1440, got \(minutes)")
            }
        }
        try checkNoOwnTemplate(pool)
        let weekdays = pool.coveredWeekdays
        for candidate in offices where pool.office.map({ $0 == candidate.id }) ?? true {
            guard candidate.services.contains(where: { pool.services.contains($0.service) }) else { continue }
            for weekday in Weekday.allCases where weekdays.contains(weekday) {
                do throws(TemplateFitError) {
                    _ = try poolGrid(number, office: candidate, weekday: weekday)
                } catch {
                    throw TemplateFitError(field: error.field, message: "\(error.message) (office '\(candidate.id)')")
                }
            }
        }
    }

    /// A template that names the pool's office and one of its services on a day the pool covers
    /// would be silently overruled by the pool: refused instead.
    private func checkNoOwnTemplate(_ pool: AppointmentPool) throws(TemplateFitError) {
        let days = pool.coveredWeekdays
        for (index, template) in appointmentTemplates.enumerated() {
            guard let office = template.office, let service = template.service,
                pool.office.map({ $0 == office }) ?? true, pool.services.contains(service),
                !template.coveredWeekdays.isDisjoint(with: days)
            else { continue }
            throw TemplateFitError(
                field: "services",
                message:
                    "service '\(service)' also has its own appointment template (appointmentTemplates[\(index)])"
                    + " at office '\(office)' on days the pool covers; a service is pooled or templated, not both")
        }
    }
}
