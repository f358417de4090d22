import AntreanAllocator
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

@testable import AntreanServer

/// The direct booking route (`BookingRoute`, `BookingRequestJSON`, `BookingJSON`) answers exactly what
/// the generated `createBooking` operation answers: two servers with the same seed, clock and
/// configuration, one with the route and one without, get the same requests in the same order, and
/// every answer (status, headers but the request id, body bytes), the booking events and the booking
/// and refusal counters in /metrics must be equal.
@Suite("Direct booking route")
struct BookingRouteTests {
    /// One request of the script: who sends it, its headers and body, and whether the direct route
    /// takes it on (else it goes on to the generated operation on both servers).
    struct Exchange: CustomStringConvertible {
        var label: String
        var role: ClientRole? = .portal
        var key: String?
        var idempotencyKey: String?
        var contentType: String? = "application/json"
        var headers: [(String, String)] = []
        var body: String
        var direct: Bool
        var description: String { label }
    }

    /// Records the events a server publishes, in order.
    final class EventLog: BookingEventSink {
        let events = Mutex<[AntreanServer.BookingEvent]>([])
        func publish(_ events: [AntreanServer.BookingEvent]) async { self.events.withLock { $0 += events } }
    }

    struct Pair {
        var direct: TestServer
        var generated: TestServer
        var directEvents: EventLog
        var generatedEvents: EventLog

        init(settings: AntreanHTTPServer.Settings) async throws {
            var withRoute = settings
            withRoute.directBookingRoute = true
            var withoutRoute = settings
            withoutRoute.directBookingRoute = false
            directEvents = EventLog()
            generatedEvents = EventLog()
            direct = try await TestServer(slotCapacity: 2, settings: withRoute, events: directEvents)
            generated = try await TestServer(slotCapacity: 2, settings: withoutRoute, events: generatedEvents)
        }

        func stop() async throws {
            try await direct.stop()
            try await generated.stop()
        }
    }

    static func send(_ exchange: Exchange, to server: TestServer) async throws -> TestServer.Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/v1/bookings")
        request.method = .POST
        if let key = exchange.key ?? exchange.role.flatMap({ server.keys[$0] }) {
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
        }
        if let idempotencyKey = exchange.idempotencyKey {
            request.headers.add(name: "Idempotency-Key", value: idempotencyKey)
        }
        if let contentType = exchange.contentType { request.headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in exchange.headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: exchange.body))
        let response = try await server.client.execute(request, timeout: .seconds(120))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        return TestServer.Reply(
            status: Int(response.status.code), headers: response.headers, body: Data(buffer: buffer))
    }

    /// The headers as "name: value" in order, without the two that differ between any two answers: the
    /// request id (new for each request) and Hummingbird's `Date` (the second the answer was sent).
    static func comparable(_ headers: HTTPHeaders) -> [String] {
        headers.filter { !["x-request-id", "date"].contains($0.name.lowercased()) }
            .map { "\($0.name.lowercased()): \($0.value)" }
    }

    /// Whether `BookingRoute` takes the request on, from its own checks of the headers and the body.
    static func takenOn(_ exchange: Exchange) -> Bool {
        var fields = HTTPFields()
        if let contentType = exchange.contentType { fields.append(.init(name: .contentType, value: contentType)) }
        if let idempotencyKey = exchange.idempotencyKey, let name = HTTPField.Name("Idempotency-Key") {
            fields.append(.init(name: name, value: idempotencyKey))
        }
        for (name, value) in exchange.headers {
            if let name = HTTPField.Name(name) { fields.append(.init(name: name, value: value)) }
        }
        typealias Route = BookingRoute<BasicRequestContext>
        let body = Array(exchange.body.utf8).withUnsafeBytes { BookingRequestJSON.parse($0) }
        return Route.plainHeaders(fields) && Route.idempotencyKey(fields) != nil && body != nil
    }

    /// Sends every exchange to both servers and compares the answers; returns the direct server's.
    @discardableResult
    static func compare(_ exchanges: [Exchange], on pair: Pair) async throws -> [TestServer.Reply] {
        var replies: [TestServer.Reply] = []
        for exchange in exchanges {
            #expect(takenOn(exchange) == exchange.direct, "\(exchange)")
            let direct = try await send(exchange, to: pair.direct)
            let generated = try await send(exchange, to: pair.generated)
            #expect(direct.status == generated.status, "\(exchange): \(direct.status) \(generated.status)")
            #expect(comparable(direct.headers) == comparable(generated.headers), "\(exchange)")
            #expect(direct.body == generated.body, "\(exchange): \(direct.text) | \(generated.text)")
            replies.append(direct)
        }
        #expect(pair.directEvents.events.withLock { $0 } == pair.generatedEvents.events.withLock { $0 })
        let directCounters = try await counters(pair.direct)
        let generatedCounters = try await counters(pair.generated)
        #expect(directCounters == generatedCounters, "\(directCounters) | \(generatedCounters)")
        return replies
    }

    /// The booking and refusal counter lines of /metrics, sorted (the registry lists the series in the
    /// order they were first counted).
    static func counters(_ server: TestServer) async throws -> [String] {
        try await server.send(.GET, "/metrics").text.split(separator: "\n")
            .filter { $0.hasPrefix("antrean_bookings_total") || $0.hasPrefix("antrean_refusals_total") }
            .map(String.init).sorted()
    }

    static func body(_ members: String) -> String { "{" + members + "}" }

    @Test func everyKindOfBookingRequestGetsTheSameAnswerOnBothPaths() async throws {
        var settings = AntreanHTTPServer.Settings()
        settings.keyRate = .init(ratePerSecond: 1_000_000, burst: 1_000_000)
        // Two bookings per account, then 429 with Retry-After capped at an hour (the same on both servers).
        settings.accountRate = .init(ratePerSecond: 1e-9, burst: 2)
        let pair = try await Pair(settings: settings)
        let nik = (1...12).map { TestServer.nik($0) }
        let slot = #""service":"ktp","office":"kel-a","start":"2026-11-24T09:00:00+08:00""#
        let long = String(repeating: "a", count: 129)
        var script: [Exchange] = [
            .init(
                label: "given slot", idempotencyKey: "k1", body: Self.body(#""nik":"\#(nik[0])",\#(slot)"#),
                direct: true),
            .init(label: "retry", idempotencyKey: "k1", body: Self.body(#""nik":"\#(nik[0])",\#(slot)"#), direct: true),
            .init(
                label: "retry, spaced and reordered", idempotencyKey: "k1",
                body:
                    " {\n\t\"start\" : \"2026-11-24T09:00:00+08:00\", \"office\":\"kel-a\",\r\n\"service\":\"ktp\",\"nik\":\"\(nik[0])\"} ",
                direct: true),
            .init(
                label: "key reused for another request", idempotencyKey: "k1",
                body: Self.body(#""nik":"\#(nik[1])",\#(slot)"#), direct: true),
            .init(
                label: "second place", idempotencyKey: "k2", body: Self.body(#""nik":"\#(nik[1])",\#(slot)"#),
                direct: true),
            .init(
                label: "slot full", idempotencyKey: "k3", body: Self.body(#""nik":"\#(nik[2])",\#(slot)"#), direct: true
            ),
            .init(
                label: "slot full, in Indonesian", idempotencyKey: "k3b", headers: [("Accept-Language", "id")],
                body: Self.body(#""nik":"\#(nik[2])",\#(slot)"#), direct: true),
            .init(
                label: "placed from home", idempotencyKey: "k4",
                body: Self.body(#""nik":"\#(nik[2])","service":"ktp","homeOffice":"kel-b""#),
                direct: true),
            .init(
                label: "placed not before", idempotencyKey: "k5",
                body: Self.body(
                    #""nik":"\#(nik[3])","service":"ktp","homeOffice":"kel-a","notBefore":"2026-11-25T10:00:00+08:00""#),
                direct: true),
            .init(
                label: "priority with account", idempotencyKey: "k6",
                body: Self.body(
                    #""nik":"\#(nik[4])","service":"ktp","homeOffice":"kel-a","account":"acct-1","priority":true"#),
                direct: true),
            .init(
                label: "account's second", idempotencyKey: "k7",
                body: Self.body(
                    #""nik":"\#(nik[5])","service":"ktp","homeOffice":"kel-a","account":"acct-1","priority":false"#),
                direct: true),
            .init(
                label: "account over its rate", idempotencyKey: "k8",
                body: Self.body(#""nik":"\#(nik[6])","service":"ktp","homeOffice":"kel-a","account":"acct-1""#),
                direct: true
            ),
            .init(
                label: "112 on a citizen's behalf", role: .callCentre, idempotencyKey: "k1",
                body: Self.body(#""nik":"\#(nik[7])","service":"ktp","homeOffice":"kel-b""#), direct: true),
            .init(
                label: "112 retry", role: .callCentre, idempotencyKey: "k1",
                body: Self.body(#""nik":"\#(nik[7])","service":"ktp","homeOffice":"kel-b""#), direct: true),
            .init(
                label: "admin", role: .admin, idempotencyKey: "k9",
                body: Self.body(#""nik":"\#(nik[8])","service":"ktp","homeOffice":"kel-b""#), direct: true),
            .init(
                label: "a NIK's second booking", idempotencyKey: "k10",
                body: Self.body(#""nik":"\#(nik[0])","service":"ktp","homeOffice":"kel-a""#), direct: true),
            .init(
                label: "a NIK's third active booking", idempotencyKey: "k11",
                body: Self.body(#""nik":"\#(nik[0])","service":"ktp","homeOffice":"kel-b""#), direct: true),
            .init(
                label: "invalid NIK", idempotencyKey: "k12", body: Self.body(#""nik":"1234567890123456",\#(slot)"#),
                direct: true),
            .init(label: "empty NIK", idempotencyKey: "k13", body: Self.body(#""nik":"",\#(slot)"#), direct: true),
            .init(
                label: "unknown office", idempotencyKey: "k14",
                body: Self.body(
                    #""nik":"\#(nik[9])","service":"ktp","office":"kel-zzz","start":"2026-11-24T09:00:00+08:00""#),
                direct: true),
            .init(
                label: "unknown service", idempotencyKey: "k15",
                body: Self.body(#""nik":"\#(nik[9])","service":"sim","homeOffice":"kel-a""#), direct: true),
            .init(
                label: "not on the grid", idempotencyKey: "k16",
                body: Self.body(
                    #""nik":"\#(nik[9])","service":"ktp","office":"kel-a","start":"2026-11-24T09:07:00+08:00""#),
                direct: true),
            .init(
                label: "outside the booking window", idempotencyKey: "k17",
                body: Self.body(
                    #""nik":"\#(nik[9])","service":"ktp","office":"kel-a","start":"2027-03-01T09:00:00+08:00""#),
                direct: true),
            .init(
                label: "start not an instant", idempotencyKey: "k18",
                body: Self.body(#""nik":"\#(nik[9])","service":"ktp","office":"kel-a","start":"tomorrow at nine""#),
                direct: true),
            .init(
                label: "office without start", idempotencyKey: "k19",
                body: Self.body(#""nik":"\#(nik[9])","service":"ktp","office":"kel-a""#), direct: true),
            .init(
                label: "start without office", idempotencyKey: "k20",
                body: Self.body(#""nik":"\#(nik[9])","service":"ktp","start":"2026-11-24T09:00:00+08:00""#),
                direct: true),
            .init(
                label: "slot and home", idempotencyKey: "k21",
                body: Self.body(#""nik":"\#(nik[9])",\#(slot),"homeOffice":"kel-a""#), direct: true),
            .init(
                label: "no slot, no home", idempotencyKey: "k22",
                body: Self.body(#""nik":"\#(nik[9])","service":"ktp""#),
                direct: true),
            .init(
                label: "notBefore not an instant", idempotencyKey: "k23",
                body: Self.body(#""nik":"\#(nik[9])","service":"ktp","homeOffice":"kel-a","notBefore":"soon""#),
                direct: true
            ),
            .init(
                label: "account too long", idempotencyKey: "k24",
                body: Self.body(#""nik":"\#(nik[9])","service":"ktp","homeOffice":"kel-a","account":"\#(long)""#),
                direct: true),
            .init(
                label: "account empty", idempotencyKey: "k25",
                body: Self.body(#""nik":"\#(nik[9])","service":"ktp","homeOffice":"kel-a","account":"""#), direct: true),
            .init(
                label: "Idempotency-Key too long", idempotencyKey: long,
                body: Self.body(#""nik":"\#(nik[9])","service":"ktp","homeOffice":"kel-a""#), direct: true),
            .init(
                label: "Accept JSON", idempotencyKey: "k26", headers: [("Accept", "application/json")],
                body: Self.body(#""nik":"\#(nik[9])","service":"ktp","homeOffice":"kel-a""#), direct: true),
            .init(label: "empty object", idempotencyKey: "k27", body: "{}", direct: false),
        ]
        // Refused before the body is looked at, on both paths.
        let plain = Self.body(#""nik":"\#(nik[10])","service":"ktp","homeOffice":"kel-a""#)
        script += [
            .init(label: "display key", role: .display, idempotencyKey: "r1", body: plain, direct: true),
            .init(label: "kiosk key", role: .kiosk, idempotencyKey: "r2", body: plain, direct: true),
            .init(label: "desk key", role: .desk, idempotencyKey: "r3", body: plain, direct: true),
            .init(label: "no key", role: nil, idempotencyKey: "r4", body: plain, direct: true),
            .init(label: "unknown key", role: nil, key: "not-a-key", idempotencyKey: "r5", body: plain, direct: true),
        ]
        // Not taken on: the generated operation answers (the malformed ones with their pointers).
        let others: [(String, String)] = [
            ("not JSON", "{not json"),
            ("nik a number", #"{"nik":1234,"service":"ktp","homeOffice":"kel-a"}"#),
            ("priority a string", #"{"nik":"\#(nik[11])","service":"ktp","homeOffice":"kel-a","priority":"yes"}"#),
            ("priority a number", #"{"nik":"\#(nik[11])","service":"ktp","homeOffice":"kel-a","priority":1}"#),
            ("null member", #"{"nik":"\#(nik[11])","service":"ktp","homeOffice":"kel-a","account":null}"#),
            ("nik missing", #"{"service":"ktp","homeOffice":"kel-a"}"#),
            ("service missing", #"{"nik":"\#(nik[11])","homeOffice":"kel-a"}"#),
            ("unknown member", #"{"nik":"\#(nik[11])","service":"ktp","homeOffice":"kel-a","colour":"red"}"#),
            ("escaped string", #"{"nik":"\#(nik[11])","service":"k\u0074p","homeOffice":"kel-a"}"#),
            ("repeated member", #"{"nik":"\#(nik[11])","service":"ktp","service":"ktp","homeOffice":"kel-a"}"#),
            ("nested value", #"{"nik":"\#(nik[11])","service":"ktp","homeOffice":{"id":"kel-a"}}"#),
            ("non-ASCII", #"{"nik":"\#(nik[11])","service":"ktp","homeOffice":"kel-ä"}"#),
            ("trailing bytes", #"{"nik":"\#(nik[11])","service":"ktp","homeOffice":"kel-a"}x"#),
            ("an array", #"[{"nik":"\#(nik[11])","service":"ktp","homeOffice":"kel-a"}]"#),
            ("trailing comma", #"{"nik":"\#(nik[11])","service":"ktp","homeOffice":"kel-a",}"#),
            ("empty body", ""),
        ]
        script += others.enumerated().map { index, item in
            Exchange(label: item.0, idempotencyKey: "m\(index)", body: item.1, direct: false)
        }
        let good = Self.body(#""nik":"\#(nik[11])","service":"ktp","homeOffice":"kel-a""#)
        script += [
            .init(label: "no Idempotency-Key", idempotencyKey: nil, body: good, direct: false),
            .init(label: "empty Idempotency-Key", idempotencyKey: "", body: good, direct: false),
            .init(label: "percent in the key", idempotencyKey: "a%20b", body: good, direct: false),
            .init(label: "plus in the key", idempotencyKey: "a+b", body: good, direct: false),
            .init(
                label: "two keys", idempotencyKey: "h1", headers: [("Idempotency-Key", "h2")], body: good, direct: false
            ),
            .init(
                label: "charset", idempotencyKey: "h3", contentType: "application/json; charset=utf-8", body: good,
                direct: false),
            .init(label: "no Content-Type", idempotencyKey: "h4", contentType: nil, body: good, direct: false),
            .init(label: "text/plain", idempotencyKey: "h5", contentType: "text/plain", body: good, direct: false),
            .init(
                label: "Accept text", idempotencyKey: "h6", headers: [("Accept", "text/plain")], body: good,
                direct: false),
            .init(
                label: "Accept with weights", idempotencyKey: "h7",
                headers: [("Accept", "application/json, */*;q=0.5")],
                body: Self.body(#""nik":"\#(TestServer.nik(13))","service":"ktp","homeOffice":"kel-b""#), direct: false),
            .init(
                label: "forbidden and malformed", role: .display, idempotencyKey: "h8", body: "{not json", direct: false
            ),
        ]
        do {
            let replies = try await Self.compare(script, on: pair)
            // The script reaches what it is meant to: each status class, an assisted booking, a retry.
            let statuses = Set(replies.map(\.status))
            #expect(statuses.isSuperset(of: [200, 201, 400, 401, 403, 404, 409, 422, 429]), "\(statuses.sorted())")
            #expect(replies[12].json["assisted"] as? Bool == true && replies[13].status == 200)
            #expect(replies[11].headers["Retry-After"].first == "3600")
        } catch {
            try await pair.stop()
            throw error
        }
        try await pair.stop()
    }

    @Test func theKeysRateLimitAnswersTheSameOnBothPaths() async throws {
        var settings = AntreanHTTPServer.Settings()
        settings.keyRate = .init(ratePerSecond: 1e-9, burst: 3)
        let pair = try await Pair(settings: settings)
        let script = (1...4).map { index in
            Exchange(
                label: "request \(index)", idempotencyKey: "rate-\(index)",
                body: Self.body(#""nik":"\#(TestServer.nik(index))","service":"ktp","homeOffice":"kel-a""#),
                direct: true)
        }
        do {
            let replies = try await Self.compare(script, on: pair)
            #expect(replies.map(\.status) == [201, 201, 201, 429])
        } catch {
            try await pair.stop()
            throw error
        }
        try await pair.stop()
    }

    @Test func theHandWrittenBookingIsWhatTheGeneratedEncoderWrites() throws {
        var generator = SplitMix64(seed: 1919)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let plain = ["kel-a", "ktp", "2026-11-23T08:00:00+08:00", "a/b", "", "12345678901234567890"]
        let odd = ["kel \"quoted\"", "back\\slash", "ünïcödé-ñ", "tab\there", "ctl\u{01}\u{1F}"]
        for round in 0..<1000 {
            let names = round % 2 == 0 ? plain : plain + odd
            func pick() -> String { names.randomElement(using: &generator) ?? "" }
            func maybe() -> String? { Bool.random(using: &generator) ? pick() : nil }
            let booking = Components.Schemas.Booking(
                code: pick(),
                state: Components.Schemas.Booking.StatePayload.allCases.randomElement(using: &generator) ?? .booked,
                office: pick(), service: pick(), start: pick(),
                pool: Components.Schemas.Booking.PoolPayload.allCases.randomElement(using: &generator) ?? .online,
                holdExpiresAt: maybe(), checkedInAt: maybe(),
                reschedules: Int.random(in: 0...1_000_000, using: &generator),
                assisted: Bool.random(using: &generator), appointment: maybe())
            let hand = Data(BookingJSON.body(booking))
            let generated = try encoder.encode(booking)
            if round % 2 == 0 {
                #expect(hand == generated, "\(String(decoding: hand, as: UTF8.self))")
            }
            #expect(try JSONDecoder().decode(Components.Schemas.Booking.self, from: hand) == booking)
        }
    }

    @Test func theBodyReaderTakesOnlyPlainKnownMembersOnce() throws {
        func parse(_ text: String) -> Components.Schemas.BookingRequest? {
            Array(text.utf8).withUnsafeBytes { BookingRequestJSON.parse($0) }
        }
        let full =
            #"{"nik":"n","service":"s","office":"o","start":"t","homeOffice":"h","notBefore":"b","account":"a","priority":true}"#
        #expect(
            parse(full)
                == .init(
                    nik: "n", service: "s", office: "o", start: "t", homeOffice: "h", notBefore: "b", account: "a",
                    priority: true))
        #expect(parse(#"{"service":"s","nik":"n","priority":false}"#) == .init(nik: "n", service: "s", priority: false))
        // Each is read the same by JSONDecoder when the reader takes it on.
        let decoder = JSONDecoder()
        for text in [full, #" { "nik" : "" , "service":"x y" } "#] {
            let decoded = try decoder.decode(Components.Schemas.BookingRequest.self, from: Data(text.utf8))
            #expect(parse(text) == decoded, "\(text)")
        }
        for rejected in [
            "", "{", "}", "{}", "[]", #"{"nik":"n"}"#, #"{"nik":"n","service":"s",}"#, #"{"nik":"n","service":"s"} {}"#,
            #"{"nik":"n","service":"s","priority":tru}"#, #"{"nik":"n","service":"s","priority":truex}"#,
            #"{"nik":"n","service":"s","priority":null}"#, #"{"nik":"n\"","service":"s"}"#, #"{"nik":"n","service":5}"#,
            #"{"nik":"n","service":"s","nik":"n"}"#, #"{"nik":"n","service":"s","Nik":"n"}"#,
            "{\"nik\":\"n\u{7F}\",\"service\":\"s\"}",
            "{\"nik\":\"n\",\"service\":\"s\"\u{0B}}", #"{"nik":"n" "service":"s"}"#, #"{"nik":"n","service":"s"#,
        ] {
            #expect(parse(rejected) == nil, "\(rejected)")
        }
    }
}
