extension AllocatorCore {
    /// `.instantOutOfRange` when any of `instants` lies outside ``Instant/supportedRange``, nil otherwise.
    /// Every public operation checks its instants with this before it changes anything, so a request
    /// dated 1960 or 9999 is refused, never half-applied (a pre-1970 slot cannot be put in a token).
    func timeRefusal(_ instants: Instant...) -> AllocationRefusal? {
        instants.allSatisfy(\.isSupported) ? nil : .instantOutOfRange
    }
}

extension AllocatorCore {
    /// The days (since 1970-01-01) of ``Instant/supportedRange``, for callers that name a date.
    static let supportedDays =
        Int(
            Instant.supportedRange.lowerBound.secondsSinceEpoch / 86_400)...Int(
            Instant.supportedRange.upperBound.secondsSinceEpoch / 86_400)
}
