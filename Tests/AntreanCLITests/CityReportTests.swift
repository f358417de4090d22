import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The HTML report of a small city read as a person would read it: the headline figures are the JSON
/// summary's, the offices come worst first, the map has every office inside its frame, the weekday ×
/// hour heat map has a cell per open hour, and no metric key shows through.
@Suite("antrean simulate --report (city)")
struct CityReportTests {
    /// One `simulate` of the small city with coordinates: its JSON summary and its page.
    struct Run {
        var json: [String: Any]
        var page: String
        var folder: URL
    }

    static let scenario = "Tests/AntreanCityTests/Fixtures/small-city-map.yaml"

    static func simulate(_ extra: [String] = []) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-city-report-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("city.html")
        let result = try AntreanProcess.run(
            [
                "simulate", scenario, "--days", "7", "--replications", "3", "--format", "json", "--report",
                page.path,
            ] + extra)
        try #require(result.status == 0, "\(result.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        return Run(json: json, page: try String(contentsOf: page, encoding: .utf8), folder: folder)
    }

    /// A number as the report should print it, computed here without the report's code: two decimals,
    /// thousands grouped with commas from 10,000 on.
    static func twoDecimals(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".")
        var whole = String(parts[0])
        if whole.count > 4 {
            var groups: [String] = []
            while whole.count > 3 {
                groups.insert(String(whole.suffix(3)), at: 0)
                whole.removeLast(3)
            }
            whole = ([whole] + groups).joined(separator: ",")
        }
        return (negative && digits != "0.00" ? "-" : "") + whole + "." + parts[1]
    }

    /// The mean of a metric in the nested JSON summary: `["overall", "wait_minutes.p90"]` reads
    /// `overall.wait_minutes.p90` (a quantile's mean is written beside the metric's own mean).
    static func mean(_ json: [String: Any], _ path: [String]) -> Double? {
        var node: Any? = json
        for key in path.flatMap({ $0.split(separator: ".").map(String.init) }) {
            node = (node as? [String: Any])?[key]
        }
        if let value = node as? Double { return value }
        return (node as? [String: Any])?["mean"] as? Double
    }

    /// Every key of the JSON summary at any depth.
    static func keys(_ node: Any) -> Set<String> {
        guard let object = node as? [String: Any] else { return [] }
        return object.reduce(into: Set(object.keys)) { $0.formUnion(keys($1.value)) }
    }

    @Test func headlineShowsTheSummaryFiguresWithTwoDecimals() throws {
        let run = try Self.simulate()
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let page = try PageCensus.parse(run.page)
        let figures: [(key: String, share: Bool, unit: String)] = [
            ("wait_within_target", true, " %"), ("wait_minutes", false, " min"), ("wait_minutes.p90", false, " min"),
            ("turned_away", false, " citizens"), ("no_shows", false, " citizens"), ("overtime_minutes", false, " min"),
        ]
        for figure in figures {
            let value = try #require(Self.mean(run.json, ["overall", figure.key]), "overall.\(figure.key) missing")
            let expected = Self.twoDecimals(figure.share ? value * 100 : value) + figure.unit
            #expect(page.headline["overall.\(figure.key)"] == expected, "overall.\(figure.key)")
        }
        // Turned away is the sum of its parts, replication by replication.
        let parts = ["balked", "reneged", "booking_refused"].compactMap { Self.mean(run.json, ["overall", $0]) }
        let turnedAway = try #require(Self.mean(run.json, ["overall", "turned_away"]))
        #expect(abs(parts.reduce(0, +) - turnedAway) < 1e-9 * max(1, turnedAway))
        // The headline judges the target in words, not only by colour.
        #expect(
            page.text.contains("Target met") || page.text.contains("Target missed") || page.text.contains("Uncertain"))
    }

    @Test func officesComeWorstFirstAndTheMapHasEveryOffice() throws {
        let run = try Self.simulate()
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let page = try PageCensus.parse(run.page)
        let offices = try #require(run.json["offices"] as? [String: [String: Any]])
        // Worst first: by the p90 wait in the JSON summary, longest first.
        let expected = offices.map { id, office in
            (
                name: office["name"] as? String ?? id,
                p90: Self.mean(run.json, ["offices", id, "wait_minutes.p90"]) ?? -1
            )
        }
        .sorted { $0.p90 > $1.p90 }
        #expect(page.officeRows == expected.map(\.name))
        #expect(Set(expected.map(\.p90)).count == expected.count, "ties would make the order ambiguous")
        // The map: one mark per office, each inside the viewBox.
        #expect(page.mapMarks.count == offices.count)
        #expect(Set(page.mapMarks.map(\.office)) == Set(offices.keys))
        let box = try #require(page.mapViewBox)
        for mark in page.mapMarks {
            #expect(mark.x > box.minX && mark.x < box.maxX && mark.y > box.minY && mark.y < box.maxY, "\(mark)")
        }
    }

    @Test func heatMapHasOneCellPerOpenWeekdayHourAndNoMetricKeyShows() throws {
        let run = try Self.simulate()
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let page = try PageCensus.parse(run.page)
        // small-city.yaml: Monday to Thursday 08:00–16:00 (hours 8…15), Friday 08:00–14:00 (8…13).
        var reported: Set<String> = []
        for (day, name) in ["mon", "tue", "wed", "thu", "fri"].enumerated() {
            for hour in 0..<24 {
                let label = String(format: "%02d", hour)
                let open = hour >= 8 && hour < (day == 4 ? 14 : 16)
                let present = Self.mean(run.json, ["overall", "weekday.\(name).hour.\(label).queue_length"]) != nil
                #expect(present == open, "\(name) \(label):00")
                if present { reported.insert("\(name)\(label)") }
            }
        }
        #expect(reported.count == 4 * 8 + 6)
        #expect(page.heatCells == reported.count)
        // No raw metric key in what a reader sees (text and tooltips).
        let leaves = Self.keys(run.json).filter { $0.contains("_") }
        #expect(leaves.contains("wait_within_target"))
        for leaf in leaves { #expect(!page.text.contains(leaf), "\(leaf) shows in the page") }
        #expect(!page.text.contains("overall."))
        #expect(!page.text.contains("kec_hulu"))
    }

    /// When Chromium is installed, the page renders to a PNG that is far from blank (compared with a blank
    /// page rendered at the same size by the same browser), and `--report city.pdf` writes a PDF.
    @Test(.enabled(if: CityReportTests.chromium != nil)) func chromiumRendersThePageAndPrintsAPDF() throws {
        let chromium = try #require(Self.chromium)
        let run = try Self.simulate()
        defer { try? FileManager.default.removeItem(at: run.folder) }
        let blank = run.folder.appendingPathComponent("blank.html")
        try "<html><body></body></html>".write(to: blank, atomically: true, encoding: .utf8)
        func screenshot(_ page: URL, _ png: URL) throws -> Int {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = [
                "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                "--user-data-dir=\(run.folder.appendingPathComponent("profile").path)",
                "--screenshot=\(png.path)", "--window-size=1100,1400", page.absoluteString,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let data = try Data(contentsOf: png)
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            return data.count
        }
        let report = try screenshot(
            run.folder.appendingPathComponent("city.html"), run.folder.appendingPathComponent("city.png"))
        let empty = try screenshot(blank, run.folder.appendingPathComponent("blank.png"))
        #expect(report > 10 * empty, "report \(report) bytes, blank page \(empty) bytes")

        let pdf = run.folder.appendingPathComponent("city.pdf")
        let printed = try AntreanProcess.run([
            "simulate", Self.scenario, "--days", "7", "--replications", "2", "--report", pdf.path,
        ])
        #expect(printed.status == 0, "\(printed.standardError)")
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.starts(with: Array("%PDF".utf8)) && bytes.count > 20_000)
    }

    /// Without a Chromium, `--report city.pdf` says so and exits 73.
    @Test func pdfWithoutChromiumIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-no-chromium-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try AntreanProcess.run(
            [
                "simulate", Self.scenario, "--days", "2", "--replications", "2", "--report",
                folder.appendingPathComponent("city.pdf").path,
            ], environment: ["ANTREAN_CHROMIUM": "/no-such-chromium"])
        #expect(result.status == 73)
        #expect(result.standardError.contains("no headless Chromium found"))
    }

    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first
}

/// What a reader of the page sees, parsed as XML (failing on anything not well-formed).
final class PageCensus: NSObject, XMLParserDelegate {
    struct Mark: CustomStringConvertible {
        var office: String
        var x: Double
        var y: Double
        var description: String { "\(office) at (\(x), \(y))" }
    }

    var text = ""
    /// Headline values by metric key.
    var headline: [String: String] = [:]
    /// Office names in the rows of the "offices" section's table.
    var officeRows: [String] = []
    var mapMarks: [Mark] = []
    var mapViewBox: (minX: Double, minY: Double, maxX: Double, maxY: Double)?
    var heatCells = 0

    private var section: String?
    private var valueKey: String?
    private var inBody = false
    private var cellIndex = -1
    private var inStyle = false
    private var cellText = ""

    static func parse(_ markup: String) throws -> PageCensus {
        let census = PageCensus()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = census
        guard parser.parse() else {
            throw CocoaError(
                .coderReadCorrupt,
                userInfo: [NSLocalizedDescriptionKey: "not well-formed: \(String(describing: parser.parserError))"])
        }
        return census
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "style": inStyle = true
        case "section": section = attributes["id"]
        case "p" where attributes["class"] == "value": valueKey = attributes["data-key"]
        case "tbody": inBody = true
        case "tr": cellIndex = -1
        case "td":
            cellIndex += 1
            cellText = ""
        case "svg" where section == "map":
            let numbers = (attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
            if numbers.count == 4 {
                mapViewBox = (numbers[0], numbers[1], numbers[0] + numbers[2], numbers[1] + numbers[3])
            }
        case "circle", "rect":
            if section == "map", let office = attributes["data-office"] {
                let x = Double(attributes["cx"] ?? attributes["data-cx"] ?? "") ?? .nan
                let y = Double(attributes["cy"] ?? attributes["data-cy"] ?? "") ?? .nan
                mapMarks.append(Mark(office: office, x: x, y: y))
            }
            if section == "weekday-hour", attributes["class"] == "heat-cell" { heatCells += 1 }
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        switch name {
        case "style": inStyle = false
        case "section": section = nil
        case "p": valueKey = nil
        case "tbody": inBody = false
        case "td" where section == "offices" && inBody && cellIndex == 0: officeRows.append(cellText)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !inStyle else { return }
        text += string + " "
        cellText += string
        if let valueKey { headline[valueKey, default: ""] += string }
    }
}
