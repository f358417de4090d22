/// Why an operation was refused. Every refusal of the allocator is one of these.
public enum AllocationRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownOffice(OfficeID)
    case unknownService(ServiceID)
    /// The office does not offer the service.
    case serviceNotOffered
    /// The office is closed that day (weekend, holiday, closure) or the instant is not a slot start.
    case noSuchSlot
    case slotFull
    case walkInReserveFull
    case dailyQuotaReached
    /// The slot is in the past, too soon, or beyond the booking horizon.
    case outsideBookingWindow
    case nikLimitReached
    case accountLimitReached
    case unknownBooking(BookingID)
    /// The caller's NIK does not match the booking's.
    case notOwner
    /// Confirming a hold that is no longer held (lapsed, cancelled, already confirmed).
    case holdNotActive
    /// The booking is not in a state this operation accepts (e.g. cancelling a served booking).
    case bookingNotActive
    case rescheduleLimitReached
    /// The idempotency key was used before with a different request.
    case idempotencyKeyReused
    /// No slot satisfied the policy's constraints.
    case noAvailability
    /// Desk check-in by booking number: the booking is for another office.
    case wrongOffice
    /// Desk check-in by booking number: before the check-in window opens.
    case tooEarlyToCheckIn
    /// Desk check-in by booking number: the office has closed on the booking's day.
    case checkInClosed
    case token(TokenRefusal)
    case invalidNIK(NIKError)
    /// An instant (now, a slot start) outside ``Instant/supportedRange`` (2000-01-01 … 2199-12-31 UTC).
    case instantOutOfRange

    /// A stable snake_case code for logs and the replay CLI.
    public var code: String {
        switch self {
        case .unknownOffice: "unknown_office"
        case .unknownService: "unknown_service"
        case .serviceNotOffered: "service_not_offered"
        case .noSuchSlot: "no_such_slot"
        case .slotFull: "slot_full"
        case .walkInReserveFull: "walk_in_reserve_full"
        case .dailyQuotaReached: "daily_quota_reached"
        case .outsideBookingWindow: "outside_booking_window"
        case .nikLimitReached: "nik_limit_reached"
        case .accountLimitReached: "account_limit_reached"
        case .unknownBooking: "unknown_booking"
        case .notOwner: "not_owner"
        case .holdNotActive: "hold_not_active"
        case .bookingNotActive: "booking_not_active"
        case .rescheduleLimitReached: "reschedule_limit_reached"
        case .idempotencyKeyReused: "idempotency_key_reused"
        case .noAvailability: "no_availability"
        case .wrongOffice: "wrong_office"
        case .tooEarlyToCheckIn: "too_early_to_check_in"
        case .checkInClosed: "check_in_closed"
        case .token(let refusal): "token_" + refusal.rawValue
        case .invalidNIK: "invalid_nik"
        case .instantOutOfRange: "instant_out_of_range"
        }
    }

    public var description: String {
        switch self {
        case .unknownOffice(let id): "unknown office '\(id)'"
        case .unknownService(let id): "unknown service '\(id)'"
        case .unknownBooking(let id): "unknown booking \(id)"
        case .invalidNIK(let error): "invalid NIK: \(error)"
        case .token(let refusal): "QR token refused: \(refusal.rawValue)"
        case .instantOutOfRange: "instant outside the supported range 2000-01-01T00:00:00Z … 2199-12-31T23:59:59Z"
        default: String(code.map { $0 == "_" ? " " : $0 })
        }
    }
}
