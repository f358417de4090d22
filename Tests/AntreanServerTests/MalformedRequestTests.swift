import AntreanServer
import Foundation
import Testing

/// Malformed input is the client's mistake: a 400 `application/problem+json` whose pointer names the
/// field (RFC 9457, RFC 6901), never a 5xx, and never quoting the NIK back (issue 19).
@Suite("malformed requests and limits")
struct MalformedRequestTests {
    @Test func malformedBodiesAnswer400WithAPointer() async throws {
        let server = try await TestServer()
        do {
            let nik = TestServer.nik(11)
            let cases: [(body: Data, pointer: String)] = [
                (Data("{not json".utf8), ""),
                (Data(#"{"service":"ktp","office":"kel-a","start":"2026-11-24T09:00:00+08:00"}"#.utf8), "/nik"),
                (Data(#"{"nik":1234,"service":"ktp"}"#.utf8), "/nik"),
                (
                    Data(#"{"nik":"\#(nik)","service":"ktp","office":"kel-a","start":"tomorrow at nine"}"#.utf8),
                    "/start"
                ),
                (Data(#"{"nik":"\#(nik)","service":"ktp","priority":"yes","homeOffice":"kel-a"}"#.utf8), "/priority"),
                (Data(#"{"nik":"\#(nik)","service":"ktp"}"#.utf8), "/office"),
            ]
            for (index, item) in cases.enumerated() {
                let reply = try await server.send(
                    .POST, "/v1/bookings", key: server.keys[.portal], raw: item.body,
                    headers: [("Idempotency-Key", "malformed-\(index)")])
                #expect(reply.status == 400, "case \(index): \(reply.status) \(reply.text)")
                #expect(reply.headers["Content-Type"].first == "application/problem+json")
                #expect(reply.json["type"] as? String == "/problems/malformed")
                #expect(reply.json["pointer"] as? String == item.pointer, "case \(index): \(reply.text)")
                #expect(!reply.text.contains(nik), "the NIK is never answered back")
            }
            // An invalid NIK is a refusal of the allocator (422 invalid_nik), without the NIK in it.
            let badNIK = "1234567890123456"
            let invalid = try await server.send(
                .POST, "/v1/bookings", role: .portal, json: ["nik": badNIK, "service": "ktp", "homeOffice": "kel-a"],
                idempotencyKey: "bad-nik")
            #expect(invalid.status == 422)
            #expect(invalid.json["type"] as? String == "/problems/invalid_nik")
            #expect(!invalid.text.contains(badNIK))
            // A missing Idempotency-Key names the header.
            let noKey = try await server.send(
                .POST, "/v1/bookings", role: .portal, json: ["nik": nik, "service": "ktp", "homeOffice": "kel-a"])
            #expect(noKey.status == 400)
            #expect(noKey.json["parameter"] as? String == "Idempotency-Key")
            // A bad query parameter names it.
            let badDate = try await server.send(
                .GET, "/v1/offices/kel-a/grid?service=ktp&date=24-11-2026", role: .portal)
            #expect(badDate.status == 400)
            #expect(badDate.json["parameter"] as? String == "date")
            let badCode = try await server.send(.GET, "/v1/bookings/abc", role: .portal)
            #expect(badCode.status == 400)
            #expect(badCode.json["parameter"] as? String == "code")
            // No such route: a problem too.
            let nowhere = try await server.send(.GET, "/v1/nowhere", role: .portal)
            #expect(nowhere.status == 404)
            #expect(nowhere.json["type"] as? String == "/problems/not_found")
            // A kiosk checks in by QR token only: by code and NIK is the desk's.
            let kioskDesk = try await server.send(
                .POST, "/v1/offices/kel-a/check-ins", role: .kiosk, json: ["code": "1", "nik": nik])
            #expect(kioskDesk.status == 403)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func bodyAndRateLimitsAnswer413And429WithRetryAfter() async throws {
        var settings = AntreanHTTPServer.Settings()
        settings.maxBodyBytes = 1024
        settings.keyRate = .init(ratePerSecond: 0.001, burst: 3)
        let server = try await TestServer(settings: settings)
        do {
            let big = Data(("{\"nik\":\"" + String(repeating: "1", count: 2000) + "\"}").utf8)
            let tooLarge = try await server.send(
                .POST, "/v1/bookings", key: server.keys[.portal], raw: big, headers: [("Idempotency-Key", "big")])
            #expect(tooLarge.status == 413)
            #expect(tooLarge.json["type"] as? String == "/problems/body_too_large")
            // The 413 was refused before the key's bucket; three more pass, the fourth waits.
            var statuses: [Int] = []
            for _ in 0..<4 { statuses.append(try await server.send(.GET, "/v1/offices", role: .display).status) }
            #expect(statuses == [403, 403, 403, 429])
            let limited = try await server.send(.GET, "/v1/offices", role: .display)
            #expect(limited.status == 429)
            let retryAfter = try #require(limited.headers["Retry-After"].first.flatMap(Int.init))
            #expect(retryAfter >= 1)
            // Another key has its own bucket.
            #expect(try await server.send(.GET, "/v1/offices", role: .portal).status == 200)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
