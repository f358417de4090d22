import AntreanAllocator

extension APIHandler {
    func createHold(_ input: Operations.CreateHold.Input) async throws -> Operations.CreateHold.Output {
        guard case .json(let body) = input.body else { throw Problem.malformed(pointer: "", .bodyRequired) }
        let receipt = try await reserve(body, idempotencyKey: input.headers.idempotencyKey, holdOnly: true)
        return receipt.isRepeat
            ? .ok(.init(body: .json(view(receipt.booking)))) : .created(.init(body: .json(view(receipt.booking))))
    }

    func createBooking(_ input: Operations.CreateBooking.Input) async throws -> Operations.CreateBooking.Output {
        guard case .json(let body) = input.body else { throw Problem.malformed(pointer: "", .bodyRequired) }
        let receipt = try await reserve(body, idempotencyKey: input.headers.idempotencyKey, holdOnly: false)
        return receipt.isRepeat
            ? .ok(.init(body: .json(view(receipt.booking)))) : .created(.init(body: .json(view(receipt.booking))))
    }

    /// A booking or hold of the slot the request names (`office` + `start`), or of the slot the policy
    /// places from `homeOffice`: `Allocator.book`/`hold`/`place` with the client-scoped idempotency key.
    /// Shared with `BookingRoute`, so both paths decide, count and notify alike.
    func reserve(
        _ body: Components.Schemas.BookingRequest, idempotencyKey header: String, holdOnly: Bool
    ) async throws(Problem) -> BookingReceipt {
        let client = try client
        let key = try scopedIdempotencyKey(header, client: client)
        if let account = body.account {
            guard (1...128).contains(account.utf8.count) else {
                throw Problem.malformed(pointer: "/account", .accountLength)
            }
            let now = AntreanHTTPServer.seconds(ContinuousClock.now - server.startedAt)
            if let wait = server.accountLimiter.take("account:" + account, now: now) {
                throw Problem.rateLimited(retryAfter: wait, scope: .account)
            }
        }
        let citizen = try citizen(nik: body.nik, account: body.account, priority: body.priority ?? false)
        let service = ServiceID(body.service)
        let result: Result<BookingReceipt, AllocationRefusal>
        switch (body.office, body.start, body.homeOffice) {
        case (.some(let office), .some(let startText), nil):
            let slot = SlotRef(
                office: OfficeID(office), service: service, start: try formats.instant(startText, pointer: "/start"))
            result = try await store {
                holdOnly
                    ? try await allocator.hold(slot, for: citizen, idempotencyKey: key)
                    : try await allocator.book(slot, for: citizen, idempotencyKey: key)
            }
        case (nil, nil, .some(let home)):
            let notBefore = try body.notBefore.map { text throws(Problem) in
                try formats.instant(text, pointer: "/notBefore")
            }
            let request = PlacementRequest(
                service: service, homeOffice: OfficeID(home), citizen: citizen, notBefore: notBefore,
                holdOnly: holdOnly, idempotencyKey: key)
            result = try await store { try await allocator.place(request) }
        case (.some, nil, _): throw Problem.malformed(pointer: "/start", .withOffice)
        case (nil, .some, _): throw Problem.malformed(pointer: "/office", .withStart)
        case (.some, .some, .some):
            throw Problem.malformed(pointer: "/homeOffice", .officeStartOrHome)
        case (nil, nil, nil): throw Problem.malformed(pointer: "/office", .officeStartOrHome)
        }
        let receipt = try decided(result)
        if !receipt.isRepeat {
            server.metrics.booking(kind: holdOnly ? "hold" : "booking")
            await publish(holdOnly ? .held : .booked, receipt.booking)
        }
        return receipt
    }

    func confirmHold(_ input: Operations.ConfirmHold.Input) async throws -> Operations.ConfirmHold.Output {
        let id = try formats.bookingID(input.path.code)
        guard case .json(let body) = input.body else { throw Problem.malformed(pointer: "", .bodyRequired) }
        let nik = try citizen(nik: body.nik).nikHash
        let record = try decided(try await store { try await allocator.confirm(id, by: nik) })
        server.metrics.booking(kind: "confirmed_hold")
        await publish(.confirmed, record)
        return .ok(.init(body: .json(view(record))))
    }

    func getBooking(_ input: Operations.GetBooking.Input) async throws -> Operations.GetBooking.Output {
        let id = try formats.bookingID(input.path.code)
        // Lapsed holds are released first, so a read never shows a hold that has expired.
        let found = try await store {
            try await allocator.perform { core, now in
                core.expireHolds(now: now)
                return core.booking(id)
            }
        }
        guard let found else { throw Problem(.unknownBooking(id)) }
        return .ok(.init(body: .json(view(found))))
    }

    /// The citizen's NIK hash from an optional body field, required unless the key acts for the office.
    private func owner(_ nik: String?) throws(Problem) -> NIKHash? {
        if let nik { return try citizen(nik: nik).nikHash }
        guard try client.role.actsForOffice else {
            throw Problem.malformed(pointer: "/nik", .nikForRole, ["role": try client.role.rawValue])
        }
        return nil
    }

    func cancelBooking(_ input: Operations.CancelBooking.Input) async throws -> Operations.CancelBooking.Output {
        let id = try formats.bookingID(input.path.code)
        guard case .json(let body) = input.body else { throw Problem.malformed(pointer: "", .bodyRequired) }
        let nik = try owner(body.nik)
        let record = try decided(try await store { try await allocator.cancel(id, by: nik) })
        await publish(nik == nil ? .cancelledByOffice : .cancelled, record)
        return .ok(.init(body: .json(view(record))))
    }

    func rescheduleBooking(
        _ input: Operations.RescheduleBooking.Input
    ) async throws -> Operations.RescheduleBooking.Output {
        let id = try formats.bookingID(input.path.code)
        guard case .json(let body) = input.body else { throw Problem.malformed(pointer: "", .bodyRequired) }
        let nik = try owner(body.nik)
        let current = try record(id)
        let slot = SlotRef(
            office: OfficeID(body.office), service: current.service,
            start: try formats.instant(body.start, pointer: "/start"))
        let record = try decided(try await store { try await allocator.reschedule(id, to: slot, by: nik) })
        await publish(.rescheduled, record)
        return .ok(.init(body: .json(view(record))))
    }

    /// The QR token, for the booking's owner only: the NIK must match (booking codes are sequential).
    func issueToken(_ input: Operations.IssueToken.Input) async throws -> Operations.IssueToken.Output {
        let id = try formats.bookingID(input.path.code)
        guard case .json(let body) = input.body else { throw Problem.malformed(pointer: "", .bodyRequired) }
        let nik = try citizen(nik: body.nik).nikHash
        guard try record(id).nikHash == nik else { throw Problem(.notOwner) }
        let token = try decided(try await store { try await allocator.issueToken(for: id) })
        return .ok(.init(body: .json(.init(code: String(id.rawValue), token: token))))
    }
}
