import AntreanEngine
import Foundation
import Testing

@testable import AntreanPlanning

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Counts elements and collects text while parsing, failing on any XML error.
private final class XMLCensus: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var text = ""
    var attributes: [[String: String]] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elements[name, default: 0] += 1
        attributes.append(attributeDict)
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    static func parse(_ markup: String) throws -> XMLCensus {
        let census = XMLCensus()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = census
        guard parser.parse() else {
            throw PlanningError.invalid(
                "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        return census
    }
}

@Suite struct ReportTests {
    private func summary(_ values: [Double]) -> MetricSummary { MetricSummary(observations: values) }

    /// A two-office city-like result, one office name full of markup characters.
    private func content() throws -> ReportContent {
        var metrics: [String: MetricSummary] = [
            "overall.wait_minutes": summary([6, 7, 8]),
            "kecamatan.samarinda_ulu.wait_minutes": summary([5, 6, 7]),
            "kecamatan.samarinda_ulu.wait_minutes.p90": summary([12, 13, 14]),
            "kecamatan.sungai_kunjang.wait_minutes.p90": summary([20, 21, 22]),
        ]
        for (office, scale) in [("mpp", 1.0), ("kec_samarinda_ulu", 2.0)] {
            metrics["offices.\(office).wait_minutes.p50"] = summary([3 * scale, 3 * scale])
            metrics["offices.\(office).wait_minutes.p90"] = summary([9 * scale, 9 * scale])
            metrics["offices.\(office).wait_minutes.p99"] = summary([17.25 * scale, 17.25 * scale])
            metrics["offices.\(office).counter_utilization"] = summary([0.8 / scale, 0.8 / scale])
            for hour in ["08", "09", "10"] {
                metrics["offices.\(office).hour.\(hour).wait_minutes.p90"] = summary([scale * 4, scale * 5])
            }
        }
        let offices = [
            OfficeInfo(
                id: "mpp", name: "Mal Pelayanan Publik <MPP> & \"Dukcapil\"", kind: "mpp", kecamatanId: "sungai_kunjang"
            ),
            OfficeInfo(
                id: "kec_samarinda_ulu", name: "Kantor Camat Samarinda Ulu", kind: "kecamatan",
                kecamatanId: "samarinda_ulu"),
        ]
        // Differences −3, −2.5, −3.2: t-interval −2.9 ± 0.9 excludes zero, lower wait → B better.
        let sampleA = [8.0, 9, 10].map { MetricSample(["overall.wait_minutes": $0]) }
        let sampleB = [5.0, 6.5, 6.8].map { MetricSample(["overall.wait_minutes": $0]) }
        let comparison = try PairedComparison(labelA: "fifo", a: sampleA, labelB: "priority", b: sampleB)
        return ReportContent(
            title: "Samarinda <test> & report", subtitle: "seed 1", metrics: metrics, offices: offices,
            comparison: comparison, waitTargetMinutes: 15)
    }

    @Test func pageIsWellFormedXMLWithChartsAndValues() throws {
        let report = PlanningReportBuilder.build(try content())
        let census = try XMLCensus.parse(report.xhtml())
        // Waits, utilisation and kecamatan charts (no coordinates: no map; no average day: no heat map).
        #expect(census.elements["svg"] == 3)
        #expect(census.elements["table"] == report.tables.count)
        #expect(census.elements["script"] == nil && census.elements["link"] == nil && census.elements["img"] == nil)
        // Escaped names come back intact; values are printed.
        #expect(census.text.contains("Mal Pelayanan Publik <MPP> & \"Dukcapil\""))
        #expect(census.text.contains("Samarinda <test> & report"))
        #expect(census.text.contains("34.50"))  // p99 of the second office, 2 × 17.25
        #expect(census.text.contains("Samarinda Ulu"))
        #expect(census.text.contains("B better"))
        // Bars of 2 offices × 3 quantiles, 2 utilisations and 2 kecamatan × 2 series.
        #expect(census.elements["rect"]! >= 6 + 2 + 4)
        // Nothing refers to the network.
        #expect(
            !census.attributes.contains { $0.values.contains { $0.contains("http") && !$0.contains("www.w3.org") } })
    }

    @Test func everyTableIsAlsoCSV() throws {
        let report = PlanningReportBuilder.build(try content())
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csvFiles = try report.write(to: directory.appendingPathComponent("report.html").path)
        #expect(
            csvFiles.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted() == [
                "report-comparison.csv", "report-kecamatan.csv", "report-offices.csv", "report-overview.csv",
                "report-utilisation.csv", "report-waits.csv",
            ])
        let waits = try String(
            contentsOfFile: directory.appendingPathComponent("report-waits.csv").path, encoding: .utf8)
        #expect(waits.hasPrefix("office,wait_minutes,wait_minutes_p50,wait_minutes_p90,wait_minutes_p99,served\n"))
        #expect(waits.contains("kec_samarinda_ulu,,6.0,18.0,34.5,"))
        // Every CSV row has as many fields as its header (no commas inside these fields).
        for file in csvFiles {
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
            let width = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
            for line in lines.dropFirst() where !line.contains("\"") {
                #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == width, "\(file): \(line)")
            }
        }
    }

    @Test func barsScaleToRoundTicks() {
        #expect(SVGCharts.niceScale(34.5) == (40, 10))
        #expect(SVGCharts.niceScale(0.8) == (0.8, 0.2))
        #expect(SVGCharts.shade(0, of: 10) == "#fff7ec")
    }

    @Test func escapingCoversMarkupCharacters() {
        #expect(Markup.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
    }
}

@Suite struct MarkupNumberTests {
    @Test func negativeZeroLosesItsSign() {
        #expect(Markup.number(-0.0001, decimals: 3) == "0.000")
        #expect(Markup.number(-0.25, decimals: 1) == "-0.2" || Markup.number(-0.25, decimals: 1) == "-0.3")
        #expect(Markup.number(nil) == "–")
    }
}
