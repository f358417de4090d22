import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One writer per store across processes: a second `antrean replay` on a store in use is refused at
/// once (exit 75, naming the holder's pid), `kill -9` of the holder leaves no stale lock, and two runs
/// started together on a new file never both write it.
@Suite struct ReplayStoreLockTests {
    /// `count` bookings of citizens born on day `day` (distinct NIKs, keys and accounts per `day`).
    static func trace(day: Int, count: Int) -> String {
        (0..<count).map { index in
            let nik = "647201" + ReplayCrashTests.twoDigits(day) + "0190" + ReplayCrashTests.fourDigits(index + 1)
            return #"{"op":"book","id":"d\#(day)-\#(index)","at":"2026-11-22T12:00:00+08:00","nik":"\#(nik)","#
                + #""account":"acct-\#(day)-\#(index)","office":"kel-x","service":"ktp","idempotency_key":"k\#(index)"}"#
        }.joined(separator: "\n")
    }

    struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-lock-\(UUID().uuidString)")
        var store: String { url.appendingPathComponent("store.sqlite").path }
        var config: String { url.appendingPathComponent("config.json").path }

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try ReplayCrashTests.config().write(toFile: config, atomically: true, encoding: .utf8)
        }

        func write(trace: String, named name: String) throws -> String {
            let path = url.appendingPathComponent(name).path
            try trace.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func replay(_ trace: String) -> [String] {
            ["replay", trace, "--config", config, "--store", store, "--group-commit", "8"]
        }

        /// The summary line of `output` (the run's last line).
        static func summary(_ output: String) throws -> [String: Any] {
            let last = try #require(output.split(separator: "\n").last)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
            return try #require(object["summary"] as? [String: Any])
        }
    }

    @Test func aSecondWriterIsRefusedWhileTheFirstRunsAndAKilledWriterLeavesNoLock() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let trace = try folder.write(trace: Self.trace(day: 1, count: 4000), named: "first.jsonl")

        // The first writer prints a few decisions (it holds the store), then is paused.
        let first = Process()
        first.executableURL = AntreanProcess.executable
        first.arguments = folder.replay(trace)
        let output = Pipe()
        first.standardOutput = output
        first.standardError = FileHandle.nullDevice
        try first.run()
        var received = Data()
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        kill(first.processIdentifier, SIGSTOP)
        defer {
            // Only while it is ours: once reaped, its pid may belong to another process.
            if first.isRunning {
                kill(first.processIdentifier, SIGKILL)
                first.waitUntilExit()
            }
        }
        #expect(first.isRunning, "the first writer finished before the second could start")

        let second = try AntreanProcess.run(folder.replay(trace))
        #expect(second.status == 75)
        #expect(second.standardOutput.isEmpty)
        #expect(
            second.standardError.contains("\(folder.store) is in use by process \(first.processIdentifier)"),
            "\(second.standardError)")

        // kill -9: the kernel drops the lock with the process; the next writer finishes the trace.
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let third = try AntreanProcess.run(folder.replay(trace))
        #expect(third.status == 0, "\(third.standardError)")
        #expect(try Folder.summary(third.standardOutput)["bookings_in_store"] as? Int == 4000)
    }

    /// Two runs on a new file at once: one may be refused (exit 75), neither fails in the migrations,
    /// and the store ends with exactly the bookings the runs that succeeded accepted (two writers once
    /// overwrote each other's rows and both exited 0).
    @Test func twoRunsStartedTogetherOnANewStoreNeverShareIt() throws {
        let folder = try Folder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let traces = try [1, 2].map { day in
            try folder.write(trace: Self.trace(day: day, count: 1500), named: "day\(day).jsonl")
        }
        var accepted = 0
        let outcomes = try Self.runTogether(traces.map { folder.replay($0) })
        for outcome in outcomes {
            #expect([0, 75].contains(outcome.status), "\(outcome.standardError)")
            if outcome.status == 0 { accepted += try Folder.summary(outcome.standardOutput)["accepted"] as? Int ?? -1 }
        }
        let empty = try folder.write(trace: "", named: "empty.jsonl")
        let check = try AntreanProcess.run(folder.replay(empty))
        #expect(check.status == 0, "\(check.standardError)")
        #expect(try Folder.summary(check.standardOutput)["bookings_in_store"] as? Int == accepted)
    }

    /// Runs the commands at the same time (one thread each) and returns their results in order.
    static func runTogether(_ commands: [[String]]) throws -> [AntreanProcess.Result] {
        let results = Mutex([Result<AntreanProcess.Result, any Error>?](repeating: nil, count: commands.count))
        DispatchQueue.concurrentPerform(iterations: commands.count) { index in
            let result = Result { try AntreanProcess.run(commands[index]) }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { $0 }.map { try #require($0).get() }
    }
}
