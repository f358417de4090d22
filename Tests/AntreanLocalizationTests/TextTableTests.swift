import Testing

@testable import AntreanLocalization

@Suite("The tables of texts")
struct TextTableTests {
    @Test("every key has a text in every language, with the same placeholders")
    func everyKeyInEveryLanguage() {
        let english = Texts.table(.en)
        #expect(english.count > 100)
        for language in Language.allCases {
            let table = Texts.table(language)
            #expect(Set(table.keys) == Set(english.keys), "\(language): keys differ from English")
            for (key, text) in table {
                #expect(!text.allSatisfy { $0.isWhitespace }, "\(language) \(key) is empty")
                #expect(
                    Texts.placeholders(in: text) == Texts.placeholders(in: english[key] ?? ""),
                    "\(language) \(key): placeholders differ from English")
            }
        }
    }

    /// A text with no word outside its placeholders but symbols, "A", "B" and "km" (e.g. "{metric} — {scope}",
    /// "B − A", "{km} km"), written alike in both languages.
    static func isNotation(_ text: String) -> Bool {
        let bare = text.replacingOccurrences(of: #"\{[a-z_]+\}"#, with: " ", options: .regularExpression)
        return bare.split(whereSeparator: { !$0.isLetter }).allSatisfy { ["A", "B", "km"].contains($0) }
    }

    @Test("the Indonesian table is a translation, not a copy of the English one")
    func indonesianIsTranslated() {
        let english = Texts.table(.en)
        let indonesian = Texts.table(.id)
        // Terms the same in both languages (kinds of office, symbols, column names that are method names).
        let alike = english.keys.filter { english[$0] == indonesian[$0] }.sorted()
        #expect(alike.count * 5 < english.count, "texts left in English: \(alike)")
        for key in alike {
            #expect(
                key.hasPrefix("city.kind.") || key.hasPrefix("csv.column.") || key.hasSuffix(".unit")
                    || key.hasPrefix("fit.family.")
                    || key == "report.column.kecamatan" || Self.isNotation(english[key] ?? ""),
                "\(key) is the same in English and Indonesian")
        }
    }

    /// The tables are merged from one part per area (general, reports, fit, schedule, HTTP problems); a key
    /// in two parts would lose one text silently.
    @Test("no key is in two parts of a table")
    func partsAreDisjoint() {
        let english = [
            Texts.generalEnglish, Texts.reportEnglish, Texts.fitEnglish, Texts.scheduleEnglish, Texts.problemEnglish,
        ]
        let indonesian = [
            Texts.generalIndonesian, Texts.reportIndonesian, Texts.fitIndonesian, Texts.scheduleIndonesian,
            Texts.problemIndonesian,
        ]
        #expect(english.map(\.count).reduce(0, +) == Texts.english.count)
        #expect(indonesian.map(\.count).reduce(0, +) == Texts.indonesian.count)
        for (part, key) in [
            ("fit.", "fit.page.title"), ("schedule.", "schedule.search.title"), ("problem.", "problem.title.malformed"),
        ] {
            #expect(Texts.english[key] != nil && Texts.indonesian[key] != nil, "\(part) texts missing")
        }
    }

    @Test("placeholders are filled; a missing value stays visible")
    func filling() {
        #expect(
            Texts.fill("NIK ini sudah memiliki {limit} pemesanan aktif", ["limit": "2"])
                == "NIK ini sudah memiliki 2 pemesanan aktif")
        #expect(Texts.fill("{a} dan {b}", ["a": "x"]) == "x dan {b}")
        #expect(Texts.fill("tanpa kurung", ["a": "x"]) == "tanpa kurung")
        #expect(Texts.fill("{ terbuka", [:]) == "{ terbuka")
        #expect(Texts.placeholders(in: "{a}, {b} {a}") == ["a", "b"])
        #expect(Language.id.text("refusal.slot_full") == "Kuota pada jam ini sudah penuh")
        #expect(Language.id.text("no.such.key") == "no.such.key")
    }
}
