import AntreanFit
import AntreanScenario
import FuzzSupport

/// Fuzzes `antrean fit` on a queue log held in memory (`LogFit.fit(contents:)`: the CSV reader, the
/// timestamp parser, the column mapping, every estimator) and the three outputs it writes (scenario
/// fragment, arrival table, report page). An input holding a line `---` is a mapping file (what `--mapping`
/// reads) followed by the log. Beyond not trapping:
/// - every non-blank line after the header is read: the rows read are those lines, counted here on the
///   bytes, and each is used or reported bad (used + bad = read);
/// - bad rows are reported by line number, in order, each a non-blank line after the header;
/// - the outcome and channel counts each add up to the rows used;
/// - the scenario fragment is YAML the scenario loader reads (`ScenarioDocument.parse`, what an
///   `include:` of it runs), and its `services` are the fitted services, by the names the log gives them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFitLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var log = Array(UnsafeBufferPointer(start: data, count: size))
    var mapping = LogMapping()
    if let separator = mappingSeparator(in: log) {
        do {
            try mapping.read(mappingFile: String(decoding: log[..<separator.lowerBound], as: UTF8.self), name: "map")
        } catch {
            return 0
        }
        log = Array(log[separator.upperBound...])
    }
    let fit: LogFit
    do { fit = try LogFit.fit(contents: log, name: "log.csv", mapping: mapping) } catch { return 0 }
    let lines = LineCensus(log)
    guard let header = lines.headerLine else { fuzzFailure("a log without a header line was fitted") }
    guard fit.rowsRead == lines.nonBlankLines.count - 1 else {
        fuzzFailure("\(fit.rowsRead) rows read of \(lines.nonBlankLines.count - 1) non-blank lines after the header")
    }
    guard fit.rowsUsed + fit.badRowCount == fit.rowsRead else {
        fuzzFailure("\(fit.rowsUsed) rows used + \(fit.badRowCount) bad ≠ \(fit.rowsRead) read")
    }
    guard fit.badRows.count == min(fit.badRowCount, 100_000) else {
        fuzzFailure("\(fit.badRows.count) bad rows listed of \(fit.badRowCount)")
    }
    var previous = header
    for row in fit.badRows {
        guard row.line > previous, lines.nonBlankLines.contains(row.line) else {
            fuzzFailure("bad row at line \(row.line) after line \(previous): not a later non-blank line")
        }
        previous = row.line
    }
    let outcomes = fit.outcomeCounts.reduce(0) { $0 + $1.rows }
    let channels = fit.channelCounts.reduce(0) { $0 + $1.rows }
    guard outcomes == fit.rowsUsed, channels == fit.rowsUsed else {
        fuzzFailure("outcome counts \(outcomes), channel counts \(channels), rows used \(fit.rowsUsed)")
    }
    let fragment = ScenarioFragment.text(fit, arrivalsFile: "log.arrivals.csv")
    let document: ScenarioDocument
    do { document = try ScenarioDocument.parse(yaml: fragment, file: "fitted.yaml") } catch {
        fuzzFailure("the scenario fragment does not load: \(error)\n\(fragment)")
    }
    let written = serviceNames(in: document.root)
    guard written == fit.serviceTimes.map(\.service) else {
        fuzzFailure("the fragment's services \(written) are not the fitted \(fit.serviceTimes.map(\.service))")
    }
    _ = ArrivalTable.text(fit)
    _ = FitReportPage.html(fit)
    return 0
}

/// The keys of the fragment's `services` mapping, in order (none when it has no such mapping).
private func serviceNames(in root: ScenarioValue) -> [String] {
    guard case .mapping(let entries, _) = root,
        let services = entries.first(where: { $0.key == "services" }),
        case .mapping(let fitted, _) = services.value
    else { return [] }
    return fitted.map(\.key)
}

/// The bytes of the first line that is exactly `---` (with its line break), which end the mapping part.
private func mappingSeparator(in bytes: [UInt8]) -> Range<Int>? {
    let marker = Array("---\n".utf8)
    var start = 0
    while start + marker.count <= bytes.count {
        if bytes[start..<start + marker.count].elementsEqual(marker) { return start..<start + marker.count }
        guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        start = newline + 1
    }
    return nil
}

/// The line numbers (from 1) of the lines that hold something besides a final carriage return, counted
/// independently of the reader: lines end at `\n`, one `\r` before it is part of the line break.
private struct LineCensus {
    var nonBlankLines: Set<Int> = []
    var headerLine: Int?

    init(_ bytes: [UInt8]) {
        var number = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let content = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            guard !content.isEmpty else { continue }
            nonBlankLines.insert(number)
            if headerLine == nil { headerLine = number }
        }
    }
}

@_cdecl("FuzzFitLog_main")
public func fuzzFitLogMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    runFuzzer(argc, argv) { fuzzFitLog($0, $1) }
}
