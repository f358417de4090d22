import Foundation

/// Runs the built `antrean` executable as a child process, as a user would.
struct AntreanProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The `antrean` binary beside the test bundle in the build's products folder.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        let candidate = folder.appendingPathComponent("antrean")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        // Swift Testing's runner may live elsewhere; fall back to the package's debug products.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/antrean")
    }

    /// The repository's root, for paths such as `Simulations/validation/mm1.yaml`.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Makes the secret files that the bundled `Simulations/replay/config.json` names, as
    /// `make replay-secrets` does before the README's replay example (git-ignored, mode 600); files
    /// that exist are kept (`secrets generate` never overwrites, and two tests may race here).
    static func makeBundledReplaySecrets() throws {
        let folder = repositoryRoot.appendingPathComponent("Simulations/replay/secrets")
        for name in ["nik-pepper", "token-2026a"] {
            let file = folder.appendingPathComponent(name)
            guard !FileManager.default.fileExists(atPath: file.path) else { continue }
            _ = try run(["secrets", "generate", "--output", file.path])
        }
    }

    /// Runs `antrean arguments` in `folder` (the repository's root unless given).
    /// - Parameter environment: variables to set (or override) for the child only.
    static func run(
        _ arguments: [String], input: Data? = nil, in folder: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = folder ?? repositoryRoot
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        if let input {
            let stdin = Pipe()
            process.standardInput = stdin
            try process.run()
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let errorData = ReadToEnd(error.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData.wait(), as: UTF8.self))
    }
}

/// Reads a file handle to its end on a background thread.
final class ReadToEnd: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
