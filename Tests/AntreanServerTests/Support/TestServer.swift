import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanServer
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// A real `AntreanHTTPServer` on an ephemeral loopback port, over a SQLite store in a scratch folder,
/// with a manual clock (Monday 23 November 2026, 07:00 WITA unless moved), secrets and client keys drawn
/// from one seed, and an HTTP client to talk to it. `stop()` shuts it down gracefully.
final class TestServer: @unchecked Sendable {
    static let monday0700 = Instant(iso8601: "2026-11-23T07:00:00+08:00") ?? Instant(secondsSinceEpoch: 0)

    let folder: URL
    let storePath: String
    let keysPath: String
    let clock: ManualClock
    let allocator: Allocator
    let store: SQLiteAllocatorStore
    let server: AntreanHTTPServer
    let configuration: AllocatorConfiguration
    let signerKey: [UInt8]
    let pepper: [UInt8]
    /// The key text of each role's client (`portal`, `call_centre`, …).
    var keys: [ClientRole: String] = [:]
    var keyRecords: [ClientRole: ClientKey] = [:]
    private var running: LoopbackGroup?
    var port: Int { running?.port ?? 0 }
    let client: HTTPClient

    /// One office `kel-a` (kecamatan `k1`) and `kel-b` (`k1`), service `ktp` with `slotCapacity` places per
    /// 15-minute slot, 08:00–16:00 on weekdays, 20% walk-in and 10% priority shares.
    /// `templates`: appointment templates (none by default: the 15-minute grid, every place at the slot's start).
    static func configuration(slotCapacity: Int = 10, templates: [AppointmentTemplate] = []) -> AllocatorConfiguration {
        var rules = AllocatorRules()
        rules.slotMinutes = 15
        rules.maxActiveBookingsPerNIK = 2
        rules.maxBookingsPerAccountPerWindow = 5
        let shares: [Weekday: Double] = [.monday: 0.2, .tuesday: 0.2, .wednesday: 0.2, .thursday: 0.2, .friday: 0.2]
        let priority: [Weekday: Double] = [.monday: 0.1, .tuesday: 0.1, .wednesday: 0.1, .thursday: 0.1, .friday: 0.1]
        return AllocatorConfiguration(
            offices: [
                OfficeConfig(
                    id: OfficeID("kel-a"), kecamatan: KecamatanID("k1"),
                    services: [OfficeServiceConfig(service: ServiceID("ktp"), counters: 2, slotCapacity: slotCapacity)],
                    walkInShare: shares, priorityShare: priority),
                OfficeConfig(
                    id: OfficeID("kel-b"), kecamatan: KecamatanID("k1"),
                    services: [OfficeServiceConfig(service: ServiceID("ktp"), counters: 1, slotCapacity: slotCapacity)],
                    walkInShare: shares, priorityShare: priority),
            ],
            services: [ServiceConfig(id: ServiceID("ktp"), meanServiceMinutes: 10)], rules: rules,
            appointmentTemplates: templates)
    }

    init(
        seed: UInt64 = 19, slotCapacity: Int = 10, settings: AntreanHTTPServer.Settings? = nil,
        folder existing: URL? = nil, events: (any BookingEventSink)? = nil, connections: Int = 64,
        templates: [AppointmentTemplate] = []
    ) async throws {
        var generator = SplitMix64(seed: seed)
        folder =
            existing
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("antrean-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        storePath = folder.appendingPathComponent("store.sqlite").path
        keysPath = folder.appendingPathComponent("keys.json").path
        configuration = Self.configuration(slotCapacity: slotCapacity, templates: templates)
        signerKey = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        pepper = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        var file = ClientKeyFile()
        for role in ClientRole.allCases {
            let made = ClientKey.make(client: "test-\(role.rawValue)", role: role, using: &generator)
            keys[role] = made.key
            keyRecords[role] = made.record
            file.keys.append(made.record)
        }
        if existing == nil || !FileManager.default.fileExists(atPath: keysPath) { try file.save(path: keysPath) }
        clock = ManualClock(Self.monday0700)
        store = try SQLiteAllocatorStore(path: storePath)
        allocator = try Allocator(
            configuration: configuration, tokenSigner: try QRTokenSigner(keyID: "t1", keyBytes: signerKey),
            nikHasher: try NIKHasher(pepperBytes: pepper), store: store, clock: clock)
        var chosen = settings ?? AntreanHTTPServer.Settings()
        chosen.port = 0
        var logger = Logger(label: "antrean.test")
        logger.logLevel = .critical
        server = AntreanHTTPServer(
            allocator: allocator, configuration: configuration, keys: try ClientKeyRegistry(path: keysPath),
            settings: chosen, logger: logger, events: events)
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.connectionPool = .init(
            idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        clientConfiguration.timeout = .init(connect: .seconds(30), read: .seconds(120))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let server = server
        running = try await LoopbackGroup.start { onRunning in
            try server.makeServiceGroup(gracefulShutdownSignals: []) { port in onRunning(port) }
        }
    }

    /// Shuts the server down gracefully, waits for it, and closes the client and the store.
    func stop() async throws {
        try await running?.stop()
        try await client.shutdown()
        try allocator.flush()
        store.close()
    }

    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends a request; `json` is serialized as the body (or `raw` sent as is).
    func send(
        _ method: HTTPMethod, _ path: String, key: String? = nil, json: [String: Any]? = nil, raw: Data? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        let body = try raw ?? json.map { try JSONSerialization.data(withJSONObject: $0) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(request, timeout: .seconds(120))
        let buffer = try await response.body.collect(upTo: 1 << 24)
        return Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer: buffer))
    }

    func send(
        _ method: HTTPMethod, _ path: String, role: ClientRole, json: [String: Any]? = nil,
        idempotencyKey: String? = nil
    ) async throws -> Reply {
        try await send(
            method, path, key: keys[role], json: json,
            headers: idempotencyKey.map { [("Idempotency-Key", $0)] } ?? [])
    }

    /// A valid NIK numbered `n` (1…9999 × 28 birth days): distinct numbers give distinct NIKs.
    static func nik(_ n: Int) -> String {
        let serial = (n - 1) % 9999 + 1
        let day = (n - 1) / 9999 % 28 + 1
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        let serialText = String(repeating: "0", count: 4 - String(serial).count) + String(serial)
        return "647201" + dayText + "0590" + serialText
    }
}
