extension AllocatorCore {
    /// `.instantOutOfRange` when `instant` lies outside ``Instant/supportedRange``, nil otherwise.
    /// Every public operation checks its instants with this before it changes anything, so a request
    /// dated 1960 or 9999 is refused, never half-applied (a pre-1970 slot cannot be put in a token).
    ///
    /// Static and with a fixed number of arguments: the variadic method of `self` it replaces built an
    /// array per call, and called from a mutating operation it made the optimizer copy the whole core
    /// (retaining every array in it) around the call, on every booking the city placed.
    static func timeRefusal(_ instant: Instant) -> AllocationRefusal? {
        instant.isSupported ? nil : .instantOutOfRange
    }

    /// ``timeRefusal(_:)`` of two instants: nil when both are supported.
    static func timeRefusal(_ first: Instant, _ second: Instant) -> AllocationRefusal? {
        first.isSupported && second.isSupported ? nil : .instantOutOfRange
    }
}

extension AllocatorCore {
    /// The days (since 1970-01-01) of ``Instant/supportedRange``, for callers that name a date.
    static let supportedDays =
        Int(
            Instant.supportedRange.lowerBound.secondsSinceEpoch / 86_400)...Int(
            Instant.supportedRange.upperBound.secondsSinceEpoch / 86_400)
}
