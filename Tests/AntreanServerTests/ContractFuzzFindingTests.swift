import AntreanServer
import Foundation
import NIOHTTP1
import Testing

/// What scripts/schemathesis.sh (schemathesis driven by openapi.yaml) found, each kept as a test over
/// loopback so that it stays fixed (docs/server.md, "Fuzzing the contract").
@Suite("contract fuzzing findings")
struct ContractFuzzFindingTests {
    /// Finding 1: a documented path asked with a method it does not have (TRACE /healthz, DELETE
    /// /v1/offices, …) was answered 404 "no such resource". RFC 9110 §15.5.6 wants 405 with an `Allow`
    /// header naming the methods the resource has; an unknown path stays 404.
    @Test func anUndocumentedMethodOnADocumentedPathIs405WithAllow() async throws {
        let server = try await TestServer()
        do {
            // The methods each path has in openapi.yaml, written out here independently of the server.
            let paths: [(path: String, allow: String)] = [
                ("/v1/offices", "GET"), ("/v1/offices/kel-a", "GET"), ("/v1/offices/kel-a/grid", "GET"),
                ("/v1/availability", "GET"), ("/v1/holds", "POST"), ("/v1/holds/1/confirm", "POST"),
                ("/v1/bookings", "POST"), ("/v1/bookings/1", "GET"), ("/v1/bookings/1/cancel", "POST"),
                ("/v1/bookings/1/reschedule", "POST"), ("/v1/bookings/1/token", "POST"),
                ("/v1/offices/kel-a/check-ins", "POST"), ("/v1/offices/kel-a/walk-ins", "POST"),
                ("/v1/offices/kel-a/queue", "GET"), ("/v1/offices/kel-a/queue/call", "POST"), ("/healthz", "GET"),
                ("/readyz", "GET"), ("/metrics", "GET"), ("/openapi.yaml", "GET"),
            ]
            for (path, allow) in paths {
                for method in [HTTPMethod.TRACE, .DELETE, .PUT, .PATCH, allow == "GET" ? .POST : .GET] {
                    let reply = try await server.send(method, path, key: server.keys[.admin])
                    #expect(reply.status == 405, "\(method) \(path): \(reply.status) \(reply.text)")
                    #expect(reply.headers["Allow"].first == allow, "\(method) \(path)")
                    #expect(reply.headers["Content-Type"].first == "application/problem+json")
                    #expect(reply.json["type"] as? String == "/problems/method_not_allowed")
                    #expect(reply.json["status"] as? Int == 405)
                }
            }
            // A path the document does not have is still 404, whatever the method.
            for (method, path) in [(HTTPMethod.GET, "/v1/nowhere"), (.TRACE, "/v1/bookings/1/extra")] {
                let reply = try await server.send(method, path, key: server.keys[.admin])
                #expect(reply.status == 404, "\(method) \(path): \(reply.status)")
                #expect(reply.headers["Allow"].isEmpty)
                #expect(reply.json["type"] as? String == "/problems/not_found")
            }
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
    /// Finding 2: an explicit `null` in a request body was read as an absent field and accepted, though no
    /// field of the document is nullable: `{"priority": null}` booked (201), and `{"nik": null}` on a
    /// desk's cancel cancelled the booking as the office. A `null` is now 400 `malformed` with its pointer,
    /// and nothing changes in the store.
    @Test func aNullFieldInARequestBodyIs400WithItsPointer() async throws {
        let server = try await TestServer()
        do {
            let nik = TestServer.nik(21)
            let slot = "2026-11-23T09:00:00+08:00"
            let nullPriority = try await server.send(
                .POST, "/v1/bookings", key: server.keys[.portal],
                raw: Data(
                    #"{"nik":"\#(nik)","service":"ktp","office":"kel-a","start":"\#(slot)","priority":null}"#.utf8),
                headers: [("Idempotency-Key", "null-priority")])
            #expect(nullPriority.status == 400, "\(nullPriority.status) \(nullPriority.text)")
            #expect(nullPriority.headers["Content-Type"].first == "application/problem+json")
            #expect(nullPriority.json["type"] as? String == "/problems/malformed")
            #expect(nullPriority.json["pointer"] as? String == "/priority")
            #expect(!nullPriority.text.contains(nik))
            // The same request without the null books; a desk's cancel with a null NIK is refused and leaves
            // the booking as it was.
            let booked = try await server.send(
                .POST, "/v1/bookings", role: .portal,
                json: ["nik": nik, "service": "ktp", "office": "kel-a", "start": slot], idempotencyKey: "no-null")
            #expect(booked.status == 201, "\(booked.text)")
            let code = try #require(booked.json["code"] as? String)
            let nullNIK = try await server.send(
                .POST, "/v1/bookings/\(code)/cancel", key: server.keys[.desk], raw: Data(#"{"nik":null}"#.utf8))
            #expect(nullNIK.status == 400, "\(nullNIK.status) \(nullNIK.text)")
            #expect(nullNIK.json["pointer"] as? String == "/nik")
            let after = try await server.send(.GET, "/v1/bookings/\(code)", role: .desk)
            #expect(after.json["state"] as? String == "booked")
            // Nested and escaped keys get an RFC 6901 pointer; a body that is only null is refused at its root.
            let walkIn = try await server.send(
                .POST, "/v1/offices/kel-a/walk-ins", key: server.keys[.desk],
                raw: Data(#"{"nik":"\#(TestServer.nik(22))","service":"ktp","a/b":{"c~d":[1,null]}}"#.utf8))
            #expect(walkIn.status == 400)
            #expect(walkIn.json["pointer"] as? String == "/a~1b/c~0d/1")
            let onlyNull = try await server.send(
                .POST, "/v1/offices/kel-a/walk-ins", key: server.keys[.desk], raw: Data("null".utf8))
            #expect(onlyNull.status == 400)
            #expect(onlyNull.json["type"] as? String == "/problems/malformed")
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    /// Finding 3 (the speed work's review): an `Accept` header that admits no JSON made every JSON
    /// operation answer 500, because the runtime refuses to write the answer after the handler ran. It is
    /// the client's request that cannot be answered: 406 as a problem, on the generated path and the
    /// availability fast route alike; a JSON-admitting `Accept` still gets the answer.
    @Test func anAcceptThatAdmitsNoJSONIs406NotA500() async throws {
        let server = try await TestServer()
        do {
            let paths = ["/v1/availability?service=ktp&office=kel-a", "/v1/offices", "/v1/offices/kel-a"]
            for path in paths {
                for accept in ["text/plain", "image/png, text/html;q=0.9"] {
                    let reply = try await server.send(
                        .GET, path, key: server.keys[.admin], headers: [("Accept", accept)])
                    #expect(reply.status == 406, "\(path) Accept \(accept): \(reply.status) \(reply.text)")
                    #expect(reply.headers["Content-Type"].first == "application/problem+json")
                    #expect(reply.json["status"] as? Int == 406)
                }
                for accept in ["application/json", "*/*", "text/plain, application/*;q=0.5"] {
                    let reply = try await server.send(
                        .GET, path, key: server.keys[.admin], headers: [("Accept", accept)])
                    #expect(reply.status == 200, "\(path) Accept \(accept): \(reply.status) \(reply.text)")
                }
            }
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    /// A booking, a cancellation or any other change asked with an `Accept` that admits no JSON is
    /// refused 406 before it is made: the generated code used to run the handler and refuse only the
    /// answer, so the booking existed while the client was told 406 (and a retry without the same
    /// `Idempotency-Key` booked twice). Nothing changes in the allocator.
    @Test func anUnanswerableChangeIsRefusedBeforeItIsMade() async throws {
        let server = try await TestServer()
        do {
            let booking: [String: Any] = [
                "nik": TestServer.nik(41), "service": "ktp", "office": "kel-a", "start": "2026-11-23T09:00:00+08:00",
            ]
            let before = server.allocator.changeSequence
            for accept in ["text/plain", "text/html, application/json;q=0"] {
                let refused = try await server.send(
                    .POST, "/v1/bookings", key: server.keys[.portal], json: booking,
                    headers: [("Idempotency-Key", "accept-\(accept.count)"), ("Accept", accept)])
                #expect(refused.status == 406, "\(accept): \(refused.status) \(refused.text)")
            }
            #expect(server.allocator.changeSequence == before)
            let made = try await server.send(.POST, "/v1/bookings", role: .portal, json: booking, idempotencyKey: "ok")
            #expect(made.status == 201, "\(made.text)")
            let code = try #require(made.json["code"] as? String)
            let afterBooking = server.allocator.changeSequence
            let cancel = try await server.send(
                .POST, "/v1/bookings/\(code)/cancel", key: server.keys[.portal], json: ["nik": TestServer.nik(41)],
                headers: [("Accept", "text/plain")])
            #expect(cancel.status == 406)
            #expect(server.allocator.changeSequence == afterBooking)
            let read = try await server.send(.GET, "/v1/bookings/\(code)", role: .desk)
            #expect(read.json["state"] as? String == "booked")
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
