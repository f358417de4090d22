import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// The request log of a real `antrean serve` (issue 19): one line per request, carrying the id the
/// response echoes in `X-Request-Id`, and never the citizen's NIK, the QR token or the client's key,
/// even for the requests that carry them in their bodies and headers.
@Suite("antrean serve logs", .serialized)
struct ServeLogTests {
    struct Answer {
        var status: UInt
        var requestID: String
        var json: [String: Any]
    }

    static func send(
        _ client: HTTPClient, port: Int, apiKey: String, _ method: HTTPMethod, _ path: String, body: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any]) ?? [:]
        return Answer(
            status: response.status.code, requestID: response.headers.first(name: "X-Request-Id") ?? "", json: json)
    }

    @Test func eachRequestLogsOneLineWithItsIDAndNoSecret() async throws {
        let (folder, apiKey) = try ServeCrashTests.makeDeployment(role: "admin")
        defer { try? FileManager.default.removeItem(at: folder) }
        // 07:40, so that the 08:00 booking may check in (the README's demo clock).
        let arguments = ServeCrashTests.serveArguments.map {
            $0 == "2026-11-23T07:00:00+08:00" ? "2026-11-23T07:40:00+08:00" : $0
        }
        let server = try ServeProcess(arguments, in: folder, logLevel: "info")
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let nik = TestServer.nik(4321)
        var answers: [Answer] = []
        let booked = try await Self.send(
            client, port: server.port, apiKey: apiKey, .POST, "/v1/bookings",
            body: #"{"nik":"\#(nik)","service":"ktp","homeOffice":"kel-sidodadi"}"#,
            headers: [("Idempotency-Key", "log-1")])
        answers.append(booked)
        let code = try #require(booked.json["code"] as? String, "\(booked.json)")
        let tokenAnswer = try await Self.send(
            client, port: server.port, apiKey: apiKey, .POST, "/v1/bookings/\(code)/token", body: #"{"nik":"\#(nik)"}"#)
        answers.append(tokenAnswer)
        let token = try #require(tokenAnswer.json["token"] as? String, "\(tokenAnswer.json)")
        answers.append(
            try await Self.send(
                client, port: server.port, apiKey: apiKey, .POST, "/v1/offices/kel-sidodadi/check-ins",
                body: #"{"token":"\#(token)"}"#))
        // A refusal and a caller's own request id.
        answers.append(
            try await Self.send(
                client, port: server.port, apiKey: apiKey, .POST, "/v1/bookings/\(code)/token",
                body: #"{"nik":"\#(TestServer.nik(4322))"}"#))
        answers.append(
            try await Self.send(
                client, port: server.port, apiKey: apiKey, .GET, "/v1/offices/kel-sidodadi/queue?service=ktp",
                headers: [("X-Request-Id", "proxy-abc_1")]))
        // The same read twice: the second may be answered on the event loop (the same second), and logs too.
        for id in ["read-1", "read-2"] {
            answers.append(
                try await Self.send(
                    client, port: server.port, apiKey: apiKey, .GET, "/v1/availability?service=ktp&office=kel-sidodadi",
                    headers: [("X-Request-Id", id)]))
        }
        try await client.shutdown()
        server.kill(SIGTERM)
        #expect(await server.wait() == 0)

        let statuses = answers.map(\.status)
        #expect(statuses.indices.allSatisfy { (400..<500).contains(statuses[$0]) == ($0 == 3) }, "\(statuses)")
        #expect(answers.suffix(3).map(\.requestID) == ["proxy-abc_1", "read-1", "read-2"])
        let log = server.standardError
        let requestLines = log.split(separator: "\n").filter { $0.hasSuffix("] request") }
        #expect(requestLines.count == answers.count, "\(log)")
        for answer in answers {
            let lines = requestLines.filter { $0.contains(" request_id=\(answer.requestID) ") }
            #expect(lines.count == 1, "request \(answer.requestID) in \(log)")
            #expect(lines.first?.contains(" status=\(answer.status) ") == true, "\(lines)")
        }
        // The NIK, the token and the key appear nowhere in the log (nor the NIK's digits without the
        // leading province code, in case a formatter split it).
        for secret in [nik, String(nik.dropFirst(6)), token, apiKey] {
            #expect(!log.contains(secret), "\(secret) is in the log")
        }
    }
}
