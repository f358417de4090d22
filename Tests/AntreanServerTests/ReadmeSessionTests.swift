import Foundation
import Testing

/// The README's `antrean serve` section runs as written (the two lines that start a server on the bundled
/// configuration, then the curl session), in a scratch folder, on a free port instead of 8080.
@Suite("README serve session", .serialized)
struct ReadmeSessionTests {
    /// The shell blocks of the README's section on `antrean serve`.
    static func sessionBlocks() throws -> [String] {
        let readme = try String(
            contentsOf: ServeProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## The HTTP service: `antrean serve`"))
        let section = readme[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ").map { section[..<$0.lowerBound] } ?? section
        var blocks: [String] = []
        var current: String?
        for line in end.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```sh" {
                current = ""
            } else if line == "```", let finished = current {
                blocks.append(finished)
                current = nil
            } else if current != nil {
                current! += line + "\n"
            }
        }
        return blocks
    }

    /// A port nothing listens on now (bound once by the kernel's choice, then released).
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw ServeProcessError(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func theReadmeSessionRunsAsWritten() throws {
        let blocks = try Self.sessionBlocks()
        #expect(blocks.count == 2)
        #expect(blocks.first?.split(separator: "\n").count == 2, "two lines start the server")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = ServeProcess.repositoryRoot
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Simulations"),
            withDestinationURL: root.appendingPathComponent("Simulations"))
        // As `make replay-secrets` does: the bundled configuration's secrets, if missing.
        for name in ["nik-pepper", "token-2026a"] {
            let file = root.appendingPathComponent("Simulations/replay/secrets/\(name)")
            if !FileManager.default.fileExists(atPath: file.path) {
                _ = try ServeProcess.run(["secrets", "generate", "--output", file.path], in: root)
            }
        }
        let port = try Self.freePort()
        let script =
            "set -u\n"
            + blocks.joined().replacingOccurrences(of: "/tmp/", with: folder.path + "/")
            .replacingOccurrences(of: "127.0.0.1:8080", with: "127.0.0.1:\(port)")
            .replacingOccurrences(of: "antrean serve ", with: "antrean serve --listen 127.0.0.1:\(port) ")
            + "wait %1\necho \"server exit: $?\"\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] =
            ServeProcess.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains(#""state":"booked""#), "\(text)")
        #expect(text.contains(#""start":"2026-11-23T08:00:00+08:00""#), "\(text)")
        #expect(text.contains(#""timing":"on_time""#), "\(text)")
        #expect(text.contains(#""waiting":1"#), "\(text)")
        #expect(text.contains("server exit: 0"), "SIGTERM (kill %1) stops it with status 0: \(text)")
    }
}
