import AntreanAllocator
import Foundation
import Hummingbird
import NIOHTTP1
import Testing

@testable import AntreanServer

/// The availability fast path (`AvailabilityRoute`, `AvailabilityCache`, `AvailabilityJSON`) answers
/// exactly what the generated operation answers, and a change to the allocator or the next second
/// makes a new answer.
@Suite("Availability fast path")
struct AvailabilityRouteTests {
    /// `Accept` with a weight is not one the fast path takes on: the request goes to the generated operation.
    static let generatedPath: [(String, String)] = [("Accept", "application/json, */*;q=0.5")]

    /// The counters of the availability cache in /metrics: (hits, misses).
    static func cacheCounters(_ server: TestServer) async throws -> (hits: Int, misses: Int) {
        let text = try await server.send(.GET, "/metrics").text
        func value(_ result: String) -> Int {
            let prefix = "antrean_availability_cache_total{result=\"\(result)\"} "
            let line = text.split(separator: "\n").first { $0.hasPrefix(prefix) }
            return line.flatMap { Double($0.dropFirst(prefix.count)) }.map { Int($0) } ?? -1
        }
        return (value("hit"), value("miss"))
    }

    static func decoded(_ body: Data) throws -> Components.Schemas.AvailabilityList {
        try JSONDecoder().decode(Components.Schemas.AvailabilityList.self, from: body)
    }

    @Test func theHandWrittenBodyDecodesToWhatTheGeneratedEncoderWritesForRandomAnswers() throws {
        var generator = SplitMix64(seed: 1919)
        let formats = FieldFormats(timeZone: .wita)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let names = ["kel-a", "kel \"quoted\"", "back\\slash", "ünïcödé-ñ", "tab\there", "ctl\u{01}\u{1F}", "a/b", ""]
        for _ in 0..<500 {
            let count = Int.random(in: 0...12, using: &generator)
            let slots = (0..<count).map { _ in
                let utilization: Double =
                    switch Int.random(in: 0..<5, using: &generator) {
                    case 0: 0
                    case 1: 1
                    case 2: Double(Int.random(in: 0...64, using: &generator)) / 64
                    case 3: Double.random(in: 0...1e-6, using: &generator)
                    default: Double.random(in: 0...1, using: &generator)
                    }
                return SlotAvailability(
                    slot: SlotRef(
                        office: OfficeID(names.randomElement(using: &generator) ?? ""),
                        service: ServiceID(names.randomElement(using: &generator) ?? ""),
                        start: Instant(secondsSinceEpoch: Int64.random(in: 0...4_000_000_000, using: &generator))),
                    remaining: Int.random(in: 0...5000, using: &generator), dayUtilization: utilization)
            }
            let generated = Components.Schemas.AvailabilityList(
                slots: slots.map {
                    .init(
                        office: $0.slot.office.rawValue, service: $0.slot.service.rawValue,
                        start: formats.text($0.slot.start), remaining: $0.remaining, dayUtilization: $0.dayUtilization)
                })
            let hand = try #require(AvailabilityJSON.body(slots, formats: formats))
            #expect(try Self.decoded(Data(hand)) == generated)
            #expect(try Self.decoded(encoder.encode(generated)) == generated)
        }
        #expect(
            AvailabilityJSON.body([], formats: formats).map { String(decoding: $0, as: UTF8.self) } == #"{"slots":[]}"#)
        let nan = SlotAvailability(
            slot: SlotRef(office: OfficeID("a"), service: ServiceID("b"), start: Instant(secondsSinceEpoch: 0)),
            remaining: 1, dayUtilization: .nan)
        #expect(AvailabilityJSON.body([nan], formats: formats) == nil)
    }

    /// Rate limits out of the way of many requests in a row.
    static var unlimited: AntreanHTTPServer.Settings {
        var settings = AntreanHTTPServer.Settings()
        settings.keyRate = .init(ratePerSecond: 1_000_000, burst: 1_000_000)
        return settings
    }

    @Test func theFastPathAnswersWhatTheGeneratedOperationAnswersThroughRandomChanges() async throws {
        let server = try await TestServer(slotCapacity: 4, settings: Self.unlimited)
        var generator = SplitMix64(seed: 2026)
        var booked: [(code: String, nik: String)] = []
        var citizen = 0
        let starts = (0..<32).map {
            "2026-11-23T\(8 + $0 / 4 < 10 ? "0" : "")\(8 + $0 / 4):\(["00", "15", "30", "45"][$0 % 4]):00+08:00"
        }
        for step in 0..<120 {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0, 1, 2:
                citizen += 1
                let reply = try await server.send(
                    .POST, "/v1/bookings", role: .portal,
                    json: [
                        "nik": TestServer.nik(citizen), "service": "ktp",
                        "office": ["kel-a", "kel-b"].randomElement(using: &generator) ?? "kel-a",
                        "start": starts.randomElement(using: &generator) ?? starts[0],
                    ], idempotencyKey: "k\(step)")
                if reply.status == 201, let code = reply.json["code"] as? String {
                    booked.append((code, TestServer.nik(citizen)))
                }
            case 3 where !booked.isEmpty:
                let victim = booked.remove(at: Int.random(in: 0..<booked.count, using: &generator))
                _ = try await server.send(
                    .POST, "/v1/bookings/\(victim.code)/cancel", role: .portal, json: ["nik": victim.nik])
            case 4: server.clock.advance(seconds: Int64.random(in: 1...900, using: &generator))
            default: break
            }
            var query = "service=ktp"
            query +=
                Bool.random(using: &generator)
                ? "&office=kel-\(Bool.random(using: &generator) ? "a" : "b")" : "&kecamatan=k1"
            if Bool.random(using: &generator) { query += "&limit=\(Int.random(in: 1...40, using: &generator))" }
            if Bool.random(using: &generator) { query += "&priority=\(Bool.random(using: &generator))" }
            if Bool.random(using: &generator) { query += "&date=2026-11-2\(Int.random(in: 3...6, using: &generator))" }
            let before = try await Self.cacheCounters(server)
            let fast = try await server.send(.GET, "/v1/availability?" + query, key: server.keys[.portal])
            let after = try await Self.cacheCounters(server)
            let generated = try await server.send(
                .GET, "/v1/availability?" + query, key: server.keys[.portal], headers: Self.generatedPath)
            let again = try await Self.cacheCounters(server)
            #expect(fast.status == 200 && generated.status == 200, "\(query)")
            #expect(try Self.decoded(fast.body) == Self.decoded(generated.body), "\(query)")
            #expect(fast.headers["Content-Type"] == generated.headers["Content-Type"])
            // The first read went through the fast path (one cache lookup), the second did not.
            #expect(after.hits + after.misses == before.hits + before.misses + 1, "\(query)")
            #expect(again.hits + again.misses == after.hits + after.misses, "\(query)")
        }
        try await server.stop()
    }

    @Test func aBookingACancellationAndTheNextSecondMakeANewAnswer() async throws {
        let server = try await TestServer(slotCapacity: 4, settings: Self.unlimited)
        let path = "/v1/availability?service=ktp&office=kel-a&limit=3"
        func firstSlot() async throws -> (start: String, remaining: Int) {
            let reply = try await server.send(.GET, path, key: server.keys[.portal])
            let slot = try #require(try Self.decoded(reply.body).slots.first)
            return (slot.start, slot.remaining)
        }
        let start = try await Self.cacheCounters(server)
        let first = try await firstSlot()
        #expect(try await firstSlot() == first)
        var counters = try await Self.cacheCounters(server)
        #expect(counters.misses == start.misses + 1 && counters.hits == start.hits + 1)
        let booking = try await server.send(
            .POST, "/v1/bookings", role: .portal,
            json: ["nik": TestServer.nik(1), "service": "ktp", "office": "kel-a", "start": first.start],
            idempotencyKey: "one")
        #expect(booking.status == 201)
        let afterBooking = try await firstSlot()
        #expect(afterBooking.start == first.start && afterBooking.remaining == first.remaining - 1)
        let code = try #require(booking.json["code"] as? String)
        let cancel = try await server.send(
            .POST, "/v1/bookings/\(code)/cancel", role: .portal, json: ["nik": TestServer.nik(1)])
        #expect(cancel.status == 200)
        #expect(try await firstSlot() == first)
        counters = try await Self.cacheCounters(server)
        #expect(try await firstSlot() == first)
        server.clock.advance(seconds: 1)
        #expect(try await firstSlot() == first)
        let last = try await Self.cacheCounters(server)
        // The same second and version: a hit; one second later: a miss.
        #expect(last.hits == counters.hits + 1 && last.misses == counters.misses + 1)
        try await server.stop()
    }

    @Test func requestsTheFastPathDoesNotTakeOnGetTheGeneratedAnswerAndOneTokenEach() async throws {
        var settings = AntreanHTTPServer.Settings()
        settings.keyRate = .init(ratePerSecond: 0.001, burst: 6)
        let server = try await TestServer(settings: settings)
        let key = server.keys[.portal]
        let plain = "/v1/availability?service=ktp&office=kel-a"
        let cases: [(path: String, headers: [(String, String)], status: Int)] = [
            (plain, [], 200),
            (plain + "&office=kel-b", [], 200),  // a parameter given twice
            ("/v1/availability?service=ktp&office=kel%2Da", [], 200),  // percent-encoded
            (plain + "&limit=0", [], 400),  // refused by the operation
            ("/v1/availability?service=ktp&office=kel-zzz", [], 404),
            (plain, [("Accept", "application/json;q=0.9")], 200),
        ]
        for (path, headers, status) in cases {
            let reply = try await server.send(.GET, path, key: key, headers: headers)
            #expect(reply.status == status, "\(path) \(headers)")
        }
        // Six tokens, one per request above: the next read finds the bucket empty.
        let limited = try await server.send(.GET, plain, key: key)
        #expect(limited.status == 429)
        #expect(limited.headers["Retry-After"].first != nil)
        // A key that is not allowed the operation, and no key, are refused as by the generated path.
        #expect(try await server.send(.GET, plain, key: server.keys[.display]).status == 403)
        #expect(try await server.send(.GET, plain).status == 401)
        try await server.stop()
    }

    @Test func queryParsingTakesOnlyPlainSingleKnownParameters() {
        func parse(_ query: String) -> AvailabilityParameters? { AvailabilityParameters(query: query[...]) }
        #expect(
            parse("service=ktp&office=kel-a&limit=25&priority=true&date=2026-11-23")
                == .init(
                    service: "ktp", office: "kel-a", kecamatan: nil, date: "2026-11-23", priority: true, limit: 25))
        #expect(parse("") == .init())
        #expect(parse("limit=7") == .init(limit: 7))
        #expect(parse("kecamatan=k1&service=ktp") == .init(service: "ktp", kecamatan: "k1"))
        for rejected in [
            "service=ktp&service=kk", "service=ktp&foo=1", "service=k%74p", "service=k+tp", "service=", "service",
            "service=ktp&priority=yes", "service=ktp&limit=1000", "service=ktp&limit=-1", "service=ktp&&office=a",
            "service=ktp&", "&service=ktp", "=ktp", "service=ktp=kk&office=a", "service=ktp#x", "sérvice=ktp",
        ] {
            #expect(parse(rejected) == nil, "\(rejected)")
        }
    }
}
