import AntreanAllocator
import AntreanServer
import Foundation
import Testing

/// An Idempotency-Key retried gives the same booking, never two (issue 19).
@Suite("Idempotency-Key")
struct IdempotencyTests {
    @Test func aRetriedKeyAnswersTheSameBookingAndStoresOne() async throws {
        let server = try await TestServer()
        do {
            let body: [String: Any] = [
                "nik": TestServer.nik(7), "service": "ktp", "office": "kel-a", "start": "2026-11-24T09:00:00+08:00",
            ]
            let first = try await server.send(.POST, "/v1/bookings", role: .portal, json: body, idempotencyKey: "k-1")
            #expect(first.status == 201, "\(first.text)")
            let again = try await server.send(.POST, "/v1/bookings", role: .portal, json: body, idempotencyKey: "k-1")
            #expect(again.status == 200)
            #expect(again.json["code"] as? String == first.json["code"] as? String)
            // The same key with another request is refused, not answered with the first booking.
            var other = body
            other["start"] = "2026-11-24T09:15:00+08:00"
            let reused = try await server.send(.POST, "/v1/bookings", role: .portal, json: other, idempotencyKey: "k-1")
            #expect(reused.status == 422)
            #expect(reused.json["type"] as? String == "/problems/idempotency_key_reused")
            // Twenty concurrent retries of one new key: one booking.
            let racing: [String: Any] = [
                "nik": TestServer.nik(8), "service": "ktp", "office": "kel-a", "start": "2026-11-24T10:00:00+08:00",
            ]
            let racingBody = try JSONSerialization.data(withJSONObject: racing)
            let portalKey = server.keys[.portal]
            let codes = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let reply = try await server.send(
                            .POST, "/v1/bookings", key: portalKey, raw: racingBody,
                            headers: [("Idempotency-Key", "k-race")])
                        return (200...201).contains(reply.status) ? reply.json["code"] as? String : nil
                    }
                }
                var codes: [String?] = []
                for try await code in group { codes.append(code) }
                return codes
            }
            #expect(codes.count == 20)
            #expect(Set(codes.compactMap { $0 }).count == 1)
            #expect(codes.allSatisfy { $0 != nil })
            // Keys are scoped to the client: the call centre's "k-1" is a new booking.
            let assisted = try await server.send(
                .POST, "/v1/bookings", role: .callCentre,
                json: ["nik": TestServer.nik(9), "service": "ktp", "homeOffice": "kel-a"], idempotencyKey: "k-1")
            #expect(assisted.status == 201)
            #expect(assisted.json["assisted"] as? Bool == true)
            #expect(first.json["assisted"] as? Bool == false)
            let stored = server.allocator.read { $0.allBookings }
            #expect(stored.count == 3)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
