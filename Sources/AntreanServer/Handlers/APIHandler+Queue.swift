import AntreanAllocator

extension APIHandler {
    /// Check-in by QR token (kiosk, desk, admin) or by booking code and NIK (desk, admin): the allocator's
    /// `checkIn(token:at:)` or `checkIn(booking:nik:at:)`; the admitted citizen joins the office's queue.
    func checkIn(_ input: Operations.CheckIn.Input) async throws -> Operations.CheckIn.Output {
        guard case .json(let body) = input.body else { throw Problem.malformed(pointer: "", .bodyRequired) }
        let office = try requireOffice(input.path.office).id
        let receipt: CheckInReceipt
        switch (body.token, body.code, body.nik) {
        case (.some(let token), nil, nil):
            guard (1...1024).contains(token.utf8.count) else {
                throw Problem.malformed(pointer: "/token", .tokenLength)
            }
            receipt = try decided(try await store { try await allocator.checkIn(token: token, at: office) })
        case (nil, .some(let code), .some(let nik)):
            guard try client.role.actsForOffice else {
                throw Problem.forbidden(.deskCheckIn)
            }
            guard let id = try? formats.bookingID(code) else {
                throw Problem.malformed(pointer: "/code", .bookingCode)
            }
            let hash = try citizen(nik: nik).nikHash
            receipt = try decided(try await store { try await allocator.checkIn(booking: id, nik: hash, at: office) })
        case (nil, .some, nil): throw Problem.malformed(pointer: "/nik", .withCode)
        case (nil, nil, .some): throw Problem.malformed(pointer: "/code", .withNIK)
        case (.some, _, _): throw Problem.malformed(pointer: "/token", .tokenOrCodeNotBoth)
        case (nil, nil, nil): throw Problem.malformed(pointer: "/token", .tokenOrCode)
        }
        let requeuedAfter: Int?
        switch receipt.timing {
        case .onTime: requeuedAfter = nil
        case .requeued(let others): requeuedAfter = others
        }
        let key = queueKey(office: office, service: receipt.booking.service)
        server.board.admit(receipt.booking.id, key: key, requeuedAfter: requeuedAfter)
        await publish(requeuedAfter == nil ? .checkedIn : .requeued, receipt.booking)
        return .ok(
            .init(
                body: .json(
                    checkInView(
                        receipt.booking, key: key, timing: requeuedAfter == nil ? .onTime : .requeued,
                        requeueAfterOthers: requeuedAfter))))
    }

    /// A walk-in against the reserve of the current or a later slot today (`Allocator.registerWalkIn`).
    func registerWalkIn(_ input: Operations.RegisterWalkIn.Input) async throws -> Operations.RegisterWalkIn.Output {
        guard case .json(let body) = input.body else { throw Problem.malformed(pointer: "", .bodyRequired) }
        let office = try requireOffice(input.path.office).id
        let citizen = try citizen(nik: body.nik, priority: body.priority ?? false)
        let service = ServiceID(body.service)
        let receipt = try decided(
            try await store {
                try await allocator.registerWalkIn(
                    office: office, service: service, citizen: citizen, overflowToOnline: body.overflowToOnline ?? false
                )
            })
        let key = queueKey(office: office, service: service)
        server.board.admit(receipt.booking.id, key: key, requeuedAfter: nil)
        server.metrics.booking(kind: "walk_in")
        await publish(.walkIn, receipt.booking)
        return .created(
            .init(body: .json(checkInView(receipt.booking, key: key, timing: .walkIn, requeueAfterOthers: nil))))
    }

    func getQueue(_ input: Operations.GetQueue.Input) async throws -> Operations.GetQueue.Output {
        let office = try requireOffice(input.path.office)
        let service = try requireService(input.query.service)
        let key = queueKey(office: office.id, service: service.id)
        var place: Components.Schemas.QueuePlace?
        var asked: BookingID?
        if let code = input.query.code {
            let id = try formats.bookingID(code)
            let found = try record(id)
            asked = id
            place = .init(code: String(id.rawValue), state: found.state.rawValue)
        }
        let snapshot = server.board.snapshot(key, booking: asked)
        if place != nil {
            place?.position = snapshot.position
            place?.estimatedWaitMinutes = snapshot.positionWaitMinutes
        }
        return .ok(.init(body: .json(queueView(key, snapshot: snapshot, place: place))))
    }

    func callNext(_ input: Operations.CallNext.Input) async throws -> Operations.CallNext.Output {
        guard case .json(let body) = input.body else { throw Problem.malformed(pointer: "", .bodyRequired) }
        let office = try requireOffice(input.path.office)
        let service = try requireService(body.service)
        let key = queueKey(office: office.id, service: service.id)
        let called = server.board.callNext(key)
        return .ok(
            .init(
                body: .json(
                    .init(
                        called: called.map { String($0.rawValue) },
                        queue: queueView(key, snapshot: server.board.snapshot(key), place: nil)))))
    }

    func queueKey(office: OfficeID, service: ServiceID) -> QueueBoard.Key {
        QueueBoard.Key(office: office, service: service, day: rules.timeZone.localDate(of: allocator.clock.now()))
    }

    private func checkInView(
        _ record: BookingRecord, key: QueueBoard.Key, timing: Components.Schemas.CheckIn.TimingPayload,
        requeueAfterOthers: Int?
    ) -> Components.Schemas.CheckIn {
        let snapshot = server.board.snapshot(key, booking: record.id)
        return .init(
            booking: view(record), timing: timing, requeueAfterOthers: requeueAfterOthers,
            position: snapshot.position ?? 0, estimatedWaitMinutes: snapshot.positionWaitMinutes ?? 0)
    }

    private func queueView(
        _ key: QueueBoard.Key, snapshot: QueueBoard.Snapshot, place: Components.Schemas.QueuePlace?
    ) -> Components.Schemas.Queue {
        .init(
            office: key.office.rawValue, service: key.service.rawValue, date: key.day.description,
            nowServing: snapshot.nowServing.map { String($0.rawValue) }, waiting: snapshot.waiting,
            estimatedWaitMinutesForWalkIn: snapshot.walkInWaitMinutes, booking: place)
    }
}
