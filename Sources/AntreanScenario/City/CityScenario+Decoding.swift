import AntreanAllocator
import AntreanCity
import AntreanEngine

extension CityScenario {
    /// Bounds far beyond any real city that keep every count and product in range.
    static let maximumDays = 36_500
    static let maximumPopulation = 100_000_000
    static let maximumCounters = 10_000

    static let topLevelFields = [
        "model", "name", "description", "run", "policy", "booked_before_walk_ins", "check_in", "calendar", "services",
        "citizens", "office_defaults", "kecamatan", "offices", "counter_time_sold", "appointment_templates",
    ]

    /// Decodes a `model: city` document; every field is checked and errors name file, line and field.
    public init(document: ScenarioDocument) throws(ScenarioError) {
        let fields = try document.node.fields(Self.topLevelFields)
        let runFields = try fields.required("run").fields(
            ["start", "days", "warm_up_days", "replications", "seed", "wait_target"])
        var run = RunSettings(replications: 5, seed: 1, waitTargetMinutes: 15)
        if let node = runFields.optional("replications") {
            run.replications = try node.int(atLeast: 1, atMost: RunSettings.maximumReplications)
        }
        if let node = runFields.optional("seed") { run.seed = try node.seed() }
        if let node = runFields.optional("wait_target") { run.waitTargetMinutes = try node.minutes() }
        let days = try runFields.optional("days")?.int(atLeast: 1, atMost: Self.maximumDays) ?? 28
        let startNode = try runFields.required("start")
        guard let start = LocalDate(parsing: try startNode.text()), start.isValid else {
            throw startNode.error("expected a date YYYY-MM-DD")
        }
        let calendarFields = try fields.required("calendar").fields(["hours", "holidays"])
        var hours: [Weekday: ClosedRange<Int>] = [:]
        for (day, node) in try calendarFields.required("hours").namedEntries() {
            let range = try node.clockRange()
            hours[try Self.weekday(day, at: node)] = Int(range.lowerBound)...Int(range.upperBound)
        }
        var holidays = Set<LocalDate>()
        for item in try calendarFields.optional("holidays")?.items() ?? [] {
            guard let date = LocalDate(parsing: try item.text()), date.isValid else {
                throw item.error("expected a date YYYY-MM-DD")
            }
            holidays.insert(date)
        }
        let calendar = CityCalendar(
            startDate: start, hours: hours, holidays: holidays,
            warmUpDays: try runFields.optional("warm_up_days")?.int(atLeast: 0, atMost: Self.maximumDays) ?? 14)

        var services: [CityService] = []
        for (id, node) in try fields.required("services").namedEntries() {
            let service = try node.fields(
                ["name", "at", "service_time", "visits_per_1000_per_day", "mpp_share", "daily_quota"])
            let atNode = try service.required("at")
            guard let kind = OfficeKind(rawValue: try atNode.text()), kind != .mpp else {
                throw atNode.error("expected kelurahan or kecamatan (the MPP takes a share via mpp_share)")
            }
            let rateNode = try service.required("visits_per_1000_per_day")
            let rate = try rateNode.double()
            guard rate >= 0 else { throw rateNode.error("cannot be negative") }
            guard rate <= 1000 else {
                throw rateNode.error("at most 1000 (one visit per resident and day), got \(rate)")
            }
            services.append(
                CityService(
                    id: id, name: try service.optional("name")?.text() ?? id,
                    serviceTime: try service.required("service_time").durationDistribution(isServiceTime: true),
                    visitsPerThousandPerDay: rate,
                    givenAt: kind, mppShare: try service.optional("mpp_share")?.share() ?? 0,
                    dailyQuota: try service.optional("daily_quota")?.int(atLeast: 1)))
        }

        var kecamatan: [Kecamatan] = []
        for (id, node) in try fields.required("kecamatan").namedEntries() {
            let entry = try node.fields(["name", "code"])
            kecamatan.append(Kecamatan(id: id, name: try entry.optional("name")?.text() ?? id))
        }
        let kecamatanIds = Set(kecamatan.map(\.id))
        let defaults = try Self.officeDefaults(fields.optional("office_defaults"))
        var offices: [Office] = []
        for (id, node) in try fields.required("offices").namedEntries() {
            let office = try node.fields([
                "name", "kind", "kecamatan", "population", "population_estimated", "digital", "counters", "breaks",
                "lat", "lon", "roster",
            ])
            let kindNode = try office.required("kind")
            guard let kind = OfficeKind(rawValue: try kindNode.text()) else {
                throw kindNode.error("expected kelurahan, kecamatan or mpp")
            }
            let kecamatanNode = try office.required("kecamatan")
            let parent = try kecamatanNode.text()
            guard kecamatanIds.contains(parent) else {
                throw kecamatanNode.error("unknown kecamatan \"\(parent)\"; define it under kecamatan:")
            }
            let population = try office.optional("population")?.int(atLeast: 0, atMost: Self.maximumPopulation) ?? 0
            if kind == .kelurahan && office.optional("population") == nil {
                throw node.error("a kelurahan needs its population")
            }
            let fallback = defaults[kind] ?? (counters: 1, breaks: [:])
            offices.append(
                Office(
                    id: id, name: try office.optional("name")?.text() ?? id, kind: kind, kecamatanId: parent,
                    population: population,
                    populationEstimated: try office.optional("population_estimated")?.bool() ?? false,
                    digital: try office.optional("digital")?.bool() ?? false,
                    counters: try office.optional("counters")?.int(atLeast: 1, atMost: Self.maximumCounters)
                        ?? fallback.counters,
                    breaks: try office.optional("breaks").map { node throws(ScenarioError) in try Self.breaks(node) }
                        ?? fallback.breaks,
                    position: try Self.position(office, of: node)))
            if let rosterNode = office.optional("roster") {
                offices[offices.count - 1].roster = try Self.roster(rosterNode, hours: hours)
            }
        }

        let citizens = try Self.citizens(fields.required("citizens"))
        var checkIn = CheckInMethod.qrToken
        if let node = fields.optional("check_in") {
            guard let method = CheckInMethod(rawValue: try node.text()) else {
                throw node.error("expected qr_token or booking_reference")
            }
            checkIn = method
        }
        var model = CityModel(
            name: try fields.optional("name")?.text() ?? document.file, calendar: calendar, services: services,
            kecamatan: kecamatan, offices: offices, citizens: citizens,
            policy: try fields.optional("policy")?.text() ?? "home-earliest",
            bookedBeforeWalkIns: try fields.optional("booked_before_walk_ins")?.bool() ?? true,
            waitTargetMinutes: run.waitTargetMinutes, checkIn: checkIn)
        if let node = fields.optional("counter_time_sold") {
            let text = try node.text()
            guard let share = Quantities.share(text), share > 0, share <= 100 else {
                throw node.error(
                    "expected a share of counter-time above 0% and at most 10000% (e.g. 100%), got \"\(text)\"")
            }
            model.counterTimeSold = share
        }
        let templates = try Self.appointmentTemplates(
            fields.optional("appointment_templates"), offices: offices, services: services)
        let pools = try Self.appointmentPools(
            fields.optional("appointment_templates"), offices: offices, services: services)
        do {
            try model.validate()
        } catch {
            throw fields.node.error(error.message)
        }
        // After the rest is valid (the templates are sized from it), so a misfit names its template's line.
        model.appointmentTemplates = templates.map(\.template)
        try Self.checkTemplates(templates, model: model)
        model.appointmentPools = pools.map(\.pool)
        try Self.checkPools(pools, model: model)
        self.init(model: model, days: days, run: run)
    }

    static func officeDefaults(_ node: ScenarioNode?) throws(ScenarioError) -> [OfficeKind: (
        counters: Int, breaks: [Weekday: CounterBreak]
    )] {
        guard let node else { return [:] }
        var result: [OfficeKind: (counters: Int, breaks: [Weekday: CounterBreak])] = [:]
        for (kindName, entry) in try node.namedEntries() {
            guard let kind = OfficeKind(rawValue: kindName) else {
                throw entry.error("expected kelurahan, kecamatan or mpp")
            }
            let fields = try entry.fields(["counters", "breaks"])
            result[kind] = (
                try fields.optional("counters")?.int(atLeast: 1, atMost: maximumCounters) ?? 1,
                try fields.optional("breaks").map { node throws(ScenarioError) in try breaks(node) } ?? [:]
            )
        }
        return result
    }

    static func breaks(_ node: ScenarioNode) throws(ScenarioError) -> [Weekday: CounterBreak] {
        var result: [Weekday: CounterBreak] = [:]
        for (day, entry) in try node.namedEntries() {
            let fields = try entry.fields(["counters", "window"])
            let window = try fields.required("window").clockRange()
            result[try weekday(day, at: entry)] = CounterBreak(
                counters: try fields.required("counters").int(atLeast: 0),
                window: Int(window.lowerBound)...Int(window.upperBound))
        }
        return result
    }

    static func citizens(_ node: ScenarioNode) throws(ScenarioError) -> CitizenBehaviour {
        let fields = try node.fields([
            "booking_share", "assisted_share", "priority_share", "lead_time", "no_show", "far_booking_odds_ratio",
            "cancel_share", "punctuality", "walk_in_patience", "balk_queue_length", "digital_days",
            "digital_day_conversion", "weekday_factor", "hour_weights", "walk_in_reserve", "priority_reserve",
        ])
        let bookingShare = try fields.required("booking_share").fields(["digital", "other"])
        var digitalDays = Set<Weekday>()
        for item in try fields.optional("digital_days")?.items() ?? [] {
            digitalDays.insert(try weekday(try item.text(), at: item))
        }
        func weekdayMap(_ key: String, share: Bool) throws(ScenarioError) -> [Weekday: Double] {
            var result: [Weekday: Double] = [:]
            for (day, entry) in try fields.optional(key)?.namedEntries() ?? [] {
                result[try weekday(day, at: entry)] = share ? try entry.share() : try entry.double()
            }
            return result
        }
        var hourWeights: [Int: Double] = [:]
        for (hourText, entry) in try fields.optional("hour_weights")?.namedEntries() ?? [] {
            guard let hour = Int(hourText), (0..<24).contains(hour) else {
                throw entry.error("hour_weights keys are hours 0-23, got \"\(hourText)\"")
            }
            let weight = try entry.double()
            guard weight >= 0 else { throw entry.error("a weight cannot be negative") }
            hourWeights[hour] = weight
        }
        let oddsNode = fields.optional("far_booking_odds_ratio")
        let odds = try oddsNode?.double() ?? 5.45
        if let oddsNode, odds <= 0 { throw oddsNode.error("must be positive") }
        return CitizenBehaviour(
            bookingShareDigital: try bookingShare.required("digital").share(),
            bookingShareOther: try bookingShare.required("other").share(),
            assistedShare: try fields.optional("assisted_share")?.share() ?? 0,
            priorityShare: try fields.optional("priority_share")?.share() ?? 0,
            leadDays: try fields.required("lead_time").durationDistribution(isServiceTime: false),
            noShowProbability: try fields.optional("no_show")?.share() ?? 0, farBookingOddsRatio: odds,
            cancelShare: try fields.optional("cancel_share")?.share() ?? 0,
            punctuality: try fields.optional("punctuality")?.signedDurationDistribution() ?? .deterministic(0),
            walkInPatience: try fields.optional("walk_in_patience")?.durationDistribution(isServiceTime: false)
                ?? .deterministic(1e9),
            balkQueueLength: try fields.optional("balk_queue_length")?.int(atLeast: 1) ?? Int.max,
            digitalDays: digitalDays,
            digitalDayConversion: try fields.optional("digital_day_conversion")?.share() ?? 0,
            weekdayFactor: try weekdayMap("weekday_factor", share: false), hourWeights: hourWeights,
            walkInReserve: try weekdayMap("walk_in_reserve", share: true),
            priorityReserve: try weekdayMap("priority_reserve", share: true))
    }

    static func weekday(_ name: String, at node: ScenarioNode) throws(ScenarioError) -> Weekday {
        guard let day = Weekday(rawValue: name.lowercased()) else {
            throw node.error("expected a weekday name (monday … sunday), got \"\(name)\"")
        }
        return day
    }
}
