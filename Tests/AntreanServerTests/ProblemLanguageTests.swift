import AntreanAllocator
import AntreanLocalization
import Foundation
import Testing

@testable import AntreanServer

/// The language of problems (issue 21): `Accept-Language` (RFC 9110 §12.5.4) chooses the language of
/// `title` and `detail`, named in `Content-Language`; English without it or when it cannot be read.
@Suite("Accept-Language on problems")
struct ProblemLanguageTests {
    @Test(arguments: [
        ("id", Language.id), ("id-ID", .id), ("ID", .id), ("en;q=0.5, id", .id), ("en, id", .en),
        ("id, en", .id), ("fr, id;q=0.3, en;q=0.2", .id), ("fr", .en), ("*", .en), ("*, en;q=0", .id),
        ("en;q=0, id;q=0", .en), ("id;q=0", .en), ("id;q=0.001", .id), ("id-ID;q=1.000, en;q=0.999", .id),
        ("en-GB;q=0.8, id;q=0.9", .id), (" id ; q=0.7 , en;q=0.6", .id), ("id,,en", .id),
        // Malformed: the whole header is ignored, never an error.
        ("id;q=abc", .en), ("id;q=1.5", .en), ("id;q=0.1234", .en), ("id;x=1", .en), ("id_ID", .en),
        ("i d", .en), ("id-", .en), ("verylonglanguage", .en), ("", .en), ("id;q=", .en),
    ])
    func headerChoosesTheLanguage(header: String, expected: Language) {
        #expect(AcceptLanguage.preferred([header]) == expected, "\(header)")
    }

    @Test func severalHeaderLinesAreOneList() {
        #expect(AcceptLanguage.preferred(["en;q=0.4", "id;q=0.6"]) == .id)
        #expect(AcceptLanguage.preferred([]) == .en)
    }

    /// A refusal over HTTP: the third active booking of one NIK, with the limit of the server's rules
    /// in the message, in the language asked for; code, type and status stay the same.
    @Test func refusalMessageFollowsAcceptLanguage() async throws {
        let server = try await TestServer()
        do {
            let nik = TestServer.nik(21)
            func book(_ key: String, language: String?) async throws -> TestServer.Reply {
                try await server.send(
                    .POST, "/v1/bookings", key: server.keys[.portal],
                    json: ["nik": nik, "service": "ktp", "homeOffice": "kel-a"],
                    headers: [("Idempotency-Key", key)] + (language.map { [("Accept-Language", $0)] } ?? []))
            }
            for index in 0..<2 {
                let booked = try await book("lang-\(index)", language: nil)
                try #require(booked.status == 201 || booked.status == 200, "\(booked.text)")
            }
            let indonesian = try await book("lang-id", language: "en;q=0.5, id-ID")
            #expect(indonesian.status == 409)
            #expect(indonesian.json["code"] as? String == "nik_limit_reached")
            #expect(indonesian.json["title"] as? String == "NIK ini sudah memiliki 2 pemesanan aktif")
            #expect(indonesian.headers["Content-Language"].first == "id")
            #expect(indonesian.headers["Vary"].contains { $0.contains("Accept-Language") })
            #expect(!indonesian.text.contains(nik))
            for header in [nil, "fr", "id;q=banana"] {
                let english = try await book("lang-\(header ?? "none")", language: header)
                #expect(english.status == 409)
                #expect(english.json["code"] as? String == "nik_limit_reached")
                #expect(english.json["title"] as? String == "This NIK already has 2 active bookings")
                #expect(english.headers["Content-Language"].first == "en", "\(header ?? "no header")")
            }
            try await server.stop()
        } catch {
            try await server.stop()
            throw error
        }
    }

    /// The server's own problems: a malformed body, a missing key and an unknown route, in Indonesian.
    @Test func serverProblemsFollowAcceptLanguage() async throws {
        let server = try await TestServer()
        do {
            let malformed = try await server.send(
                .POST, "/v1/bookings", key: server.keys[.portal], raw: Data("{not json".utf8),
                headers: [("Idempotency-Key", "bad-json"), ("Accept-Language", "id")])
            #expect(malformed.status == 400)
            #expect(malformed.json["title"] as? String == "format permintaan tidak sesuai")
            #expect(malformed.json["detail"] as? String == "isi permintaan bukan JSON yang sah")
            #expect(malformed.json["pointer"] as? String == "")
            #expect(malformed.headers["Content-Language"].first == "id")
            let unauthenticated = try await server.send(
                .GET, "/v1/offices/kel-a/grid?service=ktp&date=2026-11-24", headers: [("Accept-Language", "id")])
            #expect(unauthenticated.status == 401)
            #expect(
                unauthenticated.json["title"] as? String == "kunci klien tidak ada, tidak dikenal, atau sudah dicabut")
            let missing = try await server.send(.GET, "/no/such/route", headers: [("Accept-Language", "id")])
            #expect(missing.status == 404)
            #expect(missing.json["title"] as? String == "sumber daya tidak ditemukan")
            #expect(missing.headers["Content-Language"].first == "id")
            let english = try await server.send(.GET, "/no/such/route")
            #expect(english.json["title"] as? String == "no such resource")
            #expect(english.headers["Content-Language"].first == "en")
            try await server.stop()
        } catch {
            try await server.stop()
            throw error
        }
    }

    /// Every text the server writes into a problem is in the table: each string literal given to
    /// `Problem.malformed`, `Problem.forbidden` or a problem's `title:`/`detail:` in the server's sources,
    /// and the texts built with values, translate to Indonesian.
    @Test func everyServerTextHasAnIndonesianText() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/AntreanServer")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.path.contains("/Generated/") }
        var literals: Set<String> = []
        let pattern =
            #"(?:malformed\((?:pointer|parameter): [^,]+, |forbidden\(|title: |detail: |return \.malformed\([^,]+, )"([^"\\]*(?:\\\([^)]*\)[^"\\]*)*)""#
        let expression = try NSRegularExpression(pattern: pattern)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let literal = String(text[range])
                // Interpolated texts are checked below with values; this is the literal ones' check.
                if !literal.contains("\\(") { literals.insert(literal) }
            }
        }
        #expect(literals.count >= 25, "the scan found too little: \(literals.sorted())")
        for literal in literals {
            let problem = Problem(status: 400, code: "malformed", title: literal, detail: literal)
            let indonesian = problem.localized(.id)
            #expect(
                indonesian.title != literal || indonesian.detail != literal, "no Indonesian text for \"\(literal)\"")
        }
        let built: [Problem] = [
            .forbidden(role: .kiosk, operation: "bookHold"), .rateLimited(retryAfter: 3, scope: "client key"),
            .rateLimited(retryAfter: 3, scope: "account"), .tooLarge(limit: 65536), .unauthenticated, .notFound,
            .storeUnavailable, .internalError,
            Problem(status: 404, code: "unknown_kecamatan", title: "unknown kecamatan 'k9'"),
            .malformed(pointer: "/nik", "required for a kiosk key"),
        ]
        for problem in built {
            let indonesian = problem.localized(.id)
            #expect(indonesian.title != problem.title, "\(problem.title)")
            #expect(indonesian.detail == nil || indonesian.detail != problem.detail, "\(problem.detail ?? "")")
            #expect(problem.localized(.en) == problem, "English is the text as written")
        }
        #expect(Problem.rateLimited(retryAfter: 3, scope: "account").localized(.id).detail?.contains("3 detik") == true)
        #expect(
            Problem.forbidden(role: .kiosk, operation: "bookHold").localized(.id).detail
                == "peran kiosk tidak boleh memanggil bookHold")
    }
}
