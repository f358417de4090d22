import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanOutbox
import Foundation
import Synchronization

/// One office with one service, its keys, and stores with the outbox on in temporary files.
enum OutboxFixture {
    static let ktp = ServiceID("ktp")
    static let office = OfficeID("kel-a")
    static let monday = LocalDate(year: 2026, month: 11, day: 23)
    static let sundayNoon = OfficeTimeZone.wita.instant(on: LocalDate(year: 2026, month: 11, day: 22), minuteOfDay: 720)
    /// Friday before: far enough ahead of Monday for a day-before reminder.
    static let fridayNoon = OfficeTimeZone.wita.instant(on: LocalDate(year: 2026, month: 11, day: 20), minuteOfDay: 720)
    static let configuration = AllocatorConfiguration(
        offices: [
            OfficeConfig(
                id: office, kecamatan: KecamatanID("A"), services: [OfficeServiceConfig(service: ktp, counters: 3)],
                walkInShare: [.monday: 0.2], priorityShare: [.monday: 0.1])
        ],
        services: [ServiceConfig(id: ktp, meanServiceMinutes: 5)])
    /// Fixed random test keys (Python's `secrets.token_hex(32)`): weak keys are refused.
    static let signer = try! QRTokenSigner(
        keyID: "k1", keyBytes: SecretText.decode("2b7842dd175b4c79c69ede6c98d90bd3a94c544e7a95220e6e723d6df49a71b6"))
    static let hasher = try! NIKHasher(
        pepperBytes: SecretText.decode("522c993dbc8fe2a9e7238d7f9aca6e4338bdcc56afa9ab08d45339bc35b56675"))

    /// The Monday slot starting at `minuteOfDay` (local time).
    static func slot(minute minuteOfDay: Int) -> SlotRef {
        SlotRef(
            office: office, service: ktp, start: OfficeTimeZone.wita.instant(on: monday, minuteOfDay: minuteOfDay))
    }

    static func citizen(_ number: Int) -> Citizen { Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(number))) }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("antrean-outbox-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// An allocator on the store at `path` with the outbox on, and the store.
    static func open(_ path: String, clock: ManualClock, outbox: OutboxSettings? = OutboxSettings()) throws -> (
        Allocator, SQLiteAllocatorStore
    ) {
        let store = try SQLiteAllocatorStore(path: path, outbox: outbox)
        return (
            try Allocator(
                configuration: configuration, tokenSigner: signer, nikHasher: hasher, store: store, clock: clock),
            store
        )
    }
}

/// A webhook receiver in memory: answers each request with the next status of its client's script
/// (200 once the script is used up) and keeps every request it received, in order.
final class ScriptedReceiver: WebhookTransport {
    private struct State {
        var scripts: [String: [Int]]
        var received: [WebhookRequest] = []
    }

    private let state: Mutex<State>

    /// `scripts`: per URL, the statuses to answer in turn; 0 stands for "no answer" (a thrown error).
    init(scripts: [String: [Int]] = [:]) { state = Mutex(State(scripts: scripts)) }

    struct Unreachable: Error {}

    func send(_ request: WebhookRequest) async throws -> Int {
        let status = state.withLock { state -> Int in
            state.received.append(request)
            guard var script = state.scripts[request.url], !script.isEmpty else { return 200 }
            let next = script.removeFirst()
            state.scripts[request.url] = script
            return next
        }
        if status == 0 { throw Unreachable() }
        return status
    }

    var received: [WebhookRequest] { state.withLock { $0.received } }

    /// The `Antrean-Event-Id` of every request received, in order.
    var eventIDs: [String] { received.compactMap { $0.header("Antrean-Event-Id") } }
}
