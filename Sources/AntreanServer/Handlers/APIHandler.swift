import AntreanAllocator
import Logging

/// The generated `APIProtocol` over the allocator: each handler checks what the contract cannot say
/// (formats, which fields go together, the caller's role), calls the same `Allocator` method the library
/// offers, and answers its decision: a result, or the refusal as a problem (`Problem`).
struct APIHandler: APIProtocol {
    let server: AntreanHTTPServer
    let formats: FieldFormats

    init(server: AntreanHTTPServer) {
        self.server = server
        formats = FieldFormats(timeZone: server.configuration.rules.timeZone)
    }

    var allocator: Allocator { server.allocator }
    var rules: AllocatorRules { server.configuration.rules }

    /// The client whose key `AccessMiddleware` accepted (every operation with a key has one).
    var client: ClientKey {
        get throws(Problem) {
            guard let client = RequestScope.current?.client else { throw Problem.unauthenticated }
            return client
        }
    }

    var logger: Logger { RequestScope.current?.logger ?? server.logger }

    /// Runs an allocator call; a store failure (disk full, I/O error) is the one server-side error: 503,
    /// so the client retries with the same Idempotency-Key. Refusals are not thrown: they are results.
    func store<Value>(_ call: () async throws -> Value) async throws(Problem) -> Value {
        do { return try await call() } catch {
            logger.error("store failure", metadata: ["error": .string("\(type(of: error))")])
            throw .storeUnavailable
        }
    }

    /// The value of a successful decision, or its refusal thrown as a problem.
    func decided<Value>(_ result: Result<Value, AllocationRefusal>) throws(Problem) -> Value {
        switch result {
        case .success(let value): return value
        case .failure(let refusal): throw Problem(refusal, rules: rules)
        }
    }

    /// The citizen for a NIK from body field `/nik`: an invalid NIK is the allocator's refusal (422).
    func citizen(nik: String, account: String? = nil, priority: Bool = false) throws(Problem) -> Citizen {
        try decided(allocator.citizen(nik: nik, account: account.map(AccountID.init), isPriority: priority))
    }

    /// The key under which the allocator stores a client's Idempotency-Key: scoped to the client, and for
    /// the 112 call centre marked `assisted/` (how a booking shows it was made on a citizen's behalf).
    func scopedIdempotencyKey(_ header: String, client: ClientKey) throws(Problem) -> String {
        let key = try checkedIdempotencyKey(header)
        return (client.role == .callCentre ? "assisted/" : "") + client.client + "/" + key
    }

    func view(_ record: BookingRecord) -> Components.Schemas.Booking {
        Components.Schemas.Booking(
            code: String(record.id.rawValue), state: .init(rawValue: record.state.rawValue) ?? .booked,
            office: record.office.rawValue, service: record.service.rawValue, start: formats.text(record.slotStart),
            pool: .init(rawValue: record.pool.rawValue) ?? .online,
            holdExpiresAt: record.state == .held ? record.holdExpiresAt.map(formats.text) : nil,
            checkedInAt: record.checkedInAt.map(formats.text), reschedules: record.reschedules,
            assisted: record.idempotencyKey?.hasPrefix("assisted/") == true,
            // Only where a template gave the citizen a minute of their own: untemplated answers keep their bytes.
            appointment: record.appointment == record.slotStart ? nil : formats.text(record.appointment))
    }

    func publish(_ kind: BookingEvent.Kind, _ record: BookingRecord) async {
        await server.events?.publish([
            BookingEvent(kind: kind, booking: record, client: RequestScope.current?.client?.client)
        ])
    }

    /// The booking `id` as stored now, or unknown_booking.
    func record(_ id: BookingID) throws(Problem) -> BookingRecord {
        guard let record = allocator.read({ $0.booking(id) }) else { throw Problem(.unknownBooking(id)) }
        return record
    }

    func requireOffice(_ office: String) throws(Problem) -> OfficeConfig {
        guard let config = server.configuration.offices.first(where: { $0.id.rawValue == office }) else {
            throw Problem(.unknownOffice(OfficeID(office)))
        }
        return config
    }

    func requireService(_ service: String) throws(Problem) -> ServiceConfig {
        guard let config = server.configuration.services.first(where: { $0.id.rawValue == service }) else {
            throw Problem(.unknownService(ServiceID(service)))
        }
        return config
    }
}
