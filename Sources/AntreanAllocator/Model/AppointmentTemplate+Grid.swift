import Foundation

extension AllocatorConfiguration {
    /// The template that governs `office`/`service` on `date`, if any: the most specific match,
    /// the later entry on a tie. O(templates).
    public func appointmentTemplate(office: OfficeID, service: ServiceID, date: LocalDate) -> AppointmentTemplate? {
        let weekday = date.weekday
        return appointmentTemplates.mostSpecific {
            $0.matches(office: office, service: service, date: date, weekday: weekday)
        }.map { appointmentTemplates[$0] }
    }

    /// The template that governs `office`/`service` on every `weekday` outside date entries. O(templates).
    func appointmentTemplate(office: OfficeID, service: ServiceID, weekday: Weekday) -> AppointmentTemplate? {
        appointmentTemplates.mostSpecific { $0.matches(office: office, service: service, weekday: weekday) }
            .map { appointmentTemplates[$0] }
    }

    /// Local days (since the epoch) some date entry names: only those days look for a date template.
    var datedTemplateDays: Set<Int> { appointmentTemplates.datedDays }

    /// The grid `template` gives `office`/`service` on `weekday`, or nil when the office is closed
    /// that weekday, does not give the service, or the template does not fit the day (validation
    /// refuses such configurations). O(intervals).
    func templateGrid(
        _ template: AppointmentTemplate, office: OfficeConfig, service: ServiceConfig, weekday: Weekday
    ) -> WeekdayGrid? {
        guard let hours = office.openingHours[weekday],
            let offered = office.services.first(where: { $0.service == service.id }),
            let places = try? templatePlaces(
                template, offered: offered, service: service, weekday: weekday, hours: hours)
        else { return nil }
        let walkInShare = office.walkInShare[weekday] ?? 0
        let priorityShare = office.priorityShare[weekday] ?? 0
        return WeekdayGrid(
            firstSlotMinute: hours.opensAtMinute, slotMinutes: template.intervalMinutes,
            slots: places.map {
                SlotCapacity.split(total: $0, walkInShare: walkInShare, priorityShare: priorityShare)
            },
            overbook: template.overbook ?? [], individualTimes: true)
    }

    /// The places per interval `template` gives on a day of `hours`, checked against the day: the
    /// interval divides the opening hours, one entry per interval, places and overbooking within
    /// 0…32767. Throws a message naming the field at fault (the caller adds where). O(intervals).
    func templatePlaces(
        _ template: AppointmentTemplate, offered: OfficeServiceConfig, service: ServiceConfig, weekday: Weekday,
        hours: OpeningHours
    ) throws(TemplateFitError) -> [Int] {
        let length = template.intervalMinutes
        let count = try Self.intervalCount(length: length, hours: hours, weekday: weekday)
        let places: [Int]
        switch template.places {
        case .explicit(let vector):
            guard vector.count == count else {
                throw TemplateFitError(
                    field: "places",
                    message:
                        "\(vector.count) entries for the \(count) intervals of \(length) min on \(weekday.rawValue)"
                        + (vector.count > count ? " (the template is longer than the day)" : ""))
            }
            places = vector
        case .rule(let rule):
            places = Self.apply(
                rule, to: basePlaces(offered: offered, service: service, weekday: weekday, hours: hours, length: length)
            )
        }
        if let bad = places.first(where: { !AppointmentTemplate.placesRange.contains($0) }) {
            throw TemplateFitError(
                field: "places",
                message: "places per interval must lie in 0…\(AppointmentTemplate.maximumPerInterval), got \(bad)")
        }
        try Self.checkOverbook(template.overbook, count: count, unit: "places", lengthNote: " (as many as places)")
        return places
    }

    /// The office's places per interval of `length` minutes before any rule: ⌊counters × length ÷ mean
    /// service⌋ each (today's derivation) unless slot capacities are set, which are then re-binned from
    /// the rules' slots to the intervals by their cumulative count (so the day total is kept and an
    /// interval equal to the slot length gives the set capacities back). O(intervals + slots).
    func basePlaces(
        offered: OfficeServiceConfig, service: ServiceConfig, weekday: Weekday, hours: OpeningHours, length: Int
    ) -> [Int] {
        let open = hours.closesAtMinute - hours.opensAtMinute
        let count = open / length
        let pattern = offered.slotCapacityByWeekday?[weekday].flatMap { $0.isEmpty ? nil : $0 }
        guard pattern != nil || offered.slotCapacity != nil else {
            let derived = Int((Double(offered.counters * length) / service.meanServiceMinutes + 1e-9).rounded(.down))
            return Array(repeating: max(0, derived), count: count)
        }
        let slot = rules.slotMinutes
        let slots = max(0, open / slot)
        let perSlot = (0..<slots).map { index in
            pattern.map { $0[index % $0.count] } ?? offered.slotCapacity ?? 0
        }
        // Places × slot minutes booked up to local minute `t` after opening, in whole units.
        var cumulative = [Int64](repeating: 0, count: slots + 1)
        for index in 0..<slots { cumulative[index + 1] = cumulative[index] + Int64(perSlot[index]) * Int64(slot) }
        func placesBefore(_ minute: Int) -> Int64 {
            let whole = min(slots, minute / slot)
            let partial = whole < slots ? Int64(perSlot[whole]) * Int64(minute - whole * slot) : 0
            return (cumulative[whole] + partial) / Int64(slot)
        }
        return (0..<count).map { Int(placesBefore(($0 + 1) * length) - placesBefore($0 * length)) }
    }

    /// `rule` applied to the base vector `base`, keeping its day total. O(intervals).
    static func apply(_ rule: PlacesRule, to base: [Int]) -> [Int] {
        switch rule {
        case .uniform:
            return base
        case .baileyWelch:
            guard base.count >= 2, let last = base.last else { return base }
            var places = base
            places[0] += last
            places[places.count - 1] = 0
            return places
        case .dome:
            // Gap after interval j ∝ 1 + ½ sin(π (j + ½) / I): 1.5× the mean gap at midday. Places are
            // the day total apportioned ∝ 1 / gap by largest remainders (ties to the earlier interval).
            let total = base.reduce(0, +)
            let count = base.count
            guard count > 0, total > 0 else { return base }
            let weights = (0..<count).map { (index: Int) -> Double in
                let position = (Double(index) + 0.5) / Double(count)
                return 1 / (1 + 0.5 * sin(Double.pi * position))
            }
            let sum = weights.reduce(0, +)
            let quotas = weights.map { (weight: Double) -> Double in Double(total) * weight / sum }
            var places = quotas.map { (quota: Double) -> Int in Int(quota.rounded(.down)) }
            let order = (0..<count).sorted {
                let (a, b) = (quotas[$0] - Double(places[$0]), quotas[$1] - Double(places[$1]))
                return a != b ? a > b : $0 < $1
            }
            for index in order.prefix(max(0, total - places.reduce(0, +))) { places[index] += 1 }
            return places
        }
    }
}

/// Why a template does not fit a day: the template's field and what is wrong.
public struct TemplateFitError: Error, Hashable, Sendable {
    public var field: String
    public var message: String
}

extension AppointmentTemplate {
    /// The most places (or extra counter-minutes) one interval or slot may have: the day ledgers count
    /// usage in 16 bits (`SlotUsage`). Every reader of places (scenario vectors, places files, JSON
    /// configurations) checks against this one bound.
    public static let maximumPerInterval = Int(Int16.max)
    public static let placesRange = 0...maximumPerInterval
}
