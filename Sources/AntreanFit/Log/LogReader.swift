import Foundation

/// Reads a CSV log in blocks of 4 MiB and decodes each line into a ``LogRecord``: memory holds one
/// block, one line's field boundaries and the distinct office and service names. Fields may be
/// quoted (RFC 4180, a doubled quote inside) but not span lines; blank lines are skipped. A line that
/// cannot be decoded is reported by number with the reason and skipped. O(bytes).
struct LogReader {
    /// Lines that could not be read: line number and reason (no field's content is echoed: logs hold
    /// personal data). At most `keptBadRows` are kept; `badRowCount` counts them all.
    static let keptBadRows = 100_000
    private(set) var badRows: [(line: Int, reason: String)] = []
    private(set) var badRowCount = 0
    private(set) var rowsRead = 0
    var offices = ByteInterner()
    var services = ByteInterner()

    let mapping: LogMapping
    /// Field → column position, from the header.
    private var positions: [LogField: Int] = [:]
    /// The same, by the field's place in `LogField.allCases` (−1 when absent): read for every field of
    /// every row, where a dictionary lookup showed.
    private var positionByOrdinal = [Int](repeating: -1, count: LogField.allCases.count)
    private var columnCount = 0
    private var fields: [Range<Int>] = []

    init(mapping: LogMapping) { self.mapping = mapping }

    /// Lines seen so far (the header and blank lines included), the bytes of a line a block cut in two,
    /// and whether the header was read: the state between blocks.
    private var lineNumber = 0
    private var carry: [UInt8] = []
    private var sawHeader = false

    /// Reads `path` in blocks, handing every decoded row to `body` in file order.
    mutating func read(path: String, _ body: (LogRecord) -> Void) throws(FitError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FitError("cannot open the log \(path)")
        }
        defer { try? handle.close() }
        while true {
            let block: Data
            do {
                block = try handle.read(upToCount: 4 << 20) ?? Data()
            } catch {
                throw FitError("cannot read the log \(path): \(error.localizedDescription)")
            }
            try feed(block, atEnd: block.isEmpty, name: path, body)
            if block.isEmpty { break }
        }
        try finish(name: path)
    }

    /// Reads a whole log held in memory, named `name` in messages (what the fuzz target reads).
    mutating func read(contents: [UInt8], name: String, _ body: (LogRecord) -> Void) throws(FitError) {
        try feed(contents, atEnd: false, name: name, body)
        try feed([], atEnd: true, name: name, body)
        try finish(name: name)
    }

    /// Decodes the whole lines of `carry` + `block`; keeps an unfinished last line in `carry` unless
    /// `atEnd`, where it is the last line.
    private mutating func feed(
        _ block: some Collection<UInt8>, atEnd: Bool, name: String, _ body: (LogRecord) -> Void
    ) throws(FitError) {
        var bytes = carry
        bytes.append(contentsOf: block)
        carry = []
        try bytes.withUnsafeBufferPointer { (buffer) throws(FitError) in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count && buffer[end] != UInt8(ascii: "\n") { end += 1 }
                if end == buffer.count && !atEnd {
                    carry = Array(buffer[start..<buffer.count])
                    return
                }
                lineNumber += 1
                var lineEnd = end
                if lineEnd > start && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                if lineEnd > start {
                    if sawHeader {
                        rowsRead += 1
                        decode(buffer, start..<lineEnd, line: lineNumber, body)
                    } else {
                        try readHeader(buffer, start..<lineEnd, line: lineNumber, path: name)
                        sawHeader = true
                    }
                }
                start = end + 1
            }
        }
    }

    private func finish(name: String) throws(FitError) {
        if !sawHeader { throw FitError("\(name) is empty: expected a header line with the column names") }
    }

    /// Reads the column names of the header, the first line that is not blank (line `number`).
    private mutating func readHeader(
        _ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, line number: Int, path: String
    ) throws(FitError) {
        guard split(buffer, line) else { throw FitError("\(path):\(number): the header has an unclosed quote") }
        var names: [String] = fields.map { String(decoding: buffer[$0], as: UTF8.self).trimmingSpaces() }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        columnCount = names.count
        for field in LogField.allCases {
            if let position = names.firstIndex(of: mapping.column(field)) {
                positions[field] = position
                positionByOrdinal[field.ordinal] = position
            }
        }
        let missing = LogField.required.filter { positions[$0] == nil }.map { mapping.column($0) }
        guard missing.isEmpty else {
            throw FitError(
                "\(path):\(number): no column \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) (columns: "
                    + names.joined(separator: ", ") + "); map them with --column FIELD=COLUMN or --mapping FILE")
        }
        guard positions[.arrivalTime] != nil || positions[.checkInTime] != nil else {
            throw FitError(
                "\(path):\(number): no arrival or check-in time column (\"\(mapping.column(.arrivalTime))\" or "
                    + "\"\(mapping.column(.checkInTime))\"); map one with --column")
        }
    }

    /// Splits `line` at commas outside quotes into `fields` (quotes excluded); false for an
    /// unclosed quote.
    private mutating func split(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        fields.removeAll(keepingCapacity: true)
        var index = line.lowerBound
        while true {
            if index < line.upperBound && buffer[index] == UInt8(ascii: "\"") {
                let open = index + 1
                index = open
                while true {
                    guard index < line.upperBound else { return false }
                    if buffer[index] == UInt8(ascii: "\"") {
                        if index + 1 < line.upperBound && buffer[index + 1] == UInt8(ascii: "\"") {
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                fields.append(open..<index)
                index += 1
                while index < line.upperBound && buffer[index] != UInt8(ascii: ",") { index += 1 }
            } else {
                let start = index
                while index < line.upperBound && buffer[index] != UInt8(ascii: ",") { index += 1 }
                var end = index
                var first = start
                while first < end && buffer[first] == UInt8(ascii: " ") { first += 1 }
                while end > first && buffer[end - 1] == UInt8(ascii: " ") { end -= 1 }
                fields.append(first..<end)
            }
            if index >= line.upperBound { return true }
            index += 1  // the comma
        }
    }

    private mutating func reject(_ line: Int, _ reason: String) {
        badRowCount += 1
        if badRows.count < Self.keptBadRows { badRows.append((line, reason)) }
    }

    private mutating func decode(
        _ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, line number: Int, _ body: (LogRecord) -> Void
    ) {
        guard split(buffer, line) else { return reject(number, "unclosed quote") }
        guard fields.count == columnCount else {
            return reject(number, "\(fields.count) fields where the header has \(columnCount)")
        }
        var record = LogRecord()
        func range(_ field: LogField) -> Range<Int>? {
            let position = positionByOrdinal[field.ordinal]
            guard position >= 0 else { return nil }
            let range = fields[position]
            return range.isEmpty ? nil : range
        }
        func word(_ range: Range<Int>) -> String {
            String(decoding: buffer[range], as: UTF8.self).lowercased()
        }
        guard let office = range(.office) else { return reject(number, "\(mapping.column(.office)) is empty") }
        guard let service = range(.service) else { return reject(number, "\(mapping.column(.service)) is empty") }
        guard let outcome = range(.outcome) else { return reject(number, "\(mapping.column(.outcome)) is empty") }
        guard let decoded = LogOutcome.match(buffer, outcome) ?? LogOutcome.spellings[word(outcome)] else {
            return reject(number, "\(mapping.column(.outcome)) is not a known outcome (served, no_show, cancelled, …)")
        }
        record.outcome = decoded
        for field in LogField.timeFields {
            guard let text = range(field) else { continue }
            guard
                let seconds = Timestamp.parse(buffer, text, defaultOffsetSeconds: mapping.defaultOffsetSeconds)
            else { return reject(number, "\(mapping.column(field)) is not an ISO 8601 timestamp") }
            switch field {
            case .bookingTime: record.bookingTime = seconds
            case .appointmentTime: record.appointmentTime = seconds
            case .arrivalTime: record.arrivalTime = seconds
            case .checkInTime: record.checkInTime = seconds
            case .serviceStart: record.serviceStart = seconds
            case .serviceEnd: record.serviceEnd = seconds
            default: record.leftTime = seconds
            }
        }
        if let text = range(.channel) {
            guard let channel = LogChannel.match(buffer, text) ?? LogChannel.spellings[word(text)] else {
                return reject(
                    number, "\(mapping.column(.channel)) is not a known channel (online, 112, walk-in, converted)")
            }
            record.channel = channel
        } else {
            record.channel = record.appointmentTime.isNaN ? .walkIn : .online
        }
        if let text = range(.priority) {
            switch Self.isTrue(buffer, text) ?? word(text) {
            case "true", "1", "yes", "ya", "y": record.isPriority = true
            case "false", "0", "no", "tidak", "n": record.isPriority = false
            default: return reject(number, "\(mapping.column(.priority)) is not true or false")
            }
        }
        if let text = range(.replication) {
            var value = 0
            for i in text {
                let digit = Int(buffer[i]) - 48
                guard (0...9).contains(digit), value < 100_000_000 else {
                    return reject(number, "\(mapping.column(.replication)) is not a replication number")
                }
                value = value * 10 + digit
            }
            record.replication = value
        }
        if record.serviceEnd < record.serviceStart {
            return reject(number, "\(mapping.column(.serviceEnd)) is before \(mapping.column(.serviceStart))")
        }
        if record.serviceStart < record.checkInTime {
            return reject(number, "\(mapping.column(.serviceStart)) is before \(mapping.column(.checkInTime))")
        }
        if record.outcome == .served && (record.serviceStart.isNaN || record.serviceEnd.isNaN)
            && positions[.serviceEnd] != nil
        {
            return reject(number, "served without \(mapping.column(.serviceStart)) and \(mapping.column(.serviceEnd))")
        }
        record.office = offices.index(buffer, office)
        record.service = services.index(buffer, service)
        body(record)
    }
}

extension LogReader {
    /// `true`/`false` as written by the trace, checked on the bytes ("true"/"false" as a word, else nil).
    static func isTrue(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        if equals(buffer, range, trueBytes) { return "true" }
        if equals(buffer, range, falseBytes) { return "false" }
        return nil
    }

    static let trueBytes = Array("true".utf8)
    static let falseBytes = Array("false".utf8)

    static func equals(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8]) -> Bool {
        guard range.count == word.count else { return false }
        for (offset, index) in range.enumerated() where buffer[index] != word[offset] { return false }
        return true
    }
}

extension LogOutcome {
    /// The outcome written exactly as the trace writes it (lower case), found on the bytes without a
    /// `String`; other spellings go through `spellings`.
    static func match(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> LogOutcome? {
        allCases.first { LogReader.equals(buffer, range, labelBytes[$0.rawValue]) }
    }

    static let labelBytes = allCases.map { Array($0.label.utf8) }
}

extension LogChannel {
    static func match(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> LogChannel? {
        allCases.first { LogReader.equals(buffer, range, labelBytes[$0.rawValue]) }
    }

    static let labelBytes = allCases.map { Array($0.label.utf8) }
}
