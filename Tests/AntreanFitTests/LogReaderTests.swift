import AntreanCity
import AntreanTraceFormat
import Foundation
import Testing

@testable import AntreanFit

@Suite("reading queue logs")
struct LogReaderTests {
    static func write(_ text: String, name: String = "log.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func timestampsWithAndWithoutZonesAreTheSameInstant() throws {
        let utc = try #require(Timestamp.parse("2026-11-23T00:30:00Z"))
        #expect(Timestamp.parse("2026-11-23T08:30:00+08:00") == utc)
        #expect(Timestamp.parse("2026-11-23 08:30") == utc)  // no zone: WITA
        #expect(Timestamp.parse("2026-11-23T07:30:00+0700") == utc)
        #expect(Timestamp.parse("2026-11-23T08:30:00.250+08:00") == utc + 0.25)
        // 2026-11-23 is 20,780 days after 1970-01-01.
        #expect(utc == 20_780 * 86_400 + 1800)
        for bad in ["2026-02-29T08:00", "2026-11-23T24:00", "2026-11-23", "23/11/2026 08:00", "2026-11-23T08:00+8"] {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
        #expect(Timestamp.offsetSeconds("+08:00") == 8 * 3600)
        #expect(Timestamp.offsetSeconds("-03:30") == -(3 * 3600 + 1800))
    }

    /// Lines 3, 5, 6, 8 and 10 are bad, each in its own way; blank line 9 is skipped; the rest are read.
    @Test func badRowsAreReportedByLineNumberAndSkipped() throws {
        let log = """
            office,service,channel,arrival_time,service_start,service_end,outcome
            a,letter,walk-in,2026-11-23T08:00:00+08:00,2026-11-23T08:01:00+08:00,2026-11-23T08:11:00+08:00,served
            a,letter,walk-in,2026-11-23T25:00:00+08:00,,,balked
            "a, annex",letter,walk-in,2026-11-23T09:00:00+08:00,2026-11-23T09:00:00+08:00,2026-11-23T09:05:00+08:00,served
            a,letter,walk-in,2026-11-23T09:00:00+08:00,,,vanished
            a,letter,walk-in,2026-11-23T09:00:00+08:00,,balked
            a,letter,online,2026-11-23T10:00:00+08:00,2026-11-23T10:00:00+08:00,2026-11-23T10:12:00+08:00,served
            a,letter,walk-in,2026-11-23T10:00:00+08:00,2026-11-23T10:05:00+08:00,2026-11-23T10:01:00+08:00,served

            ,letter,walk-in,2026-11-23T10:00:00+08:00,,,balked
            a,letter,walk-in,2026-11-23 11:00,,,balked
            """
        let fit = try LogFit.fit(path: try Self.write(log))
        #expect(fit.badRows.map(\.line) == [3, 5, 6, 8, 10])
        #expect(fit.badRowCount == 5)
        #expect(fit.rowsRead == 9)
        #expect(fit.rowsUsed == 4)
        #expect(fit.badRows.allSatisfy { !$0.reason.contains("2026") })  // reasons name columns, not values
        #expect(fit.serviceTimes.first?.fit.sample.count == 3)
    }

    /// The header is the first line that is not blank; a refusal of it names that line, not line 1.
    @Test func aHeaderAfterBlankLinesIsNamedByItsOwnLine() throws {
        let log = "\n\r\noffice,service,arrival_time\na,b,2026-11-23T08:00\n"
        #expect {
            try LogFit.fit(contents: Array(log.utf8), name: "log.csv")
        } throws: { error in
            (error as? FitError)?.message.hasPrefix("log.csv:3: no column \"outcome\"") == true
        }
        #expect {
            try LogFit.fit(path: try Self.write("\n\"office,service\n"))
        } throws: { error in
            (error as? FitError)?.message.hasSuffix(":2: the header has an unclosed quote") == true
        }
    }

    /// A log in memory is read as the same log in a file: rows, bad lines and their numbers.
    @Test func aLogInMemoryReadsAsTheSameFile() throws {
        let log =
            "office,service,arrival_time,outcome\r\n\r\na,b,2026-11-23T08:00,served\r\na,b,2026-11-23T25:00,served"
        let fromFile = try LogFit.fit(path: try Self.write(log))
        let fromMemory = try LogFit.fit(contents: Array(log.utf8), name: "log.csv")
        #expect(fromFile.rowsRead == 2 && fromMemory.rowsRead == 2)
        #expect(fromMemory.badRows.map(\.line) == [4])
        #expect(fromFile.badRows.map(\.line) == fromMemory.badRows.map(\.line))
        #expect(fromFile.rowsUsed == fromMemory.rowsUsed)
    }

    @Test func columnsAreMappedByAFileWithAZone() throws {
        let log = """
            Kantor;Layanan;Datang;Mulai;Selesai;Status
            """.replacingOccurrences(of: ";", with: ",") + "\n"
            + "kel_a,sktm,2026-11-23 08:00,2026-11-23 08:10,2026-11-23 08:22,selesai\n"
        var mapping = LogMapping()
        try mapping.read(
            mappingFile: """
                # columns of the Dukcapil export
                office: Kantor
                service: Layanan
                arrival_time: Datang
                service_start: Mulai
                service_end: "Selesai"
                outcome: Status
                zone: +07:00
                """, name: "map.txt")
        let fit = try LogFit.fit(path: try Self.write(log), mapping: mapping)
        #expect(fit.badRowCount == 0)
        #expect(fit.serviceTimes.map(\.service) == ["sktm"])
        #expect(fit.serviceTimes.first?.fit.mean == 12)
        // 08:00 WIB is 09:00 WITA: the hour the arrival counts in.
        #expect(fit.arrivalRates.map(\.hour) == [9])
        #expect(throws: FitError.self) { try mapping.read(mappingFile: "offfice: Kantor", name: "map.txt") }
        #expect(throws: FitError.self) { try LogFit.fit(path: try Self.write("a,b\n1,2\n")) }
    }
}

@Suite("log fields")
struct LogFieldTests {
    /// The reader indexes columns by `ordinal`; it must be each field's place in `allCases`.
    @Test func ordinalsAreThePlacesInAllCases() {
        #expect(LogField.allCases.map(\.ordinal) == Array(LogField.allCases.indices))
        #expect(LogField.allCases.map(\.rawValue) == TraceColumns.names)
    }
}
