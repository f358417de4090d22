import AntreanServer
import Foundation
import NIOHTTP1
import Testing

/// Each role may call exactly its operations (issue 19): any other answers 403; a missing, unknown or
/// revoked key answers 401; the operational endpoints need no key.
@Suite("client keys and roles")
struct RoleTests {
    /// One request per operation of openapi.yaml that needs a key, by operation id.
    static var calls: [(operation: String, method: HTTPMethod, path: String, body: [String: Any]?, idempotent: Bool)] {
        [
            ("listOffices", .GET, "/v1/offices", nil, false),
            ("getOffice", .GET, "/v1/offices/kel-a", nil, false),
            ("getAppointmentGrid", .GET, "/v1/offices/kel-a/grid?service=ktp&date=2026-11-24", nil, false),
            ("getAvailability", .GET, "/v1/availability?service=ktp&office=kel-a", nil, false),
            (
                "createHold", .POST, "/v1/holds", ["nik": TestServer.nik(1), "service": "ktp", "homeOffice": "kel-a"],
                true
            ),
            ("confirmHold", .POST, "/v1/holds/999/confirm", ["nik": TestServer.nik(1)], false),
            (
                "createBooking", .POST, "/v1/bookings",
                ["nik": TestServer.nik(2), "service": "ktp", "homeOffice": "kel-a"], true
            ),
            ("getBooking", .GET, "/v1/bookings/999", nil, false),
            ("cancelBooking", .POST, "/v1/bookings/999/cancel", ["nik": TestServer.nik(1)], false),
            (
                "rescheduleBooking", .POST, "/v1/bookings/999/reschedule",
                ["nik": TestServer.nik(1), "office": "kel-a", "start": "2026-11-24T08:00:00+08:00"], false
            ),
            ("issueToken", .POST, "/v1/bookings/999/token", ["nik": TestServer.nik(1)], false),
            ("checkIn", .POST, "/v1/offices/kel-a/check-ins", ["token": "AQ2.notatoken"], false),
            (
                "registerWalkIn", .POST, "/v1/offices/kel-a/walk-ins", ["nik": TestServer.nik(3), "service": "ktp"],
                false
            ),
            ("getQueue", .GET, "/v1/offices/kel-a/queue?service=ktp", nil, false),
            ("callNext", .POST, "/v1/offices/kel-a/queue/call", ["service": "ktp"], false),
        ]
    }

    static let allowed: [ClientRole: Set<String>] = [
        .portal: [
            "listOffices", "getOffice", "getAppointmentGrid", "getAvailability", "createHold", "confirmHold",
            "createBooking", "getBooking", "cancelBooking", "rescheduleBooking", "issueToken", "getQueue",
        ],
        .callCentre: [
            "listOffices", "getOffice", "getAppointmentGrid", "getAvailability", "createHold", "confirmHold",
            "createBooking", "getBooking", "cancelBooking", "rescheduleBooking", "issueToken", "getQueue",
        ],
        .desk: [
            "listOffices", "getOffice", "getAppointmentGrid", "getAvailability", "getBooking", "cancelBooking",
            "rescheduleBooking", "issueToken", "checkIn", "registerWalkIn", "getQueue", "callNext",
        ],
        .kiosk: ["checkIn", "registerWalkIn"],
        .display: ["getQueue"],
        .admin: Set(calls.map(\.operation)),
    ]

    @Test func everyRoleIsRefusedOutsideItsOperationsAndAdmittedInside() async throws {
        let server = try await TestServer()
        do {
            var idempotency = 0
            for role in ClientRole.allCases {
                for call in Self.calls {
                    idempotency += 1
                    let reply = try await server.send(
                        call.method, call.path, role: role, json: call.body,
                        idempotencyKey: call.idempotent ? "role-\(idempotency)" : nil)
                    let allowed = Self.allowed[role]?.contains(call.operation) == true
                    if allowed {
                        #expect(
                            reply.status != 403 && reply.status != 401 && reply.status < 500,
                            "\(role.rawValue) \(call.operation): \(reply.status) \(reply.text)")
                    } else {
                        #expect(reply.status == 403, "\(role.rawValue) \(call.operation): \(reply.status)")
                        #expect(reply.json["type"] as? String == "/problems/forbidden")
                        #expect(reply.headers["Content-Type"].first == "application/problem+json")
                    }
                }
            }
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func missingUnknownAndRevokedKeysAre401AndOperationalEndpointsAreOpen() async throws {
        let server = try await TestServer()
        do {
            let noKey = try await server.send(.GET, "/v1/offices")
            #expect(noKey.status == 401)
            #expect(noKey.json["type"] as? String == "/problems/unauthenticated")
            let portal = try #require(server.keys[.portal])
            // The same id with another secret: the hash does not match.
            let forged = String(portal.prefix(17)) + String(repeating: "A", count: portal.count - 17)
            #expect(try await server.send(.GET, "/v1/offices", key: forged).status == 401)
            #expect(try await server.send(.GET, "/v1/offices", key: "antrean_00000000_x").status == 401)
            #expect(try await server.send(.GET, "/v1/offices", key: portal).status == 200)

            var file = try ClientKeyFile.load(path: server.keysPath)
            let id = try #require(server.keyRecords[.portal]?.id)
            let index = try #require(file.keys.firstIndex { $0.id == id })
            file.keys[index].revokedAt = "2026-11-23T00:00:00Z"
            try file.save(path: server.keysPath)
            server.server.reloadKeys()
            let revoked = try await server.send(.GET, "/v1/offices", key: portal)
            #expect(revoked.status == 401)
            #expect(try await server.send(.GET, "/v1/offices", key: server.keys[.desk]).status == 200)

            for path in ["/healthz", "/readyz", "/metrics", "/openapi.yaml"] {
                #expect(try await server.send(.GET, path).status == 200, "\(path)")
            }
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
