import AntreanLocalization
import Foundation
import Testing

/// `--lang id` on `simulate --report` (issue 21): the page's words come from the Indonesian report table,
/// its numbers use the decimal comma, and the English run shows the English words the check looks for.
@Suite("--lang on HTML reports")
struct ReportLanguageTests {
    static let scenario = "Tests/AntreanCityTests/Fixtures/small-city-map.yaml"

    /// The scenario's proper names (its title, services' and offices' names), which stay as written.
    static let properNames = LanguageCommandTests.words("small city on a map Letter Referral Licence MPP")

    /// The words of the English report table (keys `report.*`), less names and methods shared by both
    /// languages (see ``LanguageCommandTests/englishWords``), placeholders, the unit "km" and the file format CSV.
    static let englishReportWords: Set<String> = {
        let english = Texts.table(.en).filter { $0.key.hasPrefix("report.") }.map(\.value)
        let placeholders = english.reduce(into: Set<String>()) { $0.formUnion(Texts.placeholders(in: $1)) }
        let shared: Set<String> = [
            "kelurahan", "kecamatan", "mpp", "antrean", "erlang", "sipp", "per", "unit", "data", "km", "csv",
        ]
        return english.reduce(into: Set<String>()) { $0.formUnion(LanguageCommandTests.words($1)) }
            .subtracting(shared).subtracting(placeholders).subtracting(properNames)
    }()

    /// The text a person reads on `page`: style sheet and tags removed, entities decoded.
    static func readableText(_ page: String) -> String {
        var text = page.replacingOccurrences(
            of: #"<style[^>]*>[\s\S]*?</style>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    static func page(_ language: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-report-lang-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("city.html")
        let result = try AntreanProcess.run(
            ["simulate", scenario, "--days", "7", "--replications", "2", "--report", page.path, "--lang", language])
        try #require(result.status == 0, "\(result.standardError)")
        return try String(contentsOf: page, encoding: .utf8)
    }

    @Test func indonesianCityReportHasNoEnglishWord() throws {
        let english = try Self.page("en")
        let indonesian = try Self.page("id")
        let seenInEnglish = LanguageCommandTests.readerWords(Self.readableText(english))
            .intersection(Self.englishReportWords)
        #expect(seenInEnglish.count >= 60, "the check would be blind: \(seenInEnglish.sorted())")
        let leftover = LanguageCommandTests.readerWords(Self.readableText(indonesian))
            .intersection(Self.englishReportWords)
        #expect(leftover.isEmpty, "English words in the Indonesian report: \(leftover.sorted())")
        #expect(indonesian.contains(#"lang="id""#))
        for phrase in ["Sekilas", "Rata-rata waktu tunggu", "Kantor, dari yang terburuk", "Peta kantor", "Senin"] {
            #expect(indonesian.contains(phrase), "\(phrase) missing")
        }
    }

    /// Numbers: "6,40" in Indonesian, "6.40" in English; a decimal point never shows in the Indonesian
    /// text (hours of the day, written 08.00–08.59 in Indonesian, aside).
    @Test func indonesianReportUsesTheDecimalComma() throws {
        let english = Self.readableText(try Self.page("en"))
        let indonesian = Self.readableText(try Self.page("id"))
            .replacingOccurrences(of: #"\d{1,2}\.00–\d{1,2}\.59"#, with: " ", options: .regularExpression)
        let decimalPoint = #"\d\.\d{1,2}\b"#
        let decimalComma = #"\d,\d{2}\b"#
        #expect(english.range(of: decimalPoint, options: .regularExpression) != nil)
        #expect(indonesian.range(of: decimalComma, options: .regularExpression) != nil)
        let point = indonesian.range(of: decimalPoint, options: .regularExpression)
        #expect(point == nil, "decimal point in the Indonesian report: \(point.map { String(indonesian[$0]) } ?? "")")
    }
}
