import AntreanAllocator

/// The checked parameters of `GET /v1/availability` (see `APIHandler.availabilityQuery`): what the answer
/// depends on besides the allocator's state and the clock, so also the key of `AvailabilityCache`.
struct AvailabilityQuery: Hashable, Sendable {
    enum Place: Hashable, Sendable {
        case office(OfficeID)
        case kecamatan(KecamatanID)
    }

    var service: ServiceID
    var place: Place
    var date: LocalDate?
    var isPriority: Bool
    var limit: Int
}

/// An availability answer with what it was computed from: the allocator's `changeSequence` before the
/// read and the instant `now` (whole seconds) the read used.
struct AvailabilityAnswer: Sendable {
    var slots: [SlotAvailability]
    var version: UInt64
    var now: Instant
}
