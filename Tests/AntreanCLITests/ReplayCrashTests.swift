import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Kills `antrean replay` with SIGKILL in the middle of a load, reopens the store by replaying the same
/// trace, and checks that every acknowledged booking survived and none was made twice.
@Suite struct ReplayCrashTests {
    static let bookings = 6000

    static func config() -> String {
        """
        {"offices": [{"id": "kel-x", "kecamatan": "k",
          "services": [{"service": "ktp", "counters": 1, "slotCapacity": 200}]}],
         "services": [{"id": "ktp", "meanServiceMinutes": 10}],
         "nikPepper": "673dcbd69ee4044f4ca3de60bc75118d92726e5ecf172f9969e24813c3cde5c1",
         "tokenKeys": [{"id": "k1", "secret": "4c24617e318d0cb180aa592e723c10d0666a35f754a80c62f45cd47e9772ceb5"}]}
        """
    }

    static func trace() -> String {
        (0..<bookings).map { index in
            let nik = "647201" + twoDigits(index / 9999 + 1) + "0190" + fourDigits(index % 9999 + 1)
            return #"{"op":"book","id":"r\#(index)","at":"2026-11-22T12:00:00+08:00","nik":"\#(nik)","#
                + #""account":"acct-\#(index)","office":"kel-x","service":"ktp","idempotency_key":"key-\#(index)"}"#
        }.joined(separator: "\n")
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    static func fourDigits(_ value: Int) -> String {
        String(repeating: "0", count: 4 - String(value).count) + String(value)
    }

    @Test(arguments: ["FULL", "PIPELINED"])
    func acknowledgedBookingsSurviveSIGKILLAndAreNeverDuplicated(sync: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.json")
        let requests = folder.appendingPathComponent("trace.jsonl")
        let store = folder.appendingPathComponent("store.sqlite")
        try Self.config().write(to: config, atomically: true, encoding: .utf8)
        try Self.trace().write(to: requests, atomically: true, encoding: .utf8)
        let arguments = [
            "replay", requests.path, "--config", config.path, "--store", store.path, "--group-commit", "8",
            "--sync", sync,
        ]

        // Start the load and kill it once a few hundred decisions have been acknowledged.
        let process = Process()
        process.executableURL = AntreanProcess.executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var received = Data()
        while received.filter({ $0 == UInt8(ascii: "\n") }).count < 300 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        received += output.fileHandleForReading.readDataToEndOfFile()
        #expect(process.terminationReason == .uncaughtSignal, "the load finished before it could be killed")

        // Every complete line printed before the kill is an acknowledged decision.
        var acknowledged: [Int: Int] = [:]  // line → booking
        let text = String(decoding: received, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let decision = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(decision["ok"] as? Bool == true)
            if let number = decision["line"] as? Int, let booking = decision["booking"] as? Int {
                acknowledged[number] = booking
            }
        }
        #expect(acknowledged.count >= 300)
        #expect(acknowledged.count < Self.bookings)

        // Reopen and resend the whole trace: acknowledged requests come back as repeats of the same booking.
        let rerun = try AntreanProcess.run(arguments)
        #expect(rerun.status == 0)
        var bookingsSeen = Set<Int>()
        var summary: [String: Any] = [:]
        for line in rerun.standardOutput.split(separator: "\n") {
            let decision = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let found = decision["summary"] as? [String: Any] {
                summary = found
                continue
            }
            let number = try #require(decision["line"] as? Int)
            let booking = try #require(decision["booking"] as? Int)
            #expect(bookingsSeen.insert(booking).inserted, "booking \(booking) returned for two requests")
            if let before = acknowledged[number] {
                #expect(booking == before && decision["repeat"] as? Bool == true, "line \(number) lost or duplicated")
            }
        }
        #expect(bookingsSeen.count == Self.bookings)
        #expect(summary["bookings_in_store"] as? Int == Self.bookings)
    }
}
