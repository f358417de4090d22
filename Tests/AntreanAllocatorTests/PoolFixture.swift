import AntreanAllocator

/// Office `o` pools services `a` (5-minute mean) and `b` (10-minute mean) on 2 counters in 30-minute
/// intervals, 08:00–10:00 on Monday and Tuesday: 4 intervals of 60 counter-minutes each. Service `c`
/// (5 minutes) keeps its own places. Reserves: a quarter for walk-ins, a tenth for priority citizens
/// (per interval 15 walk-in, 6 priority and 39 online counter-minutes).
enum PoolFixture {
    static let office = OfficeID("o")
    static let a = ServiceID("a")
    static let b = ServiceID("b")
    static let c = ServiceID("c")
    static let monday = Fixture.monday
    static let sunday = Fixture.sundayNoon
    static let counters = 2
    static let interval = 30
    static let intervals = 4
    static let minutes: [ServiceID: Int] = [a: 5, b: 10]
    static let walkInShare = 0.25
    static let priorityShare = 0.1
    /// Counter-minutes per interval and reserve, computed here from the shares (not by the allocator).
    static let limit: [CapacityPool: Int] = [.walkIn: 15, .priority: 6, .online: 39]

    static func configuration(pools: [AppointmentPool]? = nil, templates: [AppointmentTemplate] = [])
        -> AllocatorConfiguration
    {
        let hours: [Weekday: OpeningHours] = [
            .monday: OpeningHours(opensAtMinute: 480, closesAtMinute: 600),
            .tuesday: OpeningHours(opensAtMinute: 480, closesAtMinute: 600),
        ]
        let given = OfficeConfig(
            id: office, kecamatan: KecamatanID("k"), openingHours: hours,
            services: [a, b, c].map { OfficeServiceConfig(service: $0, counters: counters) },
            walkInShare: [.monday: walkInShare, .tuesday: walkInShare],
            priorityShare: [.monday: priorityShare, .tuesday: priorityShare])
        return AllocatorConfiguration(
            offices: [given],
            services: [
                ServiceConfig(id: a, meanServiceMinutes: 5), ServiceConfig(id: b, meanServiceMinutes: 10),
                ServiceConfig(id: c, meanServiceMinutes: 5),
            ],
            appointmentTemplates: templates,
            appointmentPools: pools ?? [
                AppointmentPool(office: self.office, services: [a, b], intervalMinutes: interval)
            ])
    }

    static func core(_ configuration: AllocatorConfiguration = configuration()) throws -> AllocatorCore {
        try AllocatorCore(configuration: configuration, tokenSigner: Fixture.signer)
    }

    /// Local `minute` (WITA) on `date`.
    static func at(_ minute: Int, on date: LocalDate = monday) -> Instant {
        Fixture.wita.instant(on: date, minuteOfDay: minute)
    }

    static func slot(_ service: ServiceID, interval: Int, on date: LocalDate = monday) -> SlotRef {
        SlotRef(office: office, service: service, start: at(480 + interval * self.interval, on: date))
    }

    /// Minutes from its slot's start to the booking's appointment.
    static func offset(_ record: BookingRecord) -> Int {
        Int((record.appointment.secondsSinceEpoch - record.slotStart.secondsSinceEpoch) / 60)
    }

    /// The interval (0-based) a slot start on Monday is.
    static func interval(of start: Instant) -> Int {
        Int((start.secondsSinceEpoch - at(480).secondsSinceEpoch) / 60) / interval
    }

    /// Minutes of [start, start + length) (minutes after opening) charged to `interval`: those inside
    /// it, and for the last interval those after closing too.
    static func charge(start: Int, length: Int, to interval: Int) -> Int {
        let from = interval * self.interval
        let to = interval == intervals - 1 ? Int.max : from + self.interval
        return max(0, min(to, start + length) - max(from, start))
    }

    /// Counter-minutes the occupying bookings of the pooled services spend in each interval per
    /// reserve, counted here from their appointments.
    static func sold(_ records: [BookingRecord], minutes: [ServiceID: Int] = minutes) -> [Int: [CapacityPool: Int]] {
        var sold: [Int: [CapacityPool: Int]] = [:]
        for record in records where record.state.occupiesCapacity && record.service != c {
            let start = interval(of: record.slotStart) * interval + offset(record)
            for index in 0..<intervals {
                sold[index, default: [:]][record.pool, default: 0] += charge(
                    start: start, length: minutes[record.service] ?? 0, to: index)
            }
        }
        return sold
    }
}
