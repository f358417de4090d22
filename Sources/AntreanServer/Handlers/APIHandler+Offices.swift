import AntreanAllocator

extension APIHandler {
    func listOffices(_ input: Operations.ListOffices.Input) async throws -> Operations.ListOffices.Output {
        .ok(.init(body: .json(.init(offices: server.configuration.offices.map(officeView)))))
    }

    func getOffice(_ input: Operations.GetOffice.Input) async throws -> Operations.GetOffice.Output {
        .ok(.init(body: .json(officeView(try requireOffice(input.path.office)))))
    }

    func officeView(_ office: OfficeConfig) -> Components.Schemas.Office {
        let services = Dictionary(server.configuration.services.map { ($0.id, $0) }) { first, _ in first }
        return Components.Schemas.Office(
            id: office.id.rawValue, kecamatan: office.kecamatan.rawValue, slotMinutes: rules.slotMinutes,
            services: office.services.map {
                .init(
                    id: $0.service.rawValue, counters: $0.counters,
                    meanServiceMinutes: services[$0.service]?.meanServiceMinutes ?? 0,
                    dailyQuota: services[$0.service]?.dailyQuota)
            },
            openingHours: Weekday.allCases.compactMap { day in
                office.openingHours[day].map {
                    .init(
                        weekday: day.rawValue, opens: FieldFormats.clock($0.opensAtMinute),
                        closes: FieldFormats.clock($0.closesAtMinute))
                }
            },
            closedDates: office.closedDates.sorted().map(\.description))
    }

    /// The grid of one day: capacities from the plan, places left from the ledger. Dates from yesterday
    /// to the end of the booking horizon only (a ledger is made for each day asked: bounded memory).
    func getAppointmentGrid(
        _ input: Operations.GetAppointmentGrid.Input
    ) async throws -> Operations.GetAppointmentGrid.Output {
        let office = try requireOffice(input.path.office)
        let service = try requireService(input.query.service)
        let date = try formats.date(input.query.date, parameter: "date")
        guard office.services.contains(where: { $0.service == service.id }) else { throw Problem(.serviceNotOffered) }
        let today = rules.timeZone.localDate(of: allocator.clock.now())
        guard date >= today.adding(days: -1), date <= today.adding(days: rules.bookingHorizonDays) else {
            throw Problem(.outsideBookingWindow)
        }
        let (plan, remaining) = try await store {
            try await allocator.perform { core, now in
                (
                    core.dayPlan(office: office.id, service: service.id, date: date),
                    core.remainingPlaces(office: office.id, service: service.id, date: date, now: now)
                )
            }
        }
        var slots: [Components.Schemas.GridSlot] = []
        if let plan, let remaining {
            for (index, capacity) in plan.slots.enumerated() where index < remaining.count {
                let left = remaining[index]
                slots.append(
                    .init(
                        start: formats.text(plan.slotStart(index)),
                        capacity: .init(online: capacity.online, walkIn: capacity.walkIn, priority: capacity.priority),
                        remaining: .init(online: left.online, walkIn: left.walkIn, priority: left.priority)))
            }
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        office: office.id.rawValue, service: service.id.rawValue, date: date.description, slots: slots)
                )))
    }

    /// The allocator's availability query, for one office or a kecamatan, optionally one local day.
    func getAvailability(_ input: Operations.GetAvailability.Input) async throws -> Operations.GetAvailability.Output {
        let query = input.query
        let request = try availabilityQuery(
            service: query.service, office: query.office, kecamatan: query.kecamatan, date: query.date,
            priority: query.priority, limit: query.limit)
        let answer = try await availability(request)
        return .ok(
            .init(
                body: .json(
                    .init(
                        slots: answer.slots.map {
                            .init(
                                office: $0.slot.office.rawValue, service: $0.slot.service.rawValue,
                                start: formats.text($0.slot.start), remaining: $0.remaining,
                                dayUtilization: $0.dayUtilization)
                        }))))
    }

    /// The checked parameters of an availability query, or the problem the operation answers for them
    /// (shared by the generated operation and `AvailabilityRoute`, so both refuse alike).
    func availabilityQuery(
        service: String, office: String?, kecamatan: String?, date: String?, priority: Bool?, limit: Int?
    ) throws(Problem) -> AvailabilityQuery {
        let service = try requireService(service)
        let limit = limit ?? 10
        guard (1...200).contains(limit) else { throw Problem.malformed(parameter: "limit", .limitRange) }
        // One office, or the kecamatan's offices in the allocator's own order (ties break the same way).
        let place: AvailabilityQuery.Place
        switch (office, kecamatan) {
        case (.some(let name), nil): place = .office(try requireOffice(name).id)
        case (nil, .some(let name)):
            guard server.configuration.offices.contains(where: { $0.kecamatan.rawValue == name }) else {
                throw Problem.unknownKecamatan(name)
            }
            place = .kecamatan(KecamatanID(name))
        default: throw Problem.malformed(parameter: "office", .officeOrKecamatan)
        }
        let date = try date.map { text throws(Problem) in try formats.date(text, parameter: "date") }
        return AvailabilityQuery(
            service: service.id, place: place, date: date, isPriority: priority ?? false, limit: limit)
    }

    /// The slots with places left for `query` at the clock's now, once the state they were read from is
    /// durable; with the allocator's `changeSequence` before the read and the `now` used, which together
    /// say how long the answer stays exact (`AvailabilityCache`).
    func availability(_ query: AvailabilityQuery) async throws(Problem) -> AvailabilityAnswer {
        let from = query.date.map { rules.timeZone.instant(on: $0, minuteOfDay: 0) }
        let allocator = self.allocator
        let answer = try await store {
            try await allocator.perform { core, now in
                let version = allocator.changeSequence
                let start = max(from ?? now, now)
                let found: [SlotAvailability]
                switch query.place {
                case .office(let office):
                    found = core.availability(
                        service: query.service, offices: [office], isPriority: query.isPriority, from: start,
                        limit: query.limit, now: now)
                case .kecamatan(let kecamatan):
                    found = core.availability(
                        service: query.service, kecamatan: kecamatan, isPriority: query.isPriority, from: start,
                        limit: query.limit, now: now)
                }
                return AvailabilityAnswer(slots: found, version: version, now: now)
            }
        }
        guard let date = query.date else { return answer }
        var filtered = answer
        filtered.slots = answer.slots.filter { rules.timeZone.localDate(of: $0.slot.start) == date }
        return filtered
    }
}
