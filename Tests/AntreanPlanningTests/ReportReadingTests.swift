import AntreanEngine
import AntreanLocalization
import Foundation
import Testing

@testable import AntreanPlanning

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The report as a head of office reads it: words from one table, numbers with two decimals, offices
/// worst first, a map with every office, a plan labelled as proposed and never a saving when it misses.
@Suite struct ReportReadingTests {
    private func summary(_ values: [Double]) -> MetricSummary { MetricSummary(observations: values) }

    /// Three offices with positions (one without, placed at its kecamatan's centre) and an average day.
    private func cityContent() -> ReportContent {
        var metrics: [String: MetricSummary] = [:]
        let offices = [
            OfficeInfo(
                id: "a_one", name: "Alpha", kind: "kelurahan", kecamatanId: "k1", latitude: -0.50, longitude: 117.10),
            OfficeInfo(
                id: "b_two", name: "Beta", kind: "kelurahan", kecamatanId: "k1", latitude: -0.45, longitude: 117.20),
            OfficeInfo(
                id: "c_three", name: "Gamma", kind: "kelurahan", kecamatanId: "k2", latitude: -0.60, longitude: 117.15),
            OfficeInfo(id: "kec_k1", name: "Kecamatan K1", kind: "kecamatan", kecamatanId: "k1"),
        ]
        for (office, p90) in [("a_one", 12.0), ("b_two", 31.0), ("c_three", 4.0), ("kec_k1", 20.0)] {
            metrics["offices.\(office).wait_minutes.p90"] = summary([p90 - 1, p90 + 1])
            metrics["offices.\(office).wait_minutes"] = summary([p90 / 3, p90 / 3])
            metrics["offices.\(office).arrivals_per_open_day"] = summary([p90 * 2, p90 * 2])
            metrics["offices.\(office).no_shows"] = summary([3, 4])
            metrics["offices.\(office).balked"] = summary([1, 2])
            metrics["offices.\(office).reneged"] = summary([5, 6])
            metrics["offices.\(office).booking_refused"] = summary([0, 1])
        }
        metrics["overall.wait_within_target"] = summary([0.85, 0.87])
        metrics["overall.wait_minutes"] = summary([6, 7])
        metrics["overall.wait_minutes.p90"] = summary([14, 15])
        metrics["overall.turned_away"] = summary([12_345.678, 12_345.678])
        metrics["overall.no_shows"] = summary([40, 42])
        metrics["overall.overtime_minutes"] = summary([100, 120])
        metrics["overall.counter_minutes.sold"] = summary([1, 1])
        for day in ["mon", "tue", "wed", "thu", "fri"] {
            for hour in 8..<(day == "fri" ? 11 : 12) {
                let label = hour < 10 ? "0\(hour)" : "\(hour)"
                metrics["overall.weekday.\(day).hour.\(label).queue_length"] = summary([1, 2])
                if hour != 11 { metrics["overall.weekday.\(day).hour.\(label).wait_minutes"] = summary([3, 4]) }
            }
        }
        return ReportContent(
            title: "City", subtitle: "test", metrics: metrics, offices: offices, waitTargetMinutes: 15)
    }

    @Test func everyPhraseHasEnglishText() {
        for phrase in ReportPhrase.allCases {
            #expect(ReportVocabulary.englishTexts[phrase] != nil, "\(phrase.rawValue) has no English text")
        }
        #expect(Set(ReportPhrase.allCases.map(\.rawValue)).count == ReportPhrase.allCases.count)
    }

    /// Every phrase has its text in every language's table, with the same placeholders as in English.
    @Test func everyPhraseHasItsTextInEveryLanguage() {
        for phrase in ReportPhrase.allCases {
            let english = Texts.table(.en)[ReportVocabulary.key(phrase)]
            for language in Language.allCases {
                let text = Texts.table(language)[ReportVocabulary.key(phrase)]
                #expect(text != nil, "\(phrase.rawValue) has no text in \(language)")
                #expect(text.map(Texts.placeholders) == english.map(Texts.placeholders), "\(phrase.rawValue)")
            }
        }
    }

    /// Indonesian numbers: decimal comma, dot thousands (computed by hand: 40249.5 → "40.249,50").
    @Test func indonesianNumbers() {
        let words = ReportVocabulary(language: .id)
        #expect(words.number(40249.5) == "40.249,50")
        #expect(words.number(6.4) == "6,40")
        #expect(words.number(-0.001) == "0,00")
        #expect(words.text(.headlineTitle) == "Sekilas")
    }

    @Test func numbersHaveTwoDecimalsAndGroupedThousands() {
        let words = ReportVocabulary.english
        #expect(words.number(12_345.678) == "12,345.68")
        #expect(words.number(1234.5) == "1234.50")
        #expect(words.number(-0.001) == "0.00")
        #expect(words.number(-98_765.4, decimals: 0) == "-98,765")
        #expect(words.percent(0.8735) == "87.35 %")
        var comma = ReportVocabulary.english
        comma.decimalSeparator = ","
        comma.groupingSeparator = "."
        #expect(comma.number(40_249) == "40.249,00")
        #expect(comma.number(6.4, decimals: 1) == "6,4")
    }

    @Test func metricKeysReadAsWords() {
        let names = ReportMetricNames(vocabulary: .english, officeNames: ["mpp": "Mal Pelayanan Publik"])
        #expect(names.key("overall.wait_within_target") == "Share served within the target (%)")
        #expect(names.key("overall.wait_minutes.p99_9") == "Wait not exceeded by 99.9% of citizens (min)")
        #expect(names.key("offices.mpp.weekday.mon.served") == "Citizens served, Monday — Mal Pelayanan Publik")
        #expect(names.key("overall.hour.09.wait_minutes") == "Mean wait (min), 09:00–09:59")
        // A metric no table knows is spelled out, not shown as its key.
        #expect(names.key("overall.something_new") == "Something New")
    }

    @Test func headlineOfficesAndMapAreThere() throws {
        let content = cityContent()
        let page = PlanningReportBuilder.build(content).xhtml()
        let parsed = XMLDocument.parse(page)
        let document = try #require(parsed)
        // Headline: the turned-away figure with two decimals and grouped thousands, its interval text,
        // and the share's target judged in words.
        #expect(document.text(ofClass: "value").contains("12,345.68 citizens"))
        #expect(document.text(ofClass: "value").contains("86.00 %"))
        #expect(document.text(ofClass: "status").contains("✘ Target missed"))
        // Worst first: Beta (31), Kecamatan K1 (20), Alpha (12), Gamma (4).
        #expect(document.firstColumn(ofSection: "offices") == ["Beta", "Kecamatan K1", "Alpha", "Gamma"])
        // Losses beside the waits: left = balked + reneged = 1.5 + 5.5.
        #expect(document.row(ofSection: "offices", named: "Beta")?.contains("7.00") == true)
        // Map: one mark per office, inside the viewBox; the kecamatan office stands between Alpha and Beta.
        let marks = document.mapMarks()
        #expect(marks.count == 4)
        let box = try #require(document.mapViewBox())
        for mark in marks { #expect(box.contains(CGPoint(x: mark.x, y: mark.y)), "\(mark)") }
        let placed = try #require(marks.first { $0.office == "kec_k1" })
        let alpha = try #require(marks.first { $0.office == "a_one" })
        let beta = try #require(marks.first { $0.office == "b_two" })
        #expect(abs(placed.x - (alpha.x + beta.x) / 2) < 0.02 && abs(placed.y - (alpha.y + beta.y) / 2) < 0.02)
        // West is left, north is up.
        #expect(alpha.x < beta.x && beta.y < alpha.y)
        // Heat map: Monday–Thursday 08–11 and Friday 08–10 are open: 4 × 4 + 3 cells.
        #expect(document.count(ofClass: "heat-cell", inSection: "weekday-hour") == 19)
    }

    @Test func planComesFirstAndAMissIsNotASaving() throws {
        let unit = { (id: String, counters: Int) in
            StaffingUnit(
                id: id, scope: "offices.\(id)", currentCounters: counters, staffedHours: 8, arrivalRate: 1,
                meanService: 10)
        }
        let target = try ServiceTarget(parsing: "p90 wait <= 15m")
        let plan = StaffingPlan(
            target: target,
            rows: [
                .init(
                    unit: unit("a_one", 3), analyticCounters: 2, counters: 2, meetsTarget: true,
                    targetMetric: summary([10, 11]), limit: 6),
                .init(
                    unit: unit("b_two", 2), analyticCounters: 4, counters: 6, meetsTarget: false,
                    targetMetric: summary([30, 33]), limit: 6),
            ], evaluations: 9, replications: 2, seed: 1, metrics: cityContent().metrics)
        let content = ReportContent.plan(
            plan, title: "City", file: "city.yaml", scopePrefix: "offices", offices: cityContent().offices)
        let report = PlanningReportBuilder.build(content)
        let document = try #require(XMLDocument.parse(report.xhtml()))
        #expect(document.sectionIDs.first == "staffing")
        #expect(document.sectionIDs.contains("headline"))
        let missed = try #require(document.row(ofSection: "staffing", named: "Beta"))
        #expect(missed.contains("not a saving") && missed.contains("✘ no, not within 6 counters"))
        let met = try #require(document.row(ofSection: "staffing", named: "Alpha"))
        #expect(met.contains("-8.00"))  // one counter fewer for 8 hours
        #expect(document.allText.contains("Proposed, not yet in force"))
        #expect(document.allText.contains("not met at 1 of 2 offices"))
    }

    @Test func rosterIsAWeekdayByHourGrid() throws {
        var units: [StaffingUnit] = []
        for day in ["mon", "fri"] {
            units.append(
                StaffingUnit(
                    id: "a_one.\(day)", scope: "offices.a_one", currentCounters: 2, staffedHours: 3,
                    arrivalRate: 0.2, meanService: 10,
                    hourlyArrivalRates: [Double](repeating: 0, count: 8) + [0.3, 0.6, 0.2]
                        + [Double](repeating: 0, count: 13), openHours: [8, 9, 10]))
        }
        let roster = HourlyStaffing(units: units, target: try ServiceTarget(parsing: "p90 wait <= 15m"))
        let content = ReportContent.roster(roster, title: "City", file: "city.yaml", offices: cityContent().offices)
        let document = try #require(XMLDocument.parse(PlanningReportBuilder.build(content).xhtml()))
        #expect(document.sectionIDs == ["roster"])
        let rows = document.rows(ofSection: "roster")
        #expect(rows.count == 2)
        #expect(rows[0].prefix(2) == ["Alpha", "Monday"] && rows[1].prefix(2) == ["", "Friday"])
        // Hours 08, 09, 10, each the modified offered load's counters.
        let expected = roster.rows.filter { $0.unit == "a_one.mon" }.map {
            $0.modifiedOfferedLoad.map(String.init) ?? ""
        }
        #expect(Array(rows[0].dropFirst(2)) == expected)
        #expect(expected.count == 3)
    }
}

/// A parsed page with the lookups the tests need (elements by class, sections by id, table rows).
private final class XMLDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var section: String?
        var text = ""
        var row: Int
    }

    private(set) var elements: [Element] = []
    private(set) var sectionIDs: [String] = []
    private(set) var allText = ""
    private var stack: [Int] = []
    private var section: String?
    private var rowCounter = 0

    static func parse(_ markup: String) -> XMLDocument? {
        let document = XMLDocument()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = document
        return parser.parse() ? document : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "section" {
            section = attributes["id"]
            if let id = attributes["id"] { sectionIDs.append(id) }
        }
        if name == "tr" { rowCounter += 1 }
        elements.append(Element(name: name, attributes: attributes, section: section, row: rowCounter))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
        if name == "section" { section = nil }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in stack { elements[index].text += string }
        if !stack.contains(where: { elements[$0].name == "style" }) { allText += string }
    }

    func text(ofClass name: String) -> [String] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(name)) }.map(\.text)
    }

    func count(ofClass name: String, inSection id: String) -> Int {
        elements.filter { $0.section == id && $0.attributes["class"] == name }.count
    }

    func rows(ofSection id: String) -> [[String]] {
        let cells = elements.filter { $0.section == id && $0.name == "td" }
        var rows: [Int: [String]] = [:]
        for cell in cells { rows[cell.row, default: []].append(cell.text) }
        return rows.keys.sorted().compactMap { rows[$0] }
    }

    func firstColumn(ofSection id: String) -> [String] { rows(ofSection: id).compactMap(\.first) }

    func row(ofSection id: String, named name: String) -> [String]? { rows(ofSection: id).first { $0.first == name } }

    func mapMarks() -> [(office: String, x: Double, y: Double)] {
        elements.filter { $0.section == "map" && $0.attributes["data-office"] != nil }.map { element in
            let a = element.attributes
            return (
                a["data-office"] ?? "", Double(a["cx"] ?? a["data-cx"] ?? "") ?? .nan,
                Double(a["cy"] ?? a["data-cy"] ?? "") ?? .nan
            )
        }
    }

    func mapViewBox() -> CGRect? {
        guard let svg = elements.first(where: { $0.section == "map" && $0.name == "svg" }) else { return nil }
        let n = (svg.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        return n.count == 4 ? CGRect(x: n[0], y: n[1], width: n[2], height: n[3]) : nil
    }
}
