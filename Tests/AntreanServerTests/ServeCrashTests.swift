import AntreanAllocator
import AntreanAllocatorSQLite
import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// `kill -9` of `antrean serve` under booking load, then a restart (issue 19): every booking answered
/// 2xx is in the store, no Idempotency-Key made two bookings, and the restarted server answers a retry
/// of a request that was in flight at the kill with the same booking (or makes it once). SIGTERM then
/// stops the restarted server gracefully with exit status 0.
@Suite("antrean serve survives kill -9", .serialized)
struct ServeCrashTests {
    static func makeDeployment(role: String = "portal") throws -> (folder: URL, key: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["nik-pepper", "token-key"] {
            let made = try ServeProcess.run(
                ["secrets", "generate", "--output", folder.appendingPathComponent(name).path], in: folder)
            #expect(made.status == 0, "\(made.error)")
        }
        let config = """
            {"offices": [{"id": "kel-sidodadi", "kecamatan": "samarinda-ulu",
                          "services": [{"service": "ktp", "counters": 2}]}],
             "services": [{"id": "ktp", "meanServiceMinutes": 10}],
             "rules": {"slotMinutes": 15, "bookingHorizonDays": 30, "maxActiveBookingsPerNIK": 2, "utcOffsetHours": 8},
             "nikPepperFile": "nik-pepper", "tokenKeys": [{"id": "k1", "secretFile": "token-key"}]}
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))
        let created = try ServeProcess.run(
            ["keys", "create", "--keys", "keys.json", "--client", "load", "--role", role], in: folder)
        #expect(created.status == 0, "\(created.error)")
        return (folder, created.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static let serveArguments = [
        "--config", "config.json", "--store", "store.sqlite", "--keys", "keys.json", "--clock-start",
        "2026-11-23T07:00:00+08:00", "--rate-limit", "1000000", "--burst", "1000000",
    ]

    /// Books for `nik` with idempotency key `key`; the booking code on 2xx, nil on any other answer or a
    /// broken connection (the kill).
    static func book(
        _ client: HTTPClient, port: Int, apiKey: String, nik: Int, key: String, timeout: Int64 = 60
    ) async -> String? {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/bookings")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        request.headers.add(name: "Idempotency-Key", value: key)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(
            ByteBuffer(string: #"{"nik":"\#(TestServer.nik(nik))","service":"ktp","homeOffice":"kel-sidodadi"}"#))
        guard let response = try? await client.execute(request, timeout: .seconds(timeout)),
            (200...201).contains(response.status.code),
            let body = try? await response.body.collect(upTo: 1 << 20),
            let json = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        else { return nil }
        return json["code"] as? String
    }

    @Test func everyAnsweredBookingSurvivesAKillAndNoKeyBooksTwice() async throws {
        let (folder, apiKey) = try Self.makeDeployment()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess(Self.serveArguments, in: folder)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let workers = 16
        let perWorker = 40
        // Each worker books its own NIKs in turn; the kill comes once 200 bookings were answered.
        let answered = Answered()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    // After the kill nothing new is sent (a refused connection would be retried by the
                    // client until its deadline); the requests in flight at the kill are what matters.
                    for round in 0..<perWorker where !answered.killed {
                        let nik = worker * perWorker + round + 1
                        let key = "crash-\(nik)"
                        answered.sent(key, nik: nik)
                        if let code = await Self.book(
                            client, port: server.port, apiKey: apiKey, nik: nik, key: key, timeout: 10)
                        {
                            if answered.record(key, code: code) == 200 {
                                server.kill(SIGKILL)
                                answered.markKilled()
                            }
                        }
                    }
                }
            }
        }
        let killed = await server.wait()
        #expect(killed == 9 || killed == 137, "the server died of SIGKILL (status \(killed))")
        let before = answered.snapshot()
        #expect(before.codes.count >= 200)

        // The store as the kill left it: every answered booking, under its own key, once.
        let store = try SQLiteAllocatorStore(path: folder.appendingPathComponent("store.sqlite").path)
        let records = try store.loadBookings()
        store.close()
        let byID = Dictionary(records.map { (String($0.id.rawValue), $0) }) { first, _ in first }
        for (key, code) in before.codes { #expect(byID[code]?.idempotencyKey == "load/" + key, "\(key) → \(code)") }
        let keys = records.compactMap(\.idempotencyKey)
        #expect(Set(keys).count == keys.count, "no Idempotency-Key made two bookings")

        // Restarted on the same store: a retry of every request sent before the kill answers the same
        // booking when it had one, and each key still has one booking at most.
        let restarted = try ServeProcess(Self.serveArguments, in: folder)
        for (key, nik) in before.sent {
            let code = await Self.book(client, port: restarted.port, apiKey: apiKey, nik: nik, key: key)
            if let earlier = before.codes[key] { #expect(code == earlier, "\(key)") }
            #expect(code != nil, "\(key) is booked after the restart")
        }
        restarted.kill(SIGTERM)
        let status = await restarted.wait()
        #expect(status == 0, "SIGTERM stops the server gracefully: \(restarted.standardError)")
        try await client.shutdown()
        let final = try SQLiteAllocatorStore(path: folder.appendingPathComponent("store.sqlite").path)
        let after = try final.loadBookings()
        final.close()
        let finalKeys = after.compactMap(\.idempotencyKey)
        #expect(Set(finalKeys).count == finalKeys.count)
        #expect(Set(finalKeys) == Set(before.sent.keys.map { "load/" + $0 }))
    }

    /// The load's bookkeeping, shared by the workers.
    final class Answered: @unchecked Sendable {
        private let lock = NSLock()
        private var codes: [String: String] = [:]
        private var sentKeys: [String: Int] = [:]

        private var wasKilled = false

        func sent(_ key: String, nik: Int) { lock.withLock { sentKeys[key] = nik } }

        var killed: Bool { lock.withLock { wasKilled } }

        func markKilled() { lock.withLock { wasKilled = true } }

        /// Records an answered booking; returns how many are answered now.
        func record(_ key: String, code: String) -> Int {
            lock.withLock {
                codes[key] = code
                return codes.count
            }
        }

        func snapshot() -> (codes: [String: String], sent: [String: Int]) { lock.withLock { (codes, sentKeys) } }
    }
}
