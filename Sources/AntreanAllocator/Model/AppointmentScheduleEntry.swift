/// What appointment templates and pools share: an entry that covers some office (or every one),
/// some services, and some weekdays or dates, and loses to a more specific entry of its kind.
///
/// One implementation of matching, precedence and the day checks serves both kinds, so a template
/// and a pool covering the same days always agree on which days those are.
protocol AppointmentScheduleEntry {
    /// Nil: every office.
    var office: OfficeID? { get }
    /// Nil: every open weekday.
    var weekdays: Set<Weekday>? { get }
    /// Only these dates (nil: any date of the weekdays); `weekdays` is then not consulted.
    var dates: Set<LocalDate>? { get }
    /// Higher is more specific; a date entry must beat every weekday entry.
    var specificity: Int { get }
    /// Whether the entry covers `service` (at an office it covers).
    func covers(_ service: ServiceID) -> Bool
}

extension AppointmentScheduleEntry {
    /// Whether this entry applies to `office`/`service` on `date` (whose weekday is `weekday`). O(1)
    /// expected, plus `covers`.
    func matches(office: OfficeID, service: ServiceID, date: LocalDate, weekday: Weekday) -> Bool {
        if let own = self.office, own != office { return false }
        guard covers(service) else { return false }
        // "Only these dates": a date entry applies on its dates whatever weekdays it also lists.
        if let dates { return dates.contains(date) }
        return weekdays?.contains(weekday) ?? true
    }

    /// Whether this entry applies to `office`/`service` on every `weekday` (date entries never do).
    func matches(office: OfficeID, service: ServiceID, weekday: Weekday) -> Bool {
        guard dates == nil else { return false }
        if let own = self.office, own != office { return false }
        guard covers(service) else { return false }
        return weekdays?.contains(weekday) ?? true
    }

    /// The weekdays the entry covers: its dates' weekdays, else its weekdays, else all.
    var coveredWeekdays: Set<Weekday> { dates.map { Set($0.map(\.weekday)) } ?? weekdays ?? Set(Weekday.allCases) }

    /// Refuses an empty `weekdays` or `dates` list and a date that is not on the calendar.
    func checkDays() throws(TemplateFitError) {
        if let weekdays, weekdays.isEmpty {
            throw TemplateFitError(field: "weekdays", message: "must name at least one weekday")
        }
        if let dates {
            guard !dates.isEmpty else { throw TemplateFitError(field: "dates", message: "must name at least one date") }
            if let bad = dates.sorted().first(where: { LocalDate(daysSinceEpoch: $0.daysSinceEpoch) != $0 }) {
                throw TemplateFitError(field: "dates", message: "\(bad) is not a calendar date")
            }
        }
    }
}

extension Array where Element: AppointmentScheduleEntry {
    /// The index of the most specific entry that `matches`, the later entry on a tie. O(entries).
    func mostSpecific(where matches: (Element) -> Bool) -> Int? {
        var best: Int?
        for index in indices where matches(self[index]) {
            if best.map({ self[index].specificity >= self[$0].specificity }) ?? true { best = index }
        }
        return best
    }

    /// Local days (since the epoch) some date entry names: only those days look for a dated entry.
    var datedDays: Set<Int> { Set(flatMap { ($0.dates ?? []).map(\.daysSinceEpoch) }) }
}

extension AllocatorConfiguration {
    /// The number of `length`-minute intervals in a day of `hours` (`weekday` for the message),
    /// refusing a length outside 1…1440 minutes or one that does not divide the opening hours. O(1).
    static func intervalCount(length: Int, hours: OpeningHours, weekday: Weekday) throws(TemplateFitError) -> Int {
        let open = hours.closesAtMinute - hours.opensAtMinute
        guard length > 0, length <= 1440 else {
            throw TemplateFitError(field: "interval", message: "must lie in 1…1440 minutes, got \(length)")
        }
        guard open % length == 0 else {
            throw TemplateFitError(
                field: "interval",
                message: "\(length) min does not divide the \(open) min of opening hours on \(weekday.rawValue)")
        }
        return open / length
    }

    /// Refuses an `overbook` vector that is not one entry per interval of the day (`count`) or has an
    /// entry outside 0…32767; `unit` names what its entries add ("places", "counter-minutes") and
    /// `lengthNote` follows the length message. O(intervals).
    static func checkOverbook(
        _ overbook: [Int]?, count: Int, unit: String, lengthNote: String = ""
    ) throws(TemplateFitError) {
        guard let overbook else { return }
        guard overbook.count == count else {
            throw TemplateFitError(
                field: "overbook", message: "\(overbook.count) entries, but the day has \(count) intervals\(lengthNote)"
            )
        }
        if let bad = overbook.first(where: { !AppointmentTemplate.placesRange.contains($0) }) {
            throw TemplateFitError(
                field: "overbook",
                message: "extra \(unit) must lie in 0…\(AppointmentTemplate.maximumPerInterval), got \(bad)")
        }
    }
}
