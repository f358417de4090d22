/// One line of a replay trace. Which fields are needed depends on `op` (see docs/allocator.md).
public struct ReplayRequest: Decodable, Sendable {
    public var op: String
    /// The caller's request id, echoed in the decision and usable as `booking_ref` by later lines.
    public var id: String?
    /// When the request happened (ISO 8601 with Z or an offset, e.g. 2026-11-22T12:00:00+08:00).
    public var at: String
    public var nik: String?
    public var account: String?
    public var priority: Bool?
    public var office: String?
    public var kecamatan: String?
    public var service: String?
    /// A slot start (ISO 8601); when absent, `book`/`hold` let the policy choose from `office` as home.
    public var slot: String?
    public var booking: UInt64?
    public var bookingRef: String?
    public var token: String?
    public var idempotencyKey: String?
    public var limit: Int?

    enum CodingKeys: String, CodingKey {
        case op, id, at, nik, account, priority, office, kecamatan, service, slot, booking, token, limit
        case bookingRef = "booking_ref"
        case idempotencyKey = "idempotency_key"
    }
}
