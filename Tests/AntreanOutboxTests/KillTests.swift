import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanOutbox
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A process killed with SIGKILL in the middle of a webhook delivery loses no event: after the restart
/// the deliverer sends what was not recorded as delivered (the request in flight included) and nothing
/// that was.
@Suite struct KillTests {
    typealias F = OutboxFixture

    /// The probe beside the test bundle in the build's products folder.
    static var probe: URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        let candidate = folder.appendingPathComponent("antrean-outbox-probe")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return DocumentedRecipeTests.repositoryRoot.appendingPathComponent(".build/debug/antrean-outbox-probe")
    }

    @Test func eventsUndeliveredAtASIGKILLAreDeliveredAfterTheRestart() async throws {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let process = Process()
        process.executableURL = Self.probe
        process.arguments = [path, "5", "2"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var received = Data()
        while !String(decoding: received, as: UTF8.self).contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let line = String(decoding: received, as: UTF8.self)
        #expect(line.hasPrefix("SENDING "), "the probe printed \(line)")
        let inFlight = line.dropFirst("SENDING ".count).trimmingCharacters(in: .whitespacesAndNewlines)

        // The kernel dropped the probe's lock: the store reopens with every booking and event.
        let clock = ManualClock(F.sundayNoon.adding(seconds: 60))
        let (allocator, store) = try F.open(path, clock: clock)
        #expect(allocator.read { $0.bookingCount } == 5)
        let events = try store.outboxEvents()
        #expect(events.map(\.type) == Array(repeating: .booked, count: 5))
        #expect(inFlight == events[2].id)
        #expect(try store.deliveredClients(ofEvent: events[1].sequence) == ["portal"])
        let receiver = ScriptedReceiver()
        let deliverer = try OutboxDeliverer(
            store: store,
            subscribers: [
                WebhookSubscriber(clientID: "portal", url: "https://portal.example/h", secret: "whsec_probe")
            ],
            transport: receiver, clock: clock, seed: 2)
        try await deliverer.deliverDue()
        #expect(receiver.eventIDs == events[2...].map(\.id))
        #expect(try store.outboxEvents().allSatisfy(\.isSettled))
    }
}
