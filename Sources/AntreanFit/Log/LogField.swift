import AntreanTraceFormat

/// The fields `fit` reads from a log row, in the order of the trace's columns: a field's raw value, its
/// default column name, is the trace's own (``TraceColumns/names``, what `antrean simulate --trace`
/// writes), and a mapping names other columns.
public enum LogField: Sendable, CaseIterable, RawRepresentable {
    case replication, office, service, channel, priority, bookingTime, appointmentTime, arrivalTime, checkInTime
    case serviceStart, serviceEnd, counter, leftTime, outcome

    /// The field whose trace column is `rawValue`, if any. O(fields).
    public init?(rawValue: String) {
        guard let place = TraceColumns.names.firstIndex(of: rawValue), place < Self.allCases.count else { return nil }
        self = Self.allCases[place]
    }

    /// The trace's column of this field.
    public var rawValue: String { TraceColumns.names[ordinal] }

    /// Fields every log needs (a column must exist; an arrival or check-in time column too).
    public static let required: [LogField] = [.office, .service, .outcome]

    /// The field's place in `allCases`.
    var ordinal: Int {
        switch self {
        case .replication: 0
        case .office: 1
        case .service: 2
        case .channel: 3
        case .priority: 4
        case .bookingTime: 5
        case .appointmentTime: 6
        case .arrivalTime: 7
        case .checkInTime: 8
        case .serviceStart: 9
        case .serviceEnd: 10
        case .counter: 11
        case .leftTime: 12
        case .outcome: 13
        }
    }
    static let timeFields = allCases.filter(\.isTime)

    public var isTime: Bool {
        switch self {
        case .bookingTime, .appointmentTime, .arrivalTime, .checkInTime, .serviceStart, .serviceEnd, .leftTime: true
        default: false
        }
    }
}

/// How a log's columns map to fields, and the zone of timestamps written without one.
public struct LogMapping: Sendable {
    /// Column name by field; a field left out keeps its own name as the column name.
    public var columns: [LogField: String] = [:]
    /// Seconds east of UTC for timestamps without a zone (WITA, +08:00, by default).
    public var defaultOffsetSeconds = Timestamp.witaOffsetSeconds

    public init() {}

    public func column(_ field: LogField) -> String { columns[field] ?? field.rawValue }

    /// Sets `field=column` (from `--column`); throws naming the unknown field.
    public mutating func assign(_ text: String) throws(FitError) {
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
        guard parts.count == 2, !parts[1].isEmpty else {
            throw FitError("expected FIELD=COLUMN (e.g. office=Kantor), got \"\(text)\"")
        }
        try assign(field: parts[0], column: parts[1], location: "--column")
    }

    mutating func assign(field: String, column: String, location: String) throws(FitError) {
        guard let known = LogField(rawValue: field) else {
            throw FitError(
                "\(location): unknown field \"\(field)\"; fields: "
                    + LogField.allCases.map(\.rawValue).joined(separator: ", "))
        }
        columns[known] = column
    }

    /// Reads a mapping file: one `field: column` per line (`#` starts a comment); a line
    /// `zone: +08:00` sets the zone of timestamps without one. Errors name the file and line.
    public mutating func read(mappingFile text: String, name: String) throws(FitError) {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = String(line).trimmingSpaces()
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
            let location = "\(name):\(index + 1)"
            guard parts.count == 2, !parts[1].isEmpty else {
                throw FitError("\(location): expected \"field: column\", e.g. \"office: Kantor\"")
            }
            let value = parts[1].unquoted()
            if parts[0] == "zone" {
                guard let offset = Timestamp.offsetSeconds(value) else {
                    throw FitError("\(location): zone must be like +08:00, Z or WITA, got \"\(value)\"")
                }
                defaultOffsetSeconds = offset
            } else {
                try assign(field: parts[0], column: value, location: location)
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(
            drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }
                .reversed())
    }

    func unquoted() -> String {
        guard count >= 2, let first, first == last, first == "\"" || first == "'" else { return self }
        return String(dropFirst().dropLast())
    }
}

/// A log that cannot be fitted at all (a missing column, an unreadable file); rows that cannot be
/// read are not errors but are reported with their line numbers (``LogFit/badRows``).
public struct FitError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
