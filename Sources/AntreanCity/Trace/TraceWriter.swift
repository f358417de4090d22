import AntreanAllocator
import AntreanTraceFormat
import Foundation

/// The file formats of a trace: CSV with a header line, or one JSON object per line.
public enum TraceFormat: String, Sendable, CaseIterable {
    case csv, jsonl

    /// The format named by a path's extension (`.csv`, `.jsonl` or `.json`), nil for any other.
    public init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") {
            self = .csv
        } else if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".json") {
            self = .jsonl
        } else {
            return nil
        }
    }

    /// The first line of a file in this format (the CSV header), empty for JSON lines.
    public var header: [UInt8] {
        self == .csv ? Array((TraceColumns.names.joined(separator: ",") + "\n").utf8) : []
    }
}

/// Formats trace rows into a buffer and writes it to a file in large blocks, so a city year's
/// millions of rows cost one `write` per megabyte. Timestamps are ISO 8601 in WITA (+08:00), to the
/// second. The first I/O error stops the writing and is kept in `failure`.
///
/// Formatting is O(1) per row and allocation-free after warm-up (dates are cached per day).
struct TraceWriter {
    static let blockSize = 1 << 20

    let format: TraceFormat
    let replication: [UInt8]
    let officeNames: [[UInt8]]
    let serviceNames: [[UInt8]]
    let baseDate: LocalDate
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// "YYYY-MM-DD" by day index from `baseDate`, filled as days are first written.
    private var dates: [[UInt8]] = []
    private(set) var failure: String?
    private(set) var rows = 0

    /// Opens `path`, creating or truncating it, or with `appending` adding to its end; throws its
    /// error text when it cannot.
    init(
        path: String, appending: Bool = false, format: TraceFormat, replication: Int, offices: [String],
        services: [String], baseDate: LocalDate
    ) throws(TraceError) {
        guard appending || FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw TraceError("cannot create the trace file \(path)") }
        if appending {
            do { try handle.seekToEnd() } catch { throw TraceError("cannot write the trace file \(path): \(error)") }
        }
        self.handle = handle
        self.format = format
        self.replication = Array(String(replication).utf8)
        if format == .csv {
            officeNames = offices.map { Self.csvField($0) }
            serviceNames = services.map { Self.csvField($0) }
        } else {
            officeNames = offices.map { Self.jsonString($0) }
            serviceNames = services.map { Self.jsonString($0) }
        }
        self.baseDate = baseDate
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    mutating func write(_ row: TraceRow) {
        rows += 1
        switch format {
        case .csv: appendCSV(row)
        case .jsonl: appendJSON(row)
        }
        if buffer.count >= Self.blockSize { flush() }
    }

    /// Writes what is buffered and closes the file.
    mutating func close() {
        flush()
        do { try handle.close() } catch { record(error) }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        if failure == nil {
            do { try handle.write(contentsOf: buffer) } catch { record(error) }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func record(_ error: any Error) {
        if failure == nil { failure = "cannot write the trace: \(error.localizedDescription)" }
    }

    // MARK: Rows

    private mutating func appendCSV(_ row: TraceRow) {
        buffer.append(contentsOf: replication)
        buffer.append(UInt8(ascii: ","))
        buffer.append(contentsOf: officeNames[Int(row.office)])
        buffer.append(UInt8(ascii: ","))
        buffer.append(contentsOf: serviceNames[Int(row.service)])
        buffer.append(UInt8(ascii: ","))
        buffer.append(contentsOf: row.channel.label.utf8)
        buffer.append(contentsOf: row.isPriority ? Self.csvTrue : Self.csvFalse)
        appendCSVTime(row.bookedAt)
        appendCSVTime(row.appointment)
        appendCSVTime(row.arrival)
        appendCSVTime(row.checkIn)
        appendCSVTime(row.serviceStart)
        appendCSVTime(row.serviceEnd)
        buffer.append(UInt8(ascii: ","))
        if row.counter >= 0 { appendInteger(Int(row.counter) + 1) }
        buffer.append(UInt8(ascii: ","))
        appendTime(row.leftAt)
        buffer.append(UInt8(ascii: ","))
        buffer.append(contentsOf: row.outcome.label.utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    private mutating func appendJSON(_ row: TraceRow) {
        buffer.append(contentsOf: #"{"replication":"#.utf8)
        buffer.append(contentsOf: replication)
        buffer.append(contentsOf: #","office":"#.utf8)
        buffer.append(contentsOf: officeNames[Int(row.office)])
        buffer.append(contentsOf: #","service":"#.utf8)
        buffer.append(contentsOf: serviceNames[Int(row.service)])
        buffer.append(contentsOf: #","channel":""#.utf8)
        buffer.append(contentsOf: row.channel.label.utf8)
        buffer.append(contentsOf: #"","priority":"#.utf8)
        buffer.append(contentsOf: (row.isPriority ? "true" : "false").utf8)
        appendJSONTime(5, row.bookedAt)
        appendJSONTime(6, row.appointment)
        appendJSONTime(7, row.arrival)
        appendJSONTime(8, row.checkIn)
        appendJSONTime(9, row.serviceStart)
        appendJSONTime(10, row.serviceEnd)
        buffer.append(contentsOf: #","counter":"#.utf8)
        if row.counter >= 0 { appendInteger(Int(row.counter) + 1) } else { buffer.append(contentsOf: "null".utf8) }
        appendJSONTime(12, row.leftAt)
        buffer.append(contentsOf: #","outcome":""#.utf8)
        buffer.append(contentsOf: row.outcome.label.utf8)
        buffer.append(contentsOf: "\"}\n".utf8)
    }

    private mutating func appendCSVTime(_ minutes: Double) {
        buffer.append(UInt8(ascii: ","))
        appendTime(minutes)
    }

    private static let csvTrue = Array(",true".utf8)
    private static let csvFalse = Array(",false".utf8)
    /// `,"name":` for each column, by its index in ``TraceColumns/names``.
    private static let jsonKeys = TraceColumns.names.map { Array(",\"\($0)\":".utf8) }

    /// The JSON member of column `column`: a quoted time, or null.
    private mutating func appendJSONTime(_ column: Int, _ minutes: Double) {
        buffer.append(contentsOf: Self.jsonKeys[column])
        if minutes.isFinite {
            buffer.append(UInt8(ascii: "\""))
            appendTime(minutes)
            buffer.append(UInt8(ascii: "\""))
        } else {
            buffer.append(contentsOf: "null".utf8)
        }
    }

    // MARK: Values

    /// `minutes` after the base midnight as `YYYY-MM-DDTHH:MM:SS+08:00`, truncated to the second;
    /// nothing for NaN (an empty CSV field).
    private mutating func appendTime(_ minutes: Double) {
        guard minutes.isFinite, minutes >= 0, minutes < 1e12 else { return }
        let seconds = Int((minutes * 60).rounded(.down))
        let day = seconds / 86_400
        let second = seconds % 86_400
        // Days are cached as a run reaches them; one far beyond (none a validated run reaches) is
        // formatted on its own rather than growing the cache to it.
        if day >= dates.count + 4096 {
            buffer.append(contentsOf: baseDate.adding(days: day).description.utf8)
        } else {
            while dates.count <= day {
                dates.append(Array(baseDate.adding(days: dates.count).description.utf8))
            }
            buffer.append(contentsOf: dates[day])
        }
        buffer.append(UInt8(ascii: "T"))
        appendTwoDigits(second / 3600)
        buffer.append(UInt8(ascii: ":"))
        appendTwoDigits(second / 60 % 60)
        buffer.append(UInt8(ascii: ":"))
        appendTwoDigits(second % 60)
        buffer.append(contentsOf: Self.zoneSuffix)
    }

    private static let zoneSuffix = Array("+08:00".utf8)

    private mutating func appendTwoDigits(_ value: Int) {
        buffer.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / 10))
        buffer.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10))
    }

    private mutating func appendInteger(_ value: Int) {
        buffer.append(contentsOf: String(value).utf8)
    }

    /// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> [UInt8] {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return Array(text.utf8) }
        return Array(("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"").utf8)
    }

    /// A JSON string literal.
    static func jsonString(_ text: String) -> [UInt8] { Array(JSONStringLiteral.quoted(text).utf8) }
}

/// A trace that could not be written: its message names the file.
public struct TraceError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
