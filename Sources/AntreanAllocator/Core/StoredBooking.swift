/// A booking as the core keeps it: 64 bytes with no reference-counted fields, so growing, copying
/// and updating the bookings array is a plain memory copy (no retain/release of strings).
///
/// Office, service and slot start are implied by the ledger and slot index; the citizen and account
/// are interned numbers; the idempotency key lives in `IdempotencyIndex`. The public
/// ``BookingRecord`` is built from this only at the API boundary (`AllocatorCore.record(at:)`).
struct StoredBooking: Sendable {
    var createdAt: Int64
    var updatedAt: Int64
    /// Seconds since the epoch, or ``StoredBooking/absent`` when the booking has no hold deadline.
    var holdExpiresAt: Int64
    /// Seconds since the epoch, or ``StoredBooking/absent`` when not checked in.
    var checkedInAt: Int64
    var reschedules: Int
    /// Index into `AllocatorCore.ledgers`.
    var ledger: Int32
    /// Number in `AllocatorCore.niks`.
    var nik: Int32
    /// Index into `AllocatorCore.accountIDs`, or -1 when the booking has no account.
    var account: Int32
    /// Slot index within the ledger's day (a day has at most 1,440 slots).
    var slot: UInt16
    /// The booking's place in its slot (``StoredBooking/noPlace`` when its day gives no individual
    /// times or it holds no place): the lowest free one when it took it.
    var place: UInt16 = StoredBooking.noPlace
    /// Minutes from its slot's start to its appointment (0 when its day gives no individual times).
    var appointmentMinutes: UInt16 = 0
    var pool: CapacityPool
    var state: BookingState
    /// Whether the booking has an idempotency key (`AllocatorCore.idempotency` holds it).
    var hasIdempotencyKey: Bool

    /// The "no place" marker of `place`.
    static let noPlace = UInt16.max

    /// The "no instant" marker for optional instants (no real instant is this far in the past).
    static let absent = Int64.min

    static func encode(_ instant: Instant?) -> Int64 { instant?.secondsSinceEpoch ?? absent }

    static func decode(_ seconds: Int64) -> Instant? {
        seconds == absent ? nil : Instant(secondsSinceEpoch: seconds)
    }
}
