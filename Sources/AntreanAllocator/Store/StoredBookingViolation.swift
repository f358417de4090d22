/// A stored booking row that breaks a rule the allocator relies on: reopening refuses the whole store
/// rather than trap or serve from a state no run of the allocator could have produced (e.g. a store
/// written by two processes at once, edited by hand or damaged on disk).
///
/// The report names where (`table`, `rowID`) and which rule, never the citizen's data.
public struct StoredBookingViolation: Error, Hashable, Sendable, CustomStringConvertible {
    /// The table or collection the row is in (`booking` for the SQLite store).
    public var table: String
    /// The row's id as stored (a negative or out-of-range id is reported as it is).
    public var rowID: Int64
    /// The rule it breaks, in words.
    public var rule: String

    public init(table: String = "booking", rowID: Int64, rule: String) {
        self.table = table
        self.rowID = rowID
        self.rule = rule
    }

    public var description: String { "table \(table), row id \(rowID): \(rule)" }
}

/// The instants a stored booking may hold: from the epoch to the end of year 9999 (UTC). Outside it
/// the calendar arithmetic of days, deadlines and tokens would overflow or leave the token's range.
enum StoredInstantRange {
    static let seconds: ClosedRange<Int64> = 0...253_402_300_799
}
