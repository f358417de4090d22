import AntreanAllocator

/// One office `o` giving service `s` (1 counter, 5-minute mean service) 08:00–10:00 on Monday and
/// Tuesday (120 minutes), with optional reserves, quota and appointment templates.
enum TemplateFixture {
    static let office = OfficeID("o")
    static let other = OfficeID("p")
    static let service = ServiceID("s")
    static let monday = Fixture.monday
    static let tuesday = Fixture.tuesday
    static let sunday = Fixture.sundayNoon
    static let hours: [Weekday: OpeningHours] = [
        .monday: OpeningHours(opensAtMinute: 480, closesAtMinute: 600),
        .tuesday: OpeningHours(opensAtMinute: 480, closesAtMinute: 600),
    ]

    static func configuration(
        _ templates: [AppointmentTemplate], counters: Int = 1, walkIn: Double = 0, priority: Double = 0,
        quota: Int? = nil, rules: AllocatorRules = AllocatorRules()
    ) -> AllocatorConfiguration {
        let offices = [office, other].map {
            OfficeConfig(
                id: $0, kecamatan: KecamatanID("k"), openingHours: hours,
                services: [OfficeServiceConfig(service: service, counters: counters)],
                walkInShare: [.monday: walkIn, .tuesday: walkIn],
                priorityShare: [.monday: priority, .tuesday: priority])
        }
        return AllocatorConfiguration(
            offices: offices, services: [ServiceConfig(id: service, meanServiceMinutes: 5, dailyQuota: quota)],
            rules: rules, appointmentTemplates: templates)
    }

    static func core(_ configuration: AllocatorConfiguration) throws -> AllocatorCore {
        try AllocatorCore(configuration: configuration, tokenSigner: Fixture.signer)
    }

    /// Local `minute` (WITA) on `date`.
    static func at(_ minute: Int, on date: LocalDate = monday) -> Instant {
        Fixture.wita.instant(on: date, minuteOfDay: minute)
    }

    static func slot(_ minute: Int, on date: LocalDate = monday, office: OfficeID = office) -> SlotRef {
        SlotRef(office: office, service: service, start: at(minute, on: date))
    }

    /// The plan of `office`'s service on `date`, which must be open.
    static func plan(_ core: inout AllocatorCore, _ office: OfficeID = office, on date: LocalDate = monday) throws
        -> DayPlan
    {
        guard let plan = core.dayPlan(office: office, service: service, date: date) else {
            throw PlanMissing()
        }
        return plan
    }

    struct PlanMissing: Error {}

    /// A template for office `o` with explicit places.
    static func explicit(_ places: [Int], interval: Int, overbook: [Int]? = nil) -> AppointmentTemplate {
        AppointmentTemplate(office: office, intervalMinutes: interval, places: .explicit(places), overbook: overbook)
    }
}
