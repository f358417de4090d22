import AntreanAllocator
import AntreanLocalization
import AntreanReplay
import Foundation

/// Turns request lines into allocator operations and decisions. Operations are applied without waiting
/// for durability; `ReplayCommand` commits a group and only then prints the group's decisions.
struct Replayer {
    let allocator: Allocator
    let file: String
    /// Request id → booking it created, for `booking_ref`.
    var bookingsByRequest: [String: BookingID] = [:]
    /// The latest token handed out per booking, so `check_in` by `booking_ref` scans what the citizen holds.
    var tokensByBooking: [BookingID: String] = [:]

    /// The language of the refusal messages for people (`text`), and the rules whose limits they state.
    let language: Language
    let rules: AllocatorRules

    init(allocator: Allocator, file: String, language: Language = .en) {
        self.allocator = allocator
        self.file = file
        self.language = language
        self.rules = allocator.read { $0.rules }
    }

    /// The decision on request line number `line` (its bytes without the line terminator).
    mutating func decide(line: Int, bytes: ArraySlice<UInt8>) -> ReplayDecision {
        let request: ReplayRequest
        switch ReplayLine.parse(bytes) {
        case .success(let parsed): request = parsed
        case .failure(let error): return malformed(line: line, request: nil, error.message)
        }
        do {
            var decision = try apply(request, line: line)
            if decision.ok, let id = request.id, let booking = decision.booking, bookingsByRequest[id] == nil,
                ["book", "hold", "walk_in"].contains(request.op)
            {
                bookingsByRequest[id] = BookingID(booking)
            }
            if let booking = decision.booking, let token = decision.token {
                tokensByBooking[BookingID(booking)] = token
            }
            decision.line = line
            return decision
        } catch let error as ReplayRequestError {
            return malformed(line: line, request: request, error.message)
        } catch let refusal as AllocationRefusal {
            var decision = ReplayDecision(line: line, request: request)
            decision.refuse(refusal, language: language, rules: rules)
            return decision
        } catch {
            return malformed(line: line, request: request, "\(error)")
        }
    }

    private func malformed(line: Int, request: ReplayRequest?, _ message: String) -> ReplayDecision {
        FileHandle.standardError.write(Data("\(file):\(line): malformed request: \(message)\n".utf8))
        var decision = ReplayDecision(line: line, request: request)
        decision.ok = false
        decision.reason = "malformed"
        decision.message = message
        return decision
    }

    private func require<T>(_ value: T?, _ field: String, for op: String) throws -> T {
        guard let value else { throw ReplayRequestError(message: "\(field): required for op '\(op)'") }
        return value
    }

    /// The instant in `text`: malformed text is a malformed line, a well-formed instant outside
    /// ``Instant/supportedRange`` a refusal (`instant_out_of_range`) before the allocator is called.
    private func instant(_ text: String, field: String) throws -> Instant {
        guard let instant = Instant(iso8601: text) else {
            let shown = text.utf8.count <= 40 ? text : String(decoding: text.utf8.prefix(40), as: UTF8.self) + "…"
            throw ReplayRequestError(
                message: "\(field): expected ISO 8601 like 2026-11-23T08:00:00+08:00, got '\(shown)'")
        }
        guard instant.isSupported else { throw AllocationRefusal.instantOutOfRange }
        return instant
    }

    private func bookingID(_ request: ReplayRequest) throws -> BookingID {
        if let booking = request.booking { return BookingID(booking) }
        if let reference = request.bookingRef {
            guard let id = bookingsByRequest[reference] else {
                throw ReplayRequestError(message: "booking_ref: no earlier request '\(reference)' created a booking")
            }
            return id
        }
        throw ReplayRequestError(message: "booking or booking_ref: required for op '\(request.op)'")
    }

    private func citizen(_ request: ReplayRequest) throws -> Result<Citizen, AllocationRefusal> {
        let nik = try require(request.nik, "nik", for: request.op)
        return allocator.citizen(
            nik: nik, account: request.account.map(AccountID.init), isPriority: request.priority ?? false)
    }

    private func apply(_ request: ReplayRequest, line: Int) throws -> ReplayDecision {
        let now = try instant(request.at, field: "at")
        var decision = ReplayDecision(line: line, request: request)
        func receipt(_ result: Result<BookingReceipt, AllocationRefusal>) {
            switch result {
            case .success(let receipt):
                decision.describe(receipt.booking)
                decision.repeatRequest = receipt.isRepeat
            case .failure(let refusal): decision.refuse(refusal, language: language, rules: rules)
            }
        }
        func record(_ result: Result<BookingRecord, AllocationRefusal>) {
            switch result {
            case .success(let booking): decision.describe(booking)
            case .failure(let refusal): decision.refuse(refusal, language: language, rules: rules)
            }
        }
        switch request.op {
        case "availability":
            let service = ServiceID(try require(request.service, "service", for: request.op))
            let limit = request.limit ?? 5
            let slots: [SlotAvailability]
            if let kecamatan = request.kecamatan {
                slots = allocator.performDeferred(at: now) {
                    $0.availability(
                        service: service, kecamatan: KecamatanID(kecamatan), isPriority: request.priority ?? false,
                        from: $1, limit: limit, now: $1)
                }
            } else {
                let office = OfficeID(try require(request.office, "office or kecamatan", for: request.op))
                slots = allocator.performDeferred(at: now) {
                    $0.availability(
                        service: service, offices: [office], isPriority: request.priority ?? false,
                        from: $1, limit: limit, now: $1)
                }
            }
            decision.slots = slots.map {
                .init(office: $0.slot.office.rawValue, slot: $0.slot.start.description, remaining: $0.remaining)
            }
        case "book", "hold":
            let service = ServiceID(try require(request.service, "service", for: request.op))
            let office = OfficeID(try require(request.office, "office", for: request.op))
            let slotStart = try request.slot.map { try instant($0, field: "slot") }
            let who: Citizen
            switch try citizen(request) {
            case .success(let found): who = found
            case .failure(let refusal):
                decision.refuse(refusal, language: language, rules: rules)
                return decision
            }
            let hold = request.op == "hold"
            let key = request.idempotencyKey
            if let slotStart {
                let slot = SlotRef(office: office, service: service, start: slotStart)
                receipt(
                    allocator.performDeferred(at: now) { core, now in
                        hold
                            ? core.hold(slot, for: who, idempotencyKey: key, now: now)
                            : core.book(slot, for: who, idempotencyKey: key, now: now)
                    })
            } else {
                let placement = PlacementRequest(
                    service: service, homeOffice: office, citizen: who, holdOnly: hold, idempotencyKey: key)
                receipt(allocator.performDeferred(at: now) { $0.place(placement, now: $1) })
            }
            if decision.ok, let id = decision.booking, !hold {
                decision.token = allocator.performDeferred(at: now) {
                    try? $0.issueToken(for: BookingID(id), now: $1).get()
                }
            }
        case "confirm":
            let id = try bookingID(request)
            record(allocator.performDeferred(at: now) { $0.confirm(id, now: $1) })
            if decision.ok {
                decision.token = allocator.performDeferred(at: now) { try? $0.issueToken(for: id, now: $1).get() }
            }
        case "cancel":
            let id = try bookingID(request)
            record(allocator.performDeferred(at: now) { $0.cancel(id, now: $1) })
        case "reschedule":
            let id = try bookingID(request)
            let start = try instant(try require(request.slot, "slot", for: request.op), field: "slot")
            guard let current = allocator.read({ $0.booking(id) }) else {
                decision.refuse(.unknownBooking(id), language: language, rules: rules)
                return decision
            }
            let slot = SlotRef(
                office: request.office.map(OfficeID.init) ?? current.office,
                service: request.service.map(ServiceID.init) ?? current.service, start: start)
            record(allocator.performDeferred(at: now) { $0.reschedule(id, to: slot, now: $1) })
            if decision.ok {
                decision.token = allocator.performDeferred(at: now) { try? $0.issueToken(for: id, now: $1).get() }
            }
        case "check_in":
            let office = OfficeID(try require(request.office, "office", for: request.op))
            let token: String
            if let given = request.token {
                token = given
            } else if let issued = tokensByBooking[try bookingID(request)] {
                token = issued
            } else {
                let id = try bookingID(request)
                switch allocator.performDeferred(at: now, { $0.issueToken(for: id, now: $1) }) {
                case .success(let issued): token = issued
                case .failure(let refusal):
                    decision.refuse(refusal, language: language, rules: rules)
                    return decision
                }
            }
            decision.checkedIn(
                allocator.performDeferred(at: now) { $0.checkIn(token: token, at: office, now: $1) },
                language: language,
                rules: rules)
        case "desk_check_in":
            let office = OfficeID(try require(request.office, "office", for: request.op))
            let id = try bookingID(request)
            switch try citizen(request) {
            case .success(let who):
                decision.checkedIn(
                    allocator.performDeferred(at: now) {
                        $0.checkIn(booking: id, nik: who.nikHash, at: office, now: $1)
                    }, language: language, rules: rules)
            case .failure(let refusal): decision.refuse(refusal, language: language, rules: rules)
            }
        case "walk_in":
            let service = ServiceID(try require(request.service, "service", for: request.op))
            let office = OfficeID(try require(request.office, "office", for: request.op))
            switch try citizen(request) {
            case .success(let who):
                receipt(
                    allocator.performDeferred(at: now) {
                        $0.registerWalkIn(office: office, service: service, citizen: who, now: $1)
                    })
            case .failure(let refusal): decision.refuse(refusal, language: language, rules: rules)
            }
        case "release_no_shows":
            decision.released = allocator.performDeferred(at: now) { $0.releaseNoShows(now: $1) }.map(\.rawValue)
        default:
            throw ReplayRequestError(
                message:
                    "op: unknown '\(request.op)' (availability, hold, book, confirm, cancel, reschedule, check_in, "
                    + "desk_check_in, walk_in, release_no_shows)")
        }
        return decision
    }
}

struct ReplayRequestError: Error {
    var message: String
}
