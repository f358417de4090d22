import AntreanAllocator
import AntreanLocalization
import AntreanReplay
import Foundation

/// One output line of `antrean replay`: the allocator's decision on one request line.
struct ReplayDecision: Encodable {
    var line: Int
    var id: String?
    var op: String?
    var ok: Bool
    var reason: String?
    var message: String?
    /// A refusal's message for people in the replay's `--lang` (`message` stays the technical text).
    var text: String?
    var booking: UInt64?
    var state: String?
    var office: String?
    var service: String?
    var slot: String?
    /// The citizen's own minute inside the slot, where an appointment template gives one (absent
    /// when it is the slot's start, as every booking's was before templates).
    var appointment: String?
    var pool: String?
    var repeatRequest: Bool?
    var token: String?
    var timing: String?
    var requeueAfter: Int?
    var released: [UInt64]?
    var slots: [SlotLine]?

    struct SlotLine: Encodable {
        var office: String
        var slot: String
        var remaining: Int
    }

    enum CodingKeys: String, CodingKey {
        case line, id, op, ok, reason, message, text, booking, state, office, service, slot, appointment, pool, token,
            timing, released, slots
        case repeatRequest = "repeat"
        case requeueAfter = "requeue_after"
    }

    init(line: Int, request: ReplayRequest?) {
        self.line = line
        self.id = request?.id
        self.op = request?.op
        self.ok = true
    }

    mutating func refuse(_ refusal: AllocationRefusal, language: Language, rules: AllocatorRules?) {
        ok = false
        reason = refusal.code
        message = refusal.description
        text = refusal.message(language: language, rules: rules)
    }

    mutating func describe(_ booking: BookingRecord) {
        self.booking = booking.id.rawValue
        state = booking.state.rawValue
        office = booking.office.rawValue
        service = booking.service.rawValue
        slot = booking.slotStart.description
        appointment = booking.appointment == booking.slotStart ? nil : booking.appointment.description
        pool = booking.pool.rawValue
    }

    /// The outcome of a check-in, by QR token or at the desk.
    mutating func checkedIn(
        _ result: Result<CheckInReceipt, AllocationRefusal>, language: Language, rules: AllocatorRules?
    ) {
        switch result {
        case .success(let checkIn):
            describe(checkIn.booking)
            switch checkIn.timing {
            case .onTime: timing = "on_time"
            case .requeued(let others):
                timing = "requeued"
                requeueAfter = others
            }
        case .failure(let refusal): refuse(refusal, language: language, rules: rules)
        }
    }
}

/// Totals printed after the last decision.
struct ReplaySummary: Encodable {
    var lines = 0
    var accepted = 0
    var refused = 0
    var malformed = 0
    var reasons: [String: Int] = [:]
    var policy = ""
    var bookingsInStore = 0
    var activeBookings = 0

    enum CodingKeys: String, CodingKey {
        case lines, accepted, refused, malformed, reasons, policy
        case bookingsInStore = "bookings_in_store"
        case activeBookings = "active_bookings"
    }
}
