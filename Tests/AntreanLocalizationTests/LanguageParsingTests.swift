import AntreanLocalization
import Testing

@Suite("Choosing the language")
struct LanguageParsingTests {
    @Test(
        "codes as people write them",
        arguments: [
            ("id", Language.id), ("ID", .id), ("id-ID", .id), ("id_ID.UTF-8", .id), ("en", .en), ("en-GB", .en),
        ])
    func parsing(code: String, expected: Language) throws {
        #expect(try Language(parsing: code) == expected)
    }

    @Test("an unknown code is an error naming it and the codes that work", arguments: ["xx", "", "indonesian", "-"])
    func unknownCode(code: String) {
        #expect(throws: LanguageError.self) { try Language(parsing: code) }
        let error = LanguageError(code: code, source: "--lang")
        #expect(error.description == "--lang: unknown language \"\(code)\"; use en or id")
    }

    @Test("--lang beats ANTREAN_LANG, which beats the English default")
    func precedence() throws {
        #expect(try Language.resolve(option: nil, environment: [:]) == .en)
        #expect(try Language.resolve(option: nil, environment: ["ANTREAN_LANG": "id"]) == .id)
        #expect(try Language.resolve(option: nil, environment: ["ANTREAN_LANG": ""]) == .en)
        #expect(try Language.resolve(option: "en", environment: ["ANTREAN_LANG": "id"]) == .en)
        #expect(try Language.resolve(option: "id", environment: [:]) == .id)
    }

    @Test("a bad code says where it came from")
    func badSource() {
        #expect(throws: LanguageError(code: "xx", source: "ANTREAN_LANG")) {
            try Language.resolve(option: nil, environment: ["ANTREAN_LANG": "xx"])
        }
        #expect(throws: LanguageError(code: "fr", source: "--lang")) {
            try Language.resolve(option: "fr", environment: ["ANTREAN_LANG": "id"])
        }
    }
}
