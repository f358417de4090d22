import Foundation

/// The built `antrean` binary run as `antrean serve` in a child process, as an operator runs it.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let errorLog: URL

    /// The `antrean` executable beside the test bundle (or the package's debug products).
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        let candidate = folder.appendingPathComponent("antrean")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return repositoryRoot.appendingPathComponent(".build/debug/antrean")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `antrean arguments` to completion; its status and standard output.
    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    /// Starts `antrean serve arguments --listen 127.0.0.1:0` in `folder` and waits for its listening line.
    init(_ arguments: [String], in folder: URL, logLevel: String = "warning") throws {
        process.executableURL = Self.executable
        process.arguments = ["serve"] + arguments + ["--listen", "127.0.0.1:0", "--log-level", logLevel]
        process.currentDirectoryURL = folder
        let output = Pipe()
        errorLog = folder.appendingPathComponent("serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorLog)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first line says where it listens; read byte by byte so nothing after it is consumed.
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte.first == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else {
            process.waitUntilExit()
            let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw ServeProcessError(description: "antrean serve did not start: \(text) \(log)")
        }
        self.port = port
    }

    var standardError: String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }

    func kill(_ signal: Int32) { _ = Foundation.kill(process.processIdentifier, signal) }

    /// Waits for the process to end (on a background thread) and returns its exit status.
    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { [process] in
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
    }
}

struct ServeProcessError: Error, CustomStringConvertible {
    var description: String
}
