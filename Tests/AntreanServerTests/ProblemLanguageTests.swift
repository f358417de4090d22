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

    /// Every text the server can write into a problem has an Indonesian text. A problem's title and
    /// detail are made from a `ProblemTitle` or `ProblemDetail` (the only other texts are a refusal's
    /// message, checked above, and an HTTP reason phrase), so a new text is a new case, and a case whose
    /// key lacks in either table, or whose Indonesian text is the English one, fails here. Every
    /// `problem.*` text of the tables is a case, so no text is left unused.
    @Test func everyServerTextHasAnIndonesianText() throws {
        let keys = ProblemTitle.allCases.map(\.key) + ProblemDetail.allCases.map(\.key)
        #expect(Set(keys).count == keys.count)
        for key in keys {
            let english = try #require(Texts.english[key], "no English text for \(key)")
            let indonesian = try #require(Texts.indonesian[key], "no Indonesian text for \(key)")
            #expect(indonesian != english, "\(key) is not translated")
        }
        #expect(Set(Texts.english.keys.filter { $0.hasPrefix("problem.") }) == Set(keys))
        let built: [Problem] = [
            .forbidden(role: .kiosk, operation: "bookHold"), .rateLimited(retryAfter: 3, scope: .clientKey),
            .rateLimited(retryAfter: 3, scope: .account), .tooLarge(limit: 65536), .unauthenticated, .notFound,
            .storeUnavailable, .internalError, .unknownKecamatan("k9"), .methodNotAllowed(allowed: ["GET", "POST"]),
            .malformed(pointer: "/nik", .nikForRole, ["role": "kiosk"]),
            .httpError(status: 400, reasonPhrase: "Bad Request"),
        ]
        for problem in built {
            for text in [problem.title] + (problem.detail.map { [$0] } ?? []) {
                let english = text.text(in: .en)
                let indonesian = text.text(in: .id)
                #expect(indonesian != english, "\(english)")
                #expect(!english.contains("{") && !indonesian.contains("{"), "a value is missing: \(english)")
            }
        }
        #expect(Problem.unknownKecamatan("k9").title.text(in: .en) == "unknown kecamatan 'k9'")
        #expect(Problem.rateLimited(retryAfter: 3, scope: .account).detail?.text(in: .id).contains("3 detik") == true)
        #expect(
            Problem.forbidden(role: .kiosk, operation: "bookHold").detail?.text(in: .id)
                == "peran kiosk tidak boleh memanggil bookHold")
    }

    /// An HTTP error of the framework keeps its reason phrase in English; a client error reads the
    /// table's text with its status in Indonesian, a server error (code `internal`) keeps the phrase.
    @Test func frameworkErrorsKeepTheirReasonPhraseInEnglish() {
        let badRequest = Problem.httpError(status: 400, reasonPhrase: "Bad Request")
        #expect(badRequest.code == "http_error")
        #expect(badRequest.title.text(in: .en) == "Bad Request")
        #expect(badRequest.title.text(in: .id) == "permintaan tidak dapat dilayani (HTTP 400)")
        let badGateway = Problem.httpError(status: 502, reasonPhrase: "Bad Gateway")
        #expect(badGateway.code == "internal")
        #expect(badGateway.title.text(in: .id) == "Bad Gateway")
    }
}
