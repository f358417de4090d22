public import AntreanAllocator

/// The city's errors: a model that cannot run, with the field at fault.
public struct CityModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Which slot plan a ``CityModel/placesOverride`` vector replaces: one office's places for one service
/// on one weekday, one entry per slot from opening (an optimised appointment template).
public struct PlacesOverrideKey: Sendable, Hashable {
    public var office: String
    public var service: String
    public var weekday: Weekday

    public init(office: String, service: String, weekday: Weekday) {
        self.office = office
        self.service = service
        self.weekday = weekday
    }
}

extension CityModel {
    /// Services given at `office`, with their share of the office's demand (by visit rate).
    func servicesGiven(at office: Office) -> [(service: Int, weight: Double)] {
        services.enumerated().compactMap { index, service in
            switch (office.kind, service.givenAt) {
            case (.mpp, _) where service.mppShare > 0:
                return (index, service.visitsPerThousandPerDay * service.mppShare)
            case (.kelurahan, .kelurahan), (.kecamatan, .kecamatan):
                return (index, service.visitsPerThousandPerDay * (1 - service.mppShare))
            default:
                return nil
            }
        }
    }

    /// The allocator the simulated citizens book through: the same configuration types the portal
    /// uses. Each office's counters are shared by its services in proportion to their demand, slot by
    /// slot (``CounterApportionment``): the places of all its services together never need more
    /// counter-minutes than its counters have (breaks excluded). The appointment templates go with it:
    /// a template's rule sizes its intervals from these places (re-binned to its interval length).
    public func allocatorConfiguration() -> AllocatorConfiguration {
        var rules = AllocatorRules()
        rules.holidays = calendar.holidays
        // Long enough that bookings more than four weeks ahead (likelier no-shows) can happen.
        rules.bookingHorizonDays = 60
        let hours = Dictionary(
            uniqueKeysWithValues: calendar.hours.map {
                ($0.key, OpeningHours(opensAtMinute: $0.value.lowerBound, closesAtMinute: $0.value.upperBound))
            })
        let offices = self.offices.map { office in
            let given = servicesGiven(at: office)
            let totalWeight = given.reduce(0) { $0 + $1.weight }
            let demands = given.map { entry in
                CounterApportionment.Demand(
                    meanServiceMinutes: services[entry.service].serviceTime.mean,
                    share: totalWeight > 0 ? entry.weight / totalWeight : 0)
            }
            var byWeekday = [[Weekday: [Int]]](repeating: [:], count: given.count)
            for (weekday, open) in calendar.hours {
                let minutes = counterMinutesBySlot(
                    office, weekday: weekday, hours: open, slotMinutes: rules.slotMinutes
                )
                .map { $0 * counterTimeSold }
                let places = CounterApportionment.places(counterMinutes: minutes, demands: demands)
                for index in given.indices {
                    let key = PlacesOverrideKey(
                        office: office.id, service: services[given[index].service].id, weekday: weekday)
                    byWeekday[index][weekday] = placesOverride[key] ?? places[index]
                }
            }
            let officeServices = given.indices.map { index in
                OfficeServiceConfig(
                    service: ServiceID(services[given[index].service].id), counters: office.counters,
                    slotCapacityByWeekday: byWeekday[index])
            }
            // The places above already leave the breaks out; a pool reads them to do the same.
            let breaks = office.breaks.mapValues { pause in
                [
                    OfficeBreak(
                        counters: pause.counters, startMinute: pause.window.lowerBound,
                        endMinute: pause.window.upperBound)
                ]
            }
            // So does the roster: a pool follows the counters rostered hour by hour.
            let shifts = office.roster.filter { !$0.value.isEmpty }.mapValues { blocks in
                blocks.map { CounterShift(counters: $0.counters, startMinute: $0.start, endMinute: $0.end) }
            }
            return OfficeConfig(
                id: OfficeID(office.id), kecamatan: KecamatanID(office.kecamatanId), openingHours: hours,
                services: officeServices, walkInShare: citizens.walkInReserve, priorityShare: citizens.priorityReserve,
                breaks: breaks, shifts: shifts)
        }
        let serviceConfigs = services.map {
            ServiceConfig(id: ServiceID($0.id), meanServiceMinutes: $0.serviceTime.mean, dailyQuota: $0.dailyQuota)
        }
        return AllocatorConfiguration(
            offices: offices, services: serviceConfigs, rules: rules, appointmentTemplates: appointmentTemplates,
            appointmentPools: appointmentPools)
    }

    /// Counter-minutes of each slot of an open `weekday` at `office`: its rostered counters × the
    /// slot's length, less the minutes of the slot its counters on break miss (``Office/counterMinutes``).
    func counterMinutesBySlot(_ office: Office, weekday: Weekday, hours: ClosedRange<Int>, slotMinutes: Int)
        -> [Double]
    {
        let count = max(0, (hours.upperBound - hours.lowerBound) / slotMinutes)
        return (0..<count).map { slot in
            let start = hours.lowerBound + slot * slotMinutes
            return Double(office.counterMinutes(on: weekday, from: start, to: start + slotMinutes))
        }
    }

    /// The policy named by `policy`, fed with the model's own no-show prediction for overbooking.
    public func allocationPolicy() throws(CityModelError) -> any AllocationPolicy {
        switch policy {
        case "home-earliest": return HomeOfficeEarliestPolicy()
        case "kecamatan-earliest": return KecamatanEarliestPolicy()
        case "least-loaded": return LeastLoadedPolicy()
        case "overbooking":
            return OverbookingPolicy(noShowRates: [:], defaultRate: citizens.noShowProbability)
        default:
            throw CityModelError(
                "unknown policy \"\(policy)\"; known: home-earliest, kecamatan-earliest, least-loaded, overbooking")
        }
    }

    /// Checks what the simulation relies on.
    public func validate() throws(CityModelError) {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(CityModelError) {
            if !condition { throw CityModelError(message()) }
        }
        try require(!offices.isEmpty, "the city has no offices")
        try require(
            counterTimeSold > 0 && counterTimeSold <= 100,
            "counter_time_sold must lie above 0% and at most 10000%, got \(counterTimeSold * 100)%")
        try require(!services.isEmpty, "the city has no services")
        let kecamatanIds = Set(kecamatan.map(\.id))
        var seen = Set<String>()
        for office in offices {
            try require(seen.insert(office.id).inserted, "two offices have the id \"\(office.id)\"")
            try require(!office.id.contains("."), "office id \"\(office.id)\" must not contain \".\"")
            try require(office.counters >= 1, "offices.\(office.id).counters must be at least 1")
            // Bounds far beyond any city, so that counts and products stay in range.
            try require(office.counters <= 10_000, "offices.\(office.id).counters must be at most 10000")
            try require(
                (0...100_000_000).contains(office.population),
                "offices.\(office.id).population must lie in 0…100000000")
            try require(
                kecamatanIds.contains(office.kecamatanId),
                "offices.\(office.id).kecamatan: unknown kecamatan \"\(office.kecamatanId)\"")
            for (day, pause) in office.breaks {
                try require(
                    pause.counters <= office.counters,
                    "offices.\(office.id).breaks.\(day.rawValue): more counters on break than the office has")
            }
            try validateRoster(of: office)
        }
        for service in services {
            try require(
                (0...1000).contains(service.visitsPerThousandPerDay),
                "services.\(service.id).visits_per_1000_per_day must lie in 0…1000")
            do {
                // Before `allocatorConfiguration()`, which divides slot minutes by the mean.
                try service.serviceTime.validateAsDuration(meanMustBePositive: true)
            } catch {
                throw CityModelError("services.\(service.id).service_time: \(error.message)")
            }
        }
        let durations = [("lead_time", citizens.leadDays), ("walk_in_patience", citizens.walkInPatience)]
        for (field, distribution) in durations {
            do {
                try distribution.validateAsDuration(meanMustBePositive: false)
            } catch {
                throw CityModelError("citizens.\(field): \(error.message)")
            }
        }
        do {
            // A signed offset from the slot's start: negative is early.
            try citizens.punctuality.validate()
        } catch {
            throw CityModelError("citizens.punctuality: \(error.message)")
        }
        try require(calendar.hours.values.allSatisfy { $0.lowerBound < $0.upperBound }, "calendar.hours: empty range")
        do {
            try allocatorConfiguration().validate()
        } catch {
            throw CityModelError("allocator: \(error)")
        }
        _ = try allocationPolicy()
    }
}
