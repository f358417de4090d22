import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanOutbox
import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import Testing

@testable import AntreanServer

/// The notification outbox wired into `antrean serve` (issue 19), over real HTTP on loopback: webhook
/// keys from `antrean keys`, a booking made through the API reaching its portal's webhook signed as
/// docs/webhooks.md says, each event routed to the client that made the booking and to the clients of
/// every event, and `kill -9` with the receiver down losing no event.
@Suite("antrean serve delivers webhooks", .serialized)
struct WebhookTests {
    static let clockStart = "2026-11-23T07:00:00+08:00"
    static let webhookArguments =
        ServeCrashTests.serveArguments + [
            "--webhook-retry-base", "1", "--webhook-retry-max", "1",
        ]

    /// `antrean keys create` with a webhook: the key and the webhook secret it printed, one per line.
    static func createKey(
        in folder: URL, client: String, role: String, url: String, events: String? = nil
    ) throws -> (key: String, secret: String) {
        let made = try ServeProcess.run(
            ["keys", "create", "--keys", "keys.json", "--client", client, "--role", role, "--webhook-url", url]
                + (events.map { ["--webhook-events", $0] } ?? []), in: folder)
        #expect(made.status == 0, "\(made.error)")
        let lines = made.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "the key, then the webhook secret")
        return (lines.first ?? "", lines.count == 2 ? lines[1] : "")
    }

    /// docs/webhooks.md's recipe computed here with swift-crypto, apart from the server's code:
    /// `v1=` and the lowercase hex HMAC-SHA256, keyed with the secret's UTF-8, of `<timestamp>.<body>`.
    static func documentedSignature(body: [UInt8], timestamp: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array((timestamp + ".").utf8) + body, using: SymmetricKey(data: Array(secret.utf8)))
        return "v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// The server's clock now, at the latest: it started at `clockStart` no earlier than `started`.
    static func serverNow(since started: Date) -> Instant {
        let start = Instant(iso8601: clockStart) ?? Instant(secondsSinceEpoch: 0)
        return start.adding(seconds: Int64(Date().timeIntervalSince(started).rounded(.up)))
    }

    /// The value of the series `name` (with its labels, if any) in `/metrics` text, if present.
    static func metric(_ name: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1))
        }
        return nil
    }

    static func get(_ client: HTTPClient, port: Int, _ path: String) async throws -> String {
        let response = try await client.execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(30))
        return String(buffer: try await response.body.collect(upTo: 1 << 22))
    }

    @Test func aBookingMadeOverHTTPReachesItsPortalsWebhookSignedAsDocumented() async throws {
        let receiver = WebhookReceiver()
        try await receiver.start()
        let (folder, _) = try ServeCrashTests.makeDeployment()
        defer { try? FileManager.default.removeItem(at: folder) }
        let portalA = try Self.createKey(in: folder, client: "portal-a", role: "portal", url: receiver.url("a"))
        let portalB = try Self.createKey(in: folder, client: "portal-b", role: "portal", url: receiver.url("b"))
        let gateway = try Self.createKey(
            in: folder, client: "gateway", role: "display", url: receiver.url("gateway"), events: "all")
        let started = Date()
        let server = try ServeProcess(Self.webhookArguments, in: folder)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)

        let codeA = try #require(
            await ServeCrashTests.book(client, port: server.port, apiKey: portalA.key, nik: 1, key: "wh-1"))
        let codeB = try #require(
            await ServeCrashTests.book(client, port: server.port, apiKey: portalB.key, nik: 2, key: "wh-2"))
        // Deliveries go in (due, event, client) order, one at a time: once portal-b has its own booking's
        // event, every earlier delivery to portal-a and portal-b was decided (sent or routed away).
        let toB = try await receiver.wait(for: "b") { !$0.isEmpty }
        let toA = receiver.deliveries(to: "a")
        let toGateway = try await receiver.wait(for: "gateway") { $0.count >= 2 }
        func bookings(_ deliveries: [WebhookReceiver.Delivery]) -> [String] {
            deliveries.compactMap { ($0.json["booking"] as? [String: Any])?["id"].map { "\($0)" } }
        }
        #expect(bookings(toA) == [codeA], "portal-a gets its own booking's event only")
        #expect(bookings(toB) == [codeB], "portal-b gets its own booking's event only")
        #expect(Set(bookings(toGateway)) == [codeA, codeB], "an `all` client gets every booking's event")

        let delivery = try #require(toA.first)
        #expect(delivery.json["type"] as? String == "booking.booked")
        #expect(delivery.headers["antrean-event-type"] == "booking.booked")
        #expect(delivery.json["id"] as? String == delivery.eventID)
        #expect(delivery.eventID.hasPrefix("evt_"))
        let timestamp = try #require(delivery.headers["antrean-timestamp"])
        let signature = try #require(delivery.headers["antrean-signature"])
        #expect(
            signature == Self.documentedSignature(body: delivery.body, timestamp: timestamp, secret: portalA.secret))
        let now = Self.serverNow(since: started)
        #expect(throws: Never.self) {
            try WebhookSignature.verify(
                body: delivery.body, timestamp: timestamp, signature: signature, secret: portalA.secret, now: now)
        }
        var tampered = delivery.body
        tampered[tampered.count - 3] ^= 0x01
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature.verify(
                body: tampered, timestamp: timestamp, signature: signature, secret: portalA.secret, now: now)
        }
        #expect(signature != Self.documentedSignature(body: tampered, timestamp: timestamp, secret: portalA.secret))
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature.verify(
                body: delivery.body, timestamp: timestamp, signature: signature, secret: portalB.secret, now: now)
        }
        // The gateway's copy of the same event: the same id and body, signed with the gateway's secret.
        let sameEvent = try #require(toGateway.first { $0.eventID == delivery.eventID })
        #expect(sameEvent.body == delivery.body)
        #expect(
            sameEvent.headers["antrean-signature"]
                == Self.documentedSignature(
                    body: sameEvent.body, timestamp: sameEvent.headers["antrean-timestamp"] ?? "",
                    secret: gateway.secret))

        // /metrics counts the four deliveries (after the pass that made them) and no backlog.
        var metrics = ""
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            metrics = try await Self.get(client, port: server.port, "/metrics")
            if Self.metric("antrean_outbox_deliveries_total", in: metrics) == 4 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(Self.metric("antrean_outbox_deliveries_total", in: metrics) == 4, "\(metrics)")
        #expect(Self.metric("antrean_outbox_failures_total", in: metrics) == 0)
        #expect(Self.metric(#"antrean_outbox_backlog{client="portal-a"}"#, in: metrics) == 0)

        server.kill(SIGTERM)
        #expect(await server.wait() == 0, "\(server.standardError)")
        try await client.shutdown()
        try await receiver.stop()
    }

    @Test func eventsPendingWhenTheServerIsKilledAreDeliveredAfterTheRestart() async throws {
        // A port that refuses connections now and takes the receiver later: the portal is down.
        let receiver = WebhookReceiver()
        try await receiver.start()
        let hookURL = receiver.url("portal")
        let port = receiver.port
        try await receiver.stop()

        let (folder, _) = try ServeCrashTests.makeDeployment()
        defer { try? FileManager.default.removeItem(at: folder) }
        let portal = try Self.createKey(in: folder, client: "portal", role: "portal", url: hookURL)
        let server = try ServeProcess(Self.webhookArguments, in: folder)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let answered = ServeCrashTests.Answered()
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for round in 0..<20 where !answered.killed {
                        let nik = worker * 20 + round + 1
                        let key = "hook-\(nik)"
                        answered.sent(key, nik: nik)
                        guard
                            let code = await ServeCrashTests.book(
                                client, port: server.port, apiKey: portal.key, nik: nik, key: key, timeout: 3)
                        else { continue }
                        if answered.record(key, code: code) == 40 {
                            // Wait for a failed attempt, so the kill also cuts through recorded retries.
                            let deadline = ContinuousClock.now + .seconds(30)
                            while ContinuousClock.now < deadline,
                                let text = try? await Self.get(client, port: server.port, "/metrics"),
                                (Self.metric("antrean_outbox_failures_total", in: text) ?? 0) < 1
                            {
                                try? await Task.sleep(for: .milliseconds(20))
                            }
                            server.kill(SIGKILL)
                            answered.markKilled()
                        }
                    }
                }
            }
        }
        let killed = await server.wait()
        #expect(killed == 9 || killed == 137, "the server died of SIGKILL (status \(killed))")
        let codes = Set(answered.snapshot().codes.values)
        #expect(codes.count >= 40)

        // The portal comes back, then the server.
        try await receiver.start(port: port)
        let restarted = try ServeProcess(Self.webhookArguments, in: folder)
        _ = try await receiver.wait(for: "portal") { deliveries in
            codes.isSubset(
                of: Set(deliveries.compactMap { ($0.json["booking"] as? [String: Any])?["id"].map { "\($0)" } }))
        }
        // And the rest (events of bookings in flight at the kill): the backlog is empty after a pass.
        let backlog = #"antrean_outbox_backlog{client="portal"}"#
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let text = try await Self.get(client, port: restarted.port, "/metrics")
            if Self.metric(backlog, in: text) == 0 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        restarted.kill(SIGTERM)
        #expect(await restarted.wait() == 0, "\(restarted.standardError)")
        try await client.shutdown()
        try await receiver.stop()
        let received = receiver.deliveries(to: "portal")

        // Every booking answered 2xx has its booking.booked event delivered, signed with the portal's secret.
        var booked: [String: String] = [:]
        var bodies: [String: [UInt8]] = [:]
        for delivery in received {
            #expect(
                delivery.headers["antrean-signature"]
                    == Self.documentedSignature(
                        body: delivery.body, timestamp: delivery.headers["antrean-timestamp"] ?? "",
                        secret: portal.secret))
            // A repeat of an id is the same event again (at least once), never another event.
            if let earlier = bodies.updateValue(delivery.body, forKey: delivery.eventID) {
                #expect(earlier == delivery.body, "\(delivery.eventID) names one event")
            }
            if delivery.json["type"] as? String == "booking.booked",
                let booking = (delivery.json["booking"] as? [String: Any])?["id"]
            {
                if let other = booked.updateValue(delivery.eventID, forKey: "\(booking)") {
                    #expect(other == delivery.eventID, "one booking.booked event per booking")
                }
            }
        }
        for code in codes { #expect(booked[code] != nil, "booking \(code) was notified") }
        #expect(Set(booked.values).count == booked.count, "distinct bookings have distinct event ids")

        // The store agrees: each of its events that fell due was delivered and is settled; the reminders
        // of bookings on later days (due the day before, 08:00 or later) wait, unsent.
        let store = try SQLiteAllocatorStore(path: folder.appendingPathComponent("store.sqlite").path)
        let events = try store.outboxEvents()
        store.close()
        let (reminders, due) = (events.filter { $0.type == .reminder }, events.filter { $0.type != .reminder })
        #expect(due.count >= codes.count)
        #expect(Set(due.map(\.id)).isSubset(of: Set(bodies.keys)), "every due event reached the portal")
        #expect(due.allSatisfy { $0.isSettled })
        let clockStart = Instant(iso8601: Self.clockStart) ?? Instant(secondsSinceEpoch: 0)
        #expect(reminders.allSatisfy { $0.dueAt >= clockStart.adding(seconds: 3600) && !$0.isSettled })
        #expect(reminders.allSatisfy { bodies[$0.id] == nil })
    }

    @Test func keysCreateGivesAWebhookSecretOnceAndListShowsOnlyTheURL() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = "https://portal.example/antrean/hook"
        let made = try Self.createKey(in: folder, client: "portal-x", role: "portal", url: url)
        #expect(ClientKey.isWellFormedWebhookSecret(made.secret))
        #expect(made.secret.utf8.count >= "whsec_".utf8.count + 43, "at least 32 random bytes")
        let plain = try ServeProcess.run(
            ["keys", "create", "--keys", "keys.json", "--client", "desk-1", "--role", "desk"], in: folder)
        #expect(plain.output.split(separator: "\n").count == 1, "no webhook, no secret")

        let path = folder.appendingPathComponent("keys.json").path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the keys file holds webhook secrets: owner only")
        let file = try ClientKeyFile.load(path: path)
        let record = try #require(file.keys.first { $0.client == "portal-x" })
        #expect(record.webhookSecret == made.secret)
        #expect(record.webhookEvents == .own)

        let listed = try ServeProcess.run(["keys", "list", "--keys", "keys.json"], in: folder)
        #expect(listed.status == 0)
        #expect(listed.output.contains(url + " (own events)"))
        #expect(!listed.output.contains(made.secret) && !listed.output.contains(made.key))

        let rotated = try ServeProcess.run(
            ["keys", "rotate-webhook-secret", "--keys", "keys.json", record.id], in: folder)
        #expect(rotated.status == 0, "\(rotated.error)")
        let newSecret = rotated.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(ClientKey.isWellFormedWebhookSecret(newSecret) && newSecret != made.secret)
        #expect(try ClientKeyFile.load(path: path).keys.first { $0.id == record.id }?.webhookSecret == newSecret)
        let desk = try #require(try ClientKeyFile.load(path: path).keys.first { $0.client == "desk-1" })
        let noWebhook = try ServeProcess.run(
            ["keys", "rotate-webhook-secret", "--keys", "keys.json", desk.id], in: folder)
        #expect(noWebhook.status == 65 && noWebhook.error.contains("has no webhook"))

        for (bad, reason) in [
            ("ftp://portal.example/hook", "scheme"), ("https://", "no host"), ("portal.example/hook", "absolute"),
            ("https://user:pw@portal.example/hook", "user or password"), ("https://portal.example/a b", "spaces"),
        ] {
            let refused = try ServeProcess.run(
                ["keys", "create", "--keys", "keys.json", "--client", "p", "--role", "portal", "--webhook-url", bad],
                in: folder)
            #expect(refused.status == 64, "\(bad)")
            #expect(refused.error.contains("--webhook-url") && refused.error.contains(reason), "\(refused.error)")
        }
        let silentKiosk = try ServeProcess.run(
            ["keys", "create", "--keys", "keys.json", "--client", "k", "--role", "kiosk", "--webhook-url", url],
            in: folder)
        #expect(silentKiosk.status == 64 && silentKiosk.error.contains("--webhook-events all"))
        #expect(try ClientKeyFile.load(path: path).keys.count == 2, "a refused create writes nothing")
    }

    @Test func aKeysFileWithWebhookSecretsOpenToOthersStopsTheStart() throws {
        let (folder, _) = try ServeCrashTests.makeDeployment()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.createKey(in: folder, client: "portal", role: "portal", url: "https://portal.example/h")
        let path = folder.appendingPathComponent("keys.json").path
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let refused = try ServeProcess.run(["serve"] + Self.webhookArguments + ["--listen", "127.0.0.1:0"], in: folder)
        #expect(refused.status == 65)
        #expect(refused.error.contains("chmod 600"), "\(refused.error)")
    }

    @Test func theNewestActiveKeyOfAClientCarriesItsWebhook() throws {
        var generator = SplitMix64(seed: 7)
        let old = ClientKey.make(
            client: "portal", role: .portal, webhookURL: "https://old.example/h",
            createdAt: Date(timeIntervalSince1970: 1_000), using: &generator
        ).record
        let new = ClientKey.make(
            client: "portal", role: .portal, webhookURL: "https://new.example/h",
            createdAt: Date(timeIntervalSince1970: 2_000), using: &generator
        ).record
        var revoked = ClientKey.make(
            client: "gone", role: .portal, webhookURL: "https://gone.example/h", using: &generator
        ).record
        revoked.revokedAt = "2026-01-01T00:00:00Z"
        let gateway = ClientKey.make(
            client: "gateway", role: .display, webhookURL: "https://gw.example/h", webhookEvents: .all,
            using: &generator
        ).record
        let clients = try WebhookClient.of([new, revoked, old, gateway])
        #expect(clients.map(\.client) == ["gateway", "portal"])
        #expect(clients.map(\.url) == ["https://gw.example/h", "https://new.example/h"])
        #expect(clients.map(\.events) == [.all, .own])
        #expect(clients.last?.secret == new.webhookSecret)

        var unsigned = new
        unsigned.webhookSecret = "whsec_short"
        #expect(throws: WebhookClientError.badSecret(keyID: new.id)) { try WebhookClient.of([unsigned]) }

        #expect(WebhookClient.maker(ofIdempotencyKey: "portal-a/k1") == "portal-a")
        #expect(WebhookClient.maker(ofIdempotencyKey: "assisted/line-112/a/b") == "line-112")
        #expect(WebhookClient.maker(ofIdempotencyKey: "replay-key") == nil)
    }
}
