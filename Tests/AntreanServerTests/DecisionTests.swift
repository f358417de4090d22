import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanServer
import Foundation
import NIOHTTP1
import Testing

/// Every operation through HTTP gives the same decision as the library call (issue 19): one script of
/// operations runs against the server and against a twin `Allocator` built from the same configuration,
/// secrets and clock over its own store; each step's outcome (refusal code, or booking code and state,
/// or token) must agree.
@Suite("HTTP decisions equal library decisions")
struct DecisionTests {
    struct Outcome: Equatable, CustomStringConvertible {
        var refusal: String?
        var booking: String?
        var state: String?
        var extra: String?
        var description: String {
            "refusal=\(refusal ?? "-") booking=\(booking ?? "-") state=\(state ?? "-") \(extra ?? "")"
        }
    }

    static func outcome(_ reply: TestServer.Reply) -> Outcome {
        let json = reply.json
        if reply.status >= 400 { return Outcome(refusal: json["code"] as? String) }
        let booking = (json["booking"] as? [String: Any]) ?? json
        return Outcome(refusal: nil, booking: booking["code"] as? String, state: booking["state"] as? String)
    }

    static func outcome<T>(_ result: Result<T, AllocationRefusal>, _ record: (T) -> BookingRecord) -> Outcome {
        switch result {
        case .success(let value):
            let booking = record(value)
            return Outcome(refusal: nil, booking: String(booking.id.rawValue), state: booking.state.rawValue)
        case .failure(let refusal): return Outcome(refusal: refusal.code)
        }
    }

    @Test func aScriptOfOperationsGetsTheSameDecisionsOverHTTPAndFromTheLibrary() async throws {
        let server = try await TestServer()
        let twinFolder = server.folder.appendingPathComponent("twin")
        try FileManager.default.createDirectory(at: twinFolder, withIntermediateDirectories: true)
        let twinStore = try SQLiteAllocatorStore(path: twinFolder.appendingPathComponent("twin.sqlite").path)
        let twinClock = ManualClock(TestServer.monday0700)
        let twin = try Allocator(
            configuration: server.configuration,
            tokenSigner: try QRTokenSigner(keyID: "t1", keyBytes: server.signerKey),
            nikHasher: try NIKHasher(pepperBytes: server.pepper), store: twinStore, clock: twinClock)
        func at(_ text: String) throws -> Instant { try #require(Instant(iso8601: text)) }
        func citizen(_ n: Int) throws -> Citizen { try twin.citizen(nik: TestServer.nik(n)).get() }
        func slot(_ office: String, _ start: String) throws -> SlotRef {
            SlotRef(office: OfficeID(office), service: ServiceID("ktp"), start: try at(start))
        }
        func book(_ n: Int, _ office: String, _ start: String, key: String) async throws -> (Outcome, Outcome) {
            let http = try await server.send(
                .POST, "/v1/bookings", role: .portal,
                json: ["nik": TestServer.nik(n), "service": "ktp", "office": office, "start": start],
                idempotencyKey: key)
            let library = try await twin.book(
                try slot(office, start), for: try citizen(n), idempotencyKey: "test-portal/" + key)
            return (Self.outcome(http), Self.outcome(library, \.booking))
        }
        var steps: [(String, Outcome, Outcome)] = []
        func add(_ label: String, _ pair: (Outcome, Outcome)) { steps.append((label, pair.0, pair.1)) }
        do {
            add("book", try await book(1, "kel-a", "2026-11-23T09:00:00+08:00", key: "a"))
            add("book second", try await book(1, "kel-a", "2026-11-23T09:15:00+08:00", key: "b"))
            add("book over the NIK limit", try await book(1, "kel-a", "2026-11-23T09:30:00+08:00", key: "c"))
            add("book off the grid", try await book(2, "kel-a", "2026-11-23T09:07:00+08:00", key: "d"))
            add("book unknown office", try await book(2, "kel-z", "2026-11-23T09:00:00+08:00", key: "e"))
            add("book beyond the horizon", try await book(2, "kel-a", "2027-06-01T09:00:00+08:00", key: "f"))
            add("book on a Sunday", try await book(2, "kel-a", "2026-11-29T09:00:00+08:00", key: "g"))

            let hold = try await server.send(
                .POST, "/v1/holds", role: .portal,
                json: ["nik": TestServer.nik(3), "service": "ktp", "homeOffice": "kel-a"],
                idempotencyKey: "h")
            let twinHold = try await twin.place(
                PlacementRequest(
                    service: ServiceID("ktp"), homeOffice: OfficeID("kel-a"), citizen: try citizen(3), holdOnly: true,
                    idempotencyKey: "test-portal/h"))
            steps.append(("hold by placement", Self.outcome(hold), Self.outcome(twinHold, \.booking)))
            let held = try #require(hold.json["code"] as? String)
            let heldID = BookingID(try #require(UInt64(held)))
            for (label, n) in [("confirm by another NIK", 4), ("confirm", 3), ("confirm again", 3)] {
                let http = try await server.send(
                    .POST, "/v1/holds/\(held)/confirm", role: .portal, json: ["nik": TestServer.nik(n)])
                let library = try await twin.confirm(heldID, by: try citizen(n).nikHash)
                steps.append((label, Self.outcome(http), Self.outcome(library) { $0 }))
            }
            for label in ["cancel", "cancel again"] {
                let http = try await server.send(
                    .POST, "/v1/bookings/2/cancel", role: .portal, json: ["nik": TestServer.nik(1)])
                let library = try await twin.cancel(BookingID(2), by: try citizen(1).nikHash)
                steps.append((label, Self.outcome(http), Self.outcome(library) { $0 }))
            }
            let moved = try await server.send(
                .POST, "/v1/bookings/1/reschedule", role: .portal,
                json: ["nik": TestServer.nik(1), "office": "kel-a", "start": "2026-11-23T10:00:00+08:00"])
            let twinMoved = try await twin.reschedule(
                BookingID(1), to: try slot("kel-a", "2026-11-23T10:00:00+08:00"), by: try citizen(1).nikHash)
            steps.append(("reschedule", Self.outcome(moved), Self.outcome(twinMoved) { $0 }))

            let token = try await server.send(
                .POST, "/v1/bookings/1/token", role: .portal, json: ["nik": TestServer.nik(1)])
            let twinToken = try await twin.issueToken(for: BookingID(1))
            #expect(
                token.json["token"] as? String == (try? twinToken.get()),
                "the same token over HTTP and from the library")
            let tokenText = try #require(token.json["token"] as? String)

            for time in ["2026-11-23T09:45:00+08:00"] {
                server.clock.set(try at(time))
                twinClock.set(try at(time))
            }
            for (label, office) in [
                ("check in at the wrong office", "kel-b"), ("check in", "kel-a"), ("check in again", "kel-a"),
            ] {
                let http = try await server.send(
                    .POST, "/v1/offices/\(office)/check-ins", role: .kiosk, json: ["token": tokenText])
                let library = try await twin.checkIn(token: tokenText, at: OfficeID(office))
                steps.append((label, Self.outcome(http), Self.outcome(library, \.booking)))
            }
            let desk = try await server.send(
                .POST, "/v1/offices/kel-a/check-ins", role: .desk, json: ["code": held, "nik": TestServer.nik(3)])
            let twinDesk = try await twin.checkIn(booking: heldID, nik: try citizen(3).nikHash, at: OfficeID("kel-a"))
            steps.append(("desk check-in", Self.outcome(desk), Self.outcome(twinDesk, \.booking)))
            #expect(
                desk.json["timing"] as? String
                    == {
                        if case .success(let r) = twinDesk, case .requeued = r.timing { "requeued" } else { "on_time" }
                    }())

            let walkIn = try await server.send(
                .POST, "/v1/offices/kel-a/walk-ins", role: .kiosk, json: ["nik": TestServer.nik(5), "service": "ktp"])
            let twinWalkIn = try await twin.registerWalkIn(
                office: OfficeID("kel-a"), service: ServiceID("ktp"), citizen: try citizen(5))
            steps.append(("walk-in", Self.outcome(walkIn), Self.outcome(twinWalkIn, \.booking)))

            for (label, query) in [("office", "office=kel-a"), ("kecamatan", "kecamatan=k1")] {
                let http = try await server.send(.GET, "/v1/availability?service=ktp&\(query)&limit=7", role: .portal)
                let slots = (http.json["slots"] as? [[String: Any]] ?? []).map {
                    "\($0["office"] ?? "")@\($0["start"] ?? "")=\($0["remaining"] ?? "")"
                }
                let library =
                    label == "office"
                    ? try await twin.availability(service: ServiceID("ktp"), offices: [OfficeID("kel-a")], limit: 7)
                    : try await twin.availability(service: ServiceID("ktp"), kecamatan: KecamatanID("k1"), limit: 7)
                let expected = library.map { "\($0.slot.office)@\(Self.local($0.slot.start))=\($0.remaining)" }
                #expect(slots == expected, "availability by \(label)")
                #expect(slots.count == 7)
            }
        } catch {
            try await server.stop()
            twinStore.close()
            throw error
        }
        try await server.stop()
        twinStore.close()
        #expect(steps.count == 19)
        for (label, http, library) in steps { #expect(http == library, "\(label): HTTP \(http), library \(library)") }
        // The script meets refusals as well as successes, so the comparison is not only of the happy path.
        #expect(Set(steps.compactMap(\.1.refusal)).count >= 8)
    }

    /// WITA text of an instant, as the API writes it.
    static func local(_ instant: Instant) -> String {
        let shifted = instant.adding(seconds: 8 * 3600).description
        return String(shifted.dropLast()) + "+08:00"
    }
}
