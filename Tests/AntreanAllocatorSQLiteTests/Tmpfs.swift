import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small tmpfs mounted for one test: a disk that fills up, or turns read-only, on demand. Needs root
/// (CAP_SYS_ADMIN) and mount(8); tests that use it are disabled where mounting is not permitted.
struct Tmpfs {
    let path: String

    /// Whether this process may mount a tmpfs (tried once, on a scratch directory).
    static let isAvailable: Bool = {
        guard let probe = try? Tmpfs(kilobytes: 64) else { return false }
        probe.unmount()
        return true
    }()

    init(kilobytes: Int) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-tmpfs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        do {
            try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    func remount(readOnly: Bool) throws {
        try Self.run("/bin/mount", ["-o", readOnly ? "remount,ro" : "remount,rw", path])
    }

    func unmount() {
        // Lazy: detaches even while a file is still open (a test that failed midway).
        try? Self.run("/bin/umount", ["-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Fills the file system with a file at `name`, writing until the kernel answers ENOSPC. Returns its path.
    func fill(name: String = "filler") throws -> String {
        let filler = path + "/" + name
        let descriptor = open(filler, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw MountError(command: "open \(filler)", status: errno) }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0xA5, count: 4096)
        while chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        guard errno == ENOSPC else { throw MountError(command: "fill \(filler)", status: errno) }
        return filler
    }

    struct MountError: Error {
        var command: String
        var status: Int32
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MountError(command: ([tool] + arguments).joined(separator: " "), status: process.terminationStatus)
        }
    }
}
