import AntreanAllocator

/// A small city: kecamatan A has offices a1 (with walk-in and priority reserves) and a2; kecamatan B has b1.
enum Fixture {
    static let ktp = ServiceID("ktp")
    static let kk = ServiceID("kk")
    static let a1 = OfficeID("kel-a1")
    static let a2 = OfficeID("kel-a2")
    static let b1 = OfficeID("kel-b1")
    /// 2026-11-23 is a Monday.
    static let monday = LocalDate(year: 2026, month: 11, day: 23)
    static let tuesday = LocalDate(year: 2026, month: 11, day: 24)
    static let wita = OfficeTimeZone.wita
    /// Sunday 12:00 WITA, the day before.
    static let sundayNoon = wita.instant(on: LocalDate(year: 2026, month: 11, day: 22), minuteOfDay: 720)

    static func configuration(rules: AllocatorRules = AllocatorRules()) -> AllocatorConfiguration {
        let services = [
            ServiceConfig(id: ktp, meanServiceMinutes: 7.5),  // 2 counters × 15 min ÷ 7.5 = 4 per slot
            ServiceConfig(id: kk, meanServiceMinutes: 15, dailyQuota: 3),
        ]
        let offices = [
            OfficeConfig(
                id: a1, kecamatan: KecamatanID("A"),
                services: [
                    OfficeServiceConfig(service: ktp, counters: 2), OfficeServiceConfig(service: kk, counters: 1),
                ],
                walkInShare: [.monday: 0.25, .friday: 0.25], priorityShare: [.monday: 0.25, .tuesday: 0.25],
                positionKm: PlanarPoint(x: 0, y: 0)),
            OfficeConfig(
                id: a2, kecamatan: KecamatanID("A"), services: [OfficeServiceConfig(service: ktp, counters: 2)],
                positionKm: PlanarPoint(x: 3, y: 0)),
            OfficeConfig(
                id: b1, kecamatan: KecamatanID("B"), services: [OfficeServiceConfig(service: ktp, counters: 1)],
                closedDates: [monday], positionKm: PlanarPoint(x: 20, y: 0)),
        ]
        return AllocatorConfiguration(offices: offices, services: services, rules: rules)
    }

    static let signer = TestKeys.signer

    static func core(
        rules: AllocatorRules = AllocatorRules(), policy: any AllocationPolicy = HomeOfficeEarliestPolicy(),
        signer: QRTokenSigner = signer
    ) -> AllocatorCore {
        try! AllocatorCore(configuration: configuration(rules: rules), policy: policy, tokenSigner: signer)
    }

    /// The slot starting at local `minute` (WITA) on `date`.
    static func slot(_ office: OfficeID, _ service: ServiceID = ktp, on date: LocalDate = monday, minute: Int = 480)
        -> SlotRef
    {
        SlotRef(office: office, service: service, start: wita.instant(on: date, minuteOfDay: minute))
    }

    static func citizen(_ number: some BinaryInteger, account: String? = nil, priority: Bool = false) -> Citizen {
        Citizen(
            nikHash: NIKHash(syntheticCitizen: UInt64(number)), account: AccountID(account ?? "device-\(number)"),
            isPriority: priority)
    }
}

extension Result {
    var refusal: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
    var value: Success? { try? get() }
}
