import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanServer
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Testing

/// Each kind of event the issue lists reaches the portal that made the booking, through a real
/// `AntreanHTTPServer` with `webhooks:` on loopback and a manual clock: booked, the reminder the day
/// before, cancelled by the office (a desk key, so not the portal's own request), released as a no-show
/// by the server's timer round, and re-queued after a late check-in at the desk.
@Suite("webhook event kinds", .serialized)
struct WebhookEventKindsTests {
    static func at(_ text: String) -> Instant { Instant(iso8601: text) ?? Instant(secondsSinceEpoch: 0) }

    @Test func everyKindOfEventReachesThePortalThatMadeTheBooking() async throws {
        let receiver = WebhookReceiver()
        try await receiver.start()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-kinds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SplitMix64(seed: 23)
        let portal = ClientKey.make(
            client: "portal", role: .portal, webhookURL: receiver.url("portal"), using: &generator)
        let desk = ClientKey.make(client: "desk", role: .desk, using: &generator)
        let keysPath = folder.appendingPathComponent("keys.json").path
        try ClientKeyFile(keys: [portal.record, desk.record]).save(path: keysPath)
        let signerKey = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let pepper = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }

        // Friday noon: a Monday booking gets its reminder on Sunday at the same minute.
        let clock = ManualClock(Self.at("2026-11-20T12:00:00+08:00"))
        let store = try SQLiteAllocatorStore(
            path: folder.appendingPathComponent("store.sqlite").path, outbox: OutboxSettings())
        let allocator = try Allocator(
            configuration: TestServer.configuration(),
            tokenSigner: try QRTokenSigner(keyID: "t1", keyBytes: signerKey),
            nikHasher: try NIKHasher(pepperBytes: pepper), store: store, clock: clock)
        var settings = AntreanHTTPServer.Settings()
        settings.port = 0
        var logger = Logger(label: "antrean.test")
        logger.logLevel = .critical
        let server = AntreanHTTPServer(
            allocator: allocator, configuration: TestServer.configuration(),
            keys: try ClientKeyRegistry(path: keysPath),
            settings: settings, logger: logger,
            webhooks: WebhookDelivery(
                store: store, retryBaseSeconds: 1, retryCapSeconds: 1, pollInterval: .milliseconds(50), seed: 5))
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let group = try server.makeServiceGroup(gracefulShutdownSignals: []) { continuation.yield($0) }
        let running = Task { try await group.run() }
        var port = 0
        for await bound in ports {
            port = bound
            break
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)

        func post(_ path: String, key: String, idempotencyKey: String? = nil, json: String) async throws -> [String:
            Any]
        {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            request.headers.add(name: "Content-Type", value: "application/json")
            if let idempotencyKey { request.headers.add(name: "Idempotency-Key", value: idempotencyKey) }
            request.body = .bytes(ByteBuffer(string: json))
            let response = try await client.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 1 << 20)
            let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
            #expect(response.status.code < 300, "\(path): \(object ?? [:])")
            return object ?? [:]
        }
        func events(_ deliveries: [WebhookReceiver.Delivery]) -> [String] {
            deliveries.compactMap { delivery in
                guard let type = delivery.json["type"] as? String,
                    let booking = (delivery.json["booking"] as? [String: Any])?["id"]
                else { return nil }
                return "\(type) \(booking)"
            }
        }

        let kept = try #require(
            await post(
                "/v1/bookings", key: portal.key, idempotencyKey: "kinds-1",
                json:
                    #"{"nik":"\#(TestServer.nik(1))","service":"ktp","office":"kel-a","start":"2026-11-23T08:00:00+08:00"}"#
            )["code"] as? String)
        let dropped = try #require(
            await post(
                "/v1/bookings", key: portal.key, idempotencyKey: "kinds-2",
                json:
                    #"{"nik":"\#(TestServer.nik(2))","service":"ktp","office":"kel-a","start":"2026-11-23T08:15:00+08:00"}"#
            )["code"] as? String)
        _ = try await post("/v1/bookings/\(dropped)/cancel", key: desk.key, json: "{}")
        var expected = ["booking.booked \(kept)", "booking.booked \(dropped)", "booking.cancelled \(dropped)"]
        var received = try await receiver.wait(for: "portal") { events($0).count >= 3 }
        #expect(events(received) == expected)

        clock.set(Self.at("2026-11-22T08:00:00+08:00"))
        expected.append("booking.reminder \(kept)")
        received = try await receiver.wait(for: "portal") { events($0).count >= 4 }
        #expect(events(received) == expected)

        // Past the 15-minute grace: one round of the server's no-show timer releases the place.
        clock.set(Self.at("2026-11-23T08:16:00+08:00"))
        await server.releaseNoShows()
        expected.append("booking.no_show \(kept)")
        received = try await receiver.wait(for: "portal") { events($0).count >= 5 }
        #expect(events(received) == expected)

        // The citizen arrives late the same day: the desk checks them in and they are re-queued.
        clock.set(Self.at("2026-11-23T09:00:00+08:00"))
        _ = try await post(
            "/v1/offices/kel-a/check-ins", key: desk.key, json: #"{"code":"\#(kept)","nik":"\#(TestServer.nik(1))"}"#)
        expected.append("booking.requeued \(kept)")
        received = try await receiver.wait(for: "portal") { events($0).count >= 6 }
        #expect(events(received) == expected)
        #expect(Set(received.map(\.eventID)).count == received.count, "each event has its own id")

        await group.triggerGracefulShutdown()
        try await running.value
        try await client.shutdown()
        try await receiver.stop()
        try allocator.flush()
        store.close()
    }
}
