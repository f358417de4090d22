// A process for the outbox's crash test (Tests/AntreanOutboxTests/KillTests.swift), not a tool:
//
//   antrean-outbox-probe STORE BOOKINGS ANSWERED
//
// opens STORE with the outbox on, books BOOKINGS places (Monday 23 November 2026, booked on the Sunday
// at noon, as the tests' fixture does), then delivers the events to the subscriber "portal" one at a
// time through a receiver that answers 200 to the first ANSWERED requests and then hangs. It prints
// `SENDING <event id>` when the hanging request starts, so the test knows when to kill it.
import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanOutbox
import Foundation

/// Answers 200 to the first `answered` requests, then never answers.
struct HangingReceiver: WebhookTransport {
    let answered: Int
    let count = Counter()

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    func send(_ request: WebhookRequest) async throws -> Int {
        guard count.next() > answered else { return 200 }
        // Written straight to the descriptor: nothing buffered is lost when the test kills the process.
        FileHandle.standardOutput.write(Data("SENDING \(request.header("Antrean-Event-Id") ?? "?")\n".utf8))
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("antrean-outbox-probe: \(message)\n".utf8))
    exit(64)
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let bookings = Int(arguments[2]), let answered = Int(arguments[3]), bookings > 0,
    bookings <= 24
else { fail("usage: antrean-outbox-probe STORE BOOKINGS(1…24) ANSWERED") }

let ktp = ServiceID("ktp")
let office = OfficeID("kel-a")
let monday = LocalDate(year: 2026, month: 11, day: 23)
let configuration = AllocatorConfiguration(
    offices: [
        OfficeConfig(
            id: office, kecamatan: KecamatanID("A"), services: [OfficeServiceConfig(service: ktp, counters: 3)],
            walkInShare: [.monday: 0.2], priorityShare: [.monday: 0.1])
    ],
    services: [ServiceConfig(id: ktp, meanServiceMinutes: 5)])
do {
    let signer = try QRTokenSigner(
        keyID: "k1", keyBytes: SecretText.decode("2b7842dd175b4c79c69ede6c98d90bd3a94c544e7a95220e6e723d6df49a71b6"))
    let hasher = try NIKHasher(
        pepperBytes: SecretText.decode("522c993dbc8fe2a9e7238d7f9aca6e4338bdcc56afa9ab08d45339bc35b56675"))
    let clock = ManualClock(
        OfficeTimeZone.wita.instant(on: LocalDate(year: 2026, month: 11, day: 22), minuteOfDay: 720))
    let store = try SQLiteAllocatorStore(path: arguments[1], outbox: OutboxSettings())
    let allocator = try Allocator(
        configuration: configuration, tokenSigner: signer, nikHasher: hasher, store: store, clock: clock)
    let deliverer = try OutboxDeliverer(
        store: store,
        subscribers: [WebhookSubscriber(clientID: "portal", url: "https://portal.example/h", secret: "whsec_probe")],
        transport: HangingReceiver(answered: answered), clock: clock, seed: 1, batchSize: 1)
    for number in 0..<bookings {
        let slot = SlotRef(
            office: office, service: ktp, start: OfficeTimeZone.wita.instant(on: monday, minuteOfDay: 480 + 15 * number)
        )
        _ = try await allocator.book(slot, for: Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(number + 1)))).get()
    }
    try await deliverer.deliverDue()
    print("DONE")
} catch {
    fail("\(error)")
}
