import Foundation
import Testing

/// The PHP example (examples/php) books, fetches the QR token, checks in and reads the queue against a
/// running `antrean serve`. Skipped where PHP with its curl extension is not installed (`make deps`
/// installs Debian's php-cli and php-curl).
@Suite("PHP client example", .serialized)
struct PHPClientTests {
    static var phpWithCurl: Bool {
        guard let php = ["/usr/bin/php", "/usr/local/bin/php"].first(where: FileManager.default.isExecutableFile) else {
            return false
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: php)
        process.arguments = ["-r", "exit(function_exists('curl_init') ? 0 : 1);"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test(.enabled(if: phpWithCurl, "php with the curl extension is not installed"))
    func thePHPClientBooksChecksInAndReadsTheQueue() async throws {
        let (folder, key) = try ServeCrashTests.makeDeployment(role: "admin")
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess(
            [
                "--config", "config.json", "--store", "store.sqlite", "--keys", "keys.json", "--clock-start",
                "2026-11-23T07:40:00+08:00",
            ], in: folder)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "php", ServeProcess.repositoryRoot.appendingPathComponent("examples/php/antrean-client.php").path,
            "http://127.0.0.1:\(server.port)", key, "6472011204850003", "kel-sidodadi", "ktp",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        server.kill(SIGTERM)
        _ = await server.wait()
        #expect(process.terminationStatus == 0, "\(text)")
        let lines = text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 4, "\(text)")
        #expect((lines.first?["booked"] as? [String: Any])?["state"] as? String == "booked")
        #expect(((lines.dropFirst(2).first?["checkedIn"] as? [String: Any])?["timing"]) as? String == "on_time")
        #expect((lines.last?["queue"] as? [String: Any])?["waiting"] as? Int == 1)
    }
}
