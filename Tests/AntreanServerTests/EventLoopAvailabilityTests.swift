import AntreanAllocator
import Foundation
import Testing

@testable import AntreanServer

/// Cached availability reads answered on the connection's event loop (`EventLoopAvailabilityHandler`)
/// get the router's answer, byte for byte, leave in the order of their requests, take one token each, and
/// keep the connection's idle timeout and the request log as the router's answers do.
@Suite("Availability reads on the event loop")
struct EventLoopAvailabilityTests {
    static let read = "/v1/availability?service=ktp&office=kel-a&limit=5"

    /// `antrean_availability_event_loop_answers_total` in /metrics.
    static func eventLoopAnswers(_ server: TestServer) async throws -> Int {
        let text = try await server.send(.GET, "/metrics").text
        let prefix = "antrean_availability_event_loop_answers_total "
        let line = text.split(separator: "\n").first { $0.hasPrefix(prefix) }
        return line.flatMap { Double($0.dropFirst(prefix.count)) }.map { Int($0) } ?? -1
    }

    /// Runs `body` against a new server and always stops it: a failed read is a recorded issue, not a
    /// server left running (whose client would trap at its deinit).
    static func withServer(_ settings: AntreanHTTPServer.Settings, _ body: (TestServer) async throws -> Void)
        async throws
    {
        let server = try await TestServer(settings: settings)
        do { try await body(server) } catch { Issue.record(error) }
        try await server.stop()
    }

    static func request(_ method: String, _ path: String, key: String?, body: String? = nil, extra: String = "")
        -> String
    {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if let key { text += "Authorization: Bearer \(key)\r\n" }
        text += extra
        if let body { text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body }
        return body == nil ? text + "\r\n" : text
    }

    @Test func aCachedReadGetsTheRoutersAnswerByteForByte() async throws {
        try await Self.withServer(AvailabilityRouteTests.unlimited) { server in
            let key = try #require(server.keys[.portal])
            let before = try await Self.eventLoopAnswers(server)
            // The first read is a miss (the router computes and caches it); the second, with `Connection:
            // keep-alive`, is answered on the event loop; the third, with another `Connection` value, is passed
            // on and is the router's cache hit.
            let answers = try await RawHTTPConnection.session(port: server.port) { connection in
                try connection.send(Self.request("GET", Self.read, key: key))
                let miss = try connection.answer()
                try connection.send(Self.request("GET", Self.read, key: key, extra: "Connection: keep-alive\r\n"))
                let onEventLoop = try connection.answer()
                try connection.send(Self.request("GET", Self.read, key: key, extra: "Connection: keep-alive, te\r\n"))
                let router = try connection.answer()
                return [miss, onEventLoop, router]
            }
            #expect(try await Self.eventLoopAnswers(server) == before + 1)
            #expect(answers.allSatisfy { $0.status == 200 })
            #expect(answers[1].body == answers[0].body && answers[2].body == answers[0].body)
            #expect(try AvailabilityRouteTests.decoded(Data(answers[1].body)).slots.count == 5)
            // The same fields in the same order; the values equal but for the request's id (and the second).
            let names = answers.map { $0.headers.map { $0.name.lowercased() } }
            #expect(names[1] == names[2], "\(names)")
            #expect(Set(names[1]) == ["content-type", "content-length", "x-request-id", "date"], "\(names)")
            for name in ["content-type", "content-length"] {
                #expect(answers[1].header(name) == answers[2].header(name))
            }
            let date = try #require(answers[1].header("date"))
            #expect(date.hasSuffix(" GMT") && date.count == 29, "\(date)")
            #expect(answers[1].header("x-request-id") != answers[2].header("x-request-id"))
        }
    }

    @Test func pipelinedAnswersLeaveInTheOrderOfTheirRequests() async throws {
        try await Self.withServer(AvailabilityRouteTests.unlimited) { server in
            let key = try #require(server.keys[.portal])
            // Fill the cache, so that each read below could be answered on the event loop.
            #expect(try await server.send(.GET, Self.read, key: key).status == 200)
            let before = try await Self.eventLoopAnswers(server)
            let booking =
                #"{"nik":"\#(TestServer.nik(7))","service":"ktp","office":"kel-a","start":"2026-11-23T09:00:00+08:00"}"#
            let statuses = try await RawHTTPConnection.session(port: server.port) { connection in
                // Two reads, a booking (durable before its answer), then a read and a request id of the caller,
                // all in one write.
                try connection.send(
                    Self.request("GET", Self.read, key: key, extra: "X-Request-Id: first\r\n")
                        + Self.request("GET", Self.read, key: key, extra: "X-Request-Id: second\r\n")
                        + Self.request(
                            "POST", "/v1/bookings", key: key, body: booking, extra: "Idempotency-Key: p1\r\n")
                        + Self.request("GET", Self.read, key: key, extra: "X-Request-Id: fourth\r\n"))
                return try (0..<4).map { _ in
                    let answer = try connection.answer()
                    return "\(answer.status) \(answer.header("x-request-id") ?? "-")"
                }
            }
            #expect(statuses[0] == "200 first" && statuses[1] == "200 second", "\(statuses)")
            #expect(statuses[2].hasPrefix("201 "), "\(statuses)")
            #expect(statuses[3] == "200 fourth", "\(statuses)")
            // The two reads before the booking were answered on the event loop; the one behind it may not be.
            let answeredHere = try await Self.eventLoopAnswers(server) - before
            #expect((2...3).contains(answeredHere), "\(answeredHere)")
        }
    }

    @Test func readsAnsweredOnTheEventLoopKeepTheConnectionAliveAndIdleOnesAreClosed() async throws {
        var settings = AvailabilityRouteTests.unlimited
        settings.idleTimeout = .milliseconds(800)
        try await Self.withServer(settings) { server in
            let key = try #require(server.keys[.portal])
            #expect(try await server.send(.GET, Self.read, key: key).status == 200)
            let before = try await Self.eventLoopAnswers(server)
            let (statuses, closed) = try await RawHTTPConnection.session(port: server.port) { connection in
                // Ten reads 250 ms apart: 2.5 s on one connection, three idle timeouts long.
                var statuses: [Int] = []
                for _ in 0..<10 {
                    try connection.send(Self.request("GET", Self.read, key: key))
                    statuses.append(try connection.answer().status)
                    Thread.sleep(forTimeInterval: 0.25)
                }
                return (statuses, connection.isClosedByServer(within: 3))
            }
            #expect(statuses == Array(repeating: 200, count: 10))
            #expect(try await Self.eventLoopAnswers(server) == before + 10)
            #expect(closed, "an idle connection is closed after the idle timeout")
        }
    }

    @Test func eachReadTakesOneTokenAndAnEmptyBucketIsTheRoutersProblem() async throws {
        var settings = AntreanHTTPServer.Settings()
        settings.keyRate = .init(ratePerSecond: 0.001, burst: 3)
        try await Self.withServer(settings) { server in
            let key = try #require(server.keys[.portal])
            let before = try await Self.eventLoopAnswers(server)
            var statuses: [Int] = []
            for _ in 0..<4 { statuses.append(try await server.send(.GET, Self.read, key: key).status) }
            // A miss by the router, two hits on the event loop, then the bucket is empty: 429 from the router.
            #expect(statuses == [200, 200, 200, 429], "\(statuses)")
            #expect(try await Self.eventLoopAnswers(server) == before + 2)
            // Another role's key and no key are passed on and refused as before.
            #expect(try await server.send(.GET, Self.read, key: server.keys[.display]).status == 403)
            #expect(try await server.send(.GET, Self.read).status == 401)
            #expect(try await server.send(.GET, Self.read, key: "ak_unknown.key").status == 401)
            #expect(try await Self.eventLoopAnswers(server) == before + 2)
        }
    }

    @Test func theDateHeaderIsIMFFixdate() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var generator = SplitMix64(seed: 9110)
        let samples =
            [0, 951_782_400, 1_796_601_563, 4_102_444_799, 253_402_300_799]
            + (0..<2000).map { _ in Int64.random(in: 0...253_402_300_799, using: &generator) }
        for second in samples {
            #expect(
                HTTPDate.text(secondsSinceEpoch: second)
                    == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(second))), "\(second)")
        }
    }
}
