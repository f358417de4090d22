import AntreanLocalization
import Foundation
import Testing

/// `--lang id` on the outputs issue 21 lists beyond `simulate`'s: `fit` (table and page), `schedule`
/// (scenario form's table, both forms' pages) and the pages of `plan` and `compare`. Each English run
/// shows enough of the English table's words for the check to see them; the Indonesian run holds none
/// (proper names of the fixtures, method names and machine text in `<code>` aside).
@Suite("--lang id on fit, schedule, plan and compare")
struct OutputLanguageTests {
    /// Words written alike in both languages: kinds of office and the program's name, names of methods,
    /// statistics and their authors, units and file formats, and "per", "unit", "data" and "interval",
    /// which KBBI lists as Indonesian words too.
    static let sharedWords: Set<String> = [
        "kelurahan", "kecamatan", "mpp", "antrean", "erlang", "kaplan", "koole", "sipp", "mol", "lq", "nik", "qr",
        "aic", "ks", "ad", "meier", "weibull", "lognormal", "bailey", "welch", "km", "csv", "json", "http",
        "unit", "per", "data", "interval", "optimal",
    ]

    /// The words of the whole English table (all commands, reports and problems), less words shared by
    /// both languages.
    static let englishWords: Set<String> = {
        let english = Texts.table(.en).values
        let placeholders = english.reduce(into: Set<String>()) { $0.formUnion(Texts.placeholders(in: $1)) }
        return english.reduce(into: Set<String>()) { $0.formUnion(LanguageCommandTests.words($1)) }
            .subtracting(sharedWords).subtracting(placeholders.filter { !$0.contains("_") })
    }()

    /// The words for people in `text` (an HTML page or a table): markup, machine text in `<code>`, paths,
    /// distributions in scenario syntax (`gamma(shape=2.1, scale=4.5m)`) and the scenario's own `names`
    /// removed.
    static func readerWords(_ text: String, names: Set<String> = []) -> Set<String> {
        let withoutCode = text.replacingOccurrences(
            of: #"<code>[\s\S]*?</code>"#, with: " ", options: .regularExpression)
        let readable = ReportLanguageTests.readableText(withoutCode)
        let tokens = readable.split(whereSeparator: \.isWhitespace).filter { !$0.contains("/") && !$0.contains("=") }
        return LanguageCommandTests.readerWords(tokens.joined(separator: " ")).subtracting(names)
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-lang-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `arguments` with `--report <folder>/<language>.html --lang <language>` for both languages;
    /// returns (table, page) per language.
    static func bothLanguages(_ arguments: [String], in folder: URL) throws -> [Language: (table: String, page: String)]
    {
        var outputs: [Language: (table: String, page: String)] = [:]
        for language in Language.allCases {
            let page = folder.appendingPathComponent("\(language.rawValue).html").path
            let result = try AntreanProcess.run(arguments + ["--report", page, "--lang", language.rawValue])
            try #require(result.status == 0, "\(arguments.joined(separator: " ")): \(result.standardError)")
            outputs[language] = (result.standardOutput, try String(contentsOfFile: page, encoding: .utf8))
        }
        return outputs
    }

    /// Expects the English `text` to show at least `minimum` English words and the Indonesian one none.
    static func expectIndonesian(
        english: String, indonesian: String, minimum: Int, names: Set<String> = [], _ what: String
    ) {
        let seen = readerWords(english, names: names).intersection(englishWords)
        #expect(seen.count >= minimum, "\(what): the check would be blind: \(seen.sorted())")
        let leftover = readerWords(indonesian, names: names).intersection(englishWords)
        #expect(leftover.isEmpty, "\(what): English words in Indonesian: \(leftover.sorted())")
    }

    @Test func fitTableAndPageInIndonesian() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputs = try Self.bothLanguages(
            ["fit", "Simulations/data/sample-queue-log.csv", "--out", folder.appendingPathComponent("f.yaml").path],
            in: folder)
        let (english, indonesian) = (try #require(outputs[.en]), try #require(outputs[.id]))
        let names: Set<String> = ["mpp", "sambutan"]
        Self.expectIndonesian(
            english: english.table, indonesian: indonesian.table, minimum: 4, names: names, "fit table")
        Self.expectIndonesian(english: english.page, indonesian: indonesian.page, minimum: 40, names: names, "fit page")
        #expect(indonesian.table.contains("baris dibaca") && indonesian.table.contains("dilayani"))
        #expect(indonesian.page.contains(#"lang="id""#) && indonesian.page.contains("Waktu layanan"))
        // Numbers for people with the decimal comma: "rata-rata 12,34 ± 0,56 menit".
        #expect(
            indonesian.page.range(of: #"rata-rata \d+,\d{2} ± \d+,\d{2,4} menit"#, options: .regularExpression) != nil)
    }

    @Test func scheduleScenarioTableAndPageInIndonesian() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputs = try Self.bothLanguages(
            ["schedule", ScheduleCommandTests.smallCity, "--office", "sungai", "--weekday", "friday"]
                + ScheduleCommandTests.quick, in: folder)
        let (english, indonesian) = (try #require(outputs[.en]), try #require(outputs[.id]))
        // The scenario's names, and the comparison's metric keys, which stay keys as in `compare`.
        let names: Set<String> = ["sungai", "small", "city", "objective", "served"]
        Self.expectIndonesian(
            english: english.table, indonesian: indonesian.table, minimum: 15, names: names, "schedule table")
        Self.expectIndonesian(
            english: english.page, indonesian: indonesian.page, minimum: 25, names: names, "schedule page")
        #expect(indonesian.table.contains("Pencarian pola kuota"))
        #expect(indonesian.page.contains("Jumat: kuota per interval"))
    }

    @Test func scheduleSessionPageInIndonesian() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputs = try Self.bothLanguages(
            ["schedule", "--citizens", "8", "--intervals", "8", "--no-show", "10%"], in: folder)
        let (english, indonesian) = (try #require(outputs[.en]), try #require(outputs[.id]))
        Self.expectIndonesian(english: english.page, indonesian: indonesian.page, minimum: 25, "schedule session page")
        #expect(indonesian.page.contains("Imbangan waktu tunggu dan waktu luang"))
        #expect(indonesian.page.range(of: #">\d+,\d{3}<"#, options: .regularExpression) != nil)
    }

    @Test func planAndComparePagesInIndonesian() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let city = "Tests/AntreanCityTests/Fixtures/small-city-map.yaml"
        let names = LanguageCommandTests.words("small city on a map Letter Referral Licence MPP")
        let plan = try Self.bothLanguages(
            ["plan", city, "--target", "p90 wait <= 15m", "--replications", "2", "--param", "run.days=7"],
            in: folder.appendingPathComponent("plan"))
        Self.expectIndonesian(
            english: try #require(plan[.en]).page, indonesian: try #require(plan[.id]).page, minimum: 40, names: names,
            "plan page")
        let compare = try Self.bothLanguages(
            [
                "compare", city, "--policy", "home-earliest", "--policy", "least-loaded", "--replications", "2",
                "--param", "run.days=7",
            ], in: folder.appendingPathComponent("compare"))
        Self.expectIndonesian(
            english: try #require(compare[.en]).page, indonesian: try #require(compare[.id]).page, minimum: 40,
            names: names.union(["home", "earliest", "least", "loaded"]), "compare page")
    }
}
