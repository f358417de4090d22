import AntreanAllocator
import ArgumentParser
import Foundation

struct SecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Make the secrets the slot allocator needs (NIK pepper, token signing keys).",
        subcommands: [GenerateSecretCommand.self]
    )
}

struct GenerateSecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a new random secret (32 bytes, base64) for a NIK pepper or a token signing key.",
        discussion: """
            The bytes come from the operating system's random source (SystemRandomNumberGenerator: \
            getrandom(2) on Linux), never from a simulation seed. With --output the secret goes to a new \
            file readable by its owner only (mode 600; missing parent folders are made with mode 700) and \
            an existing file is never overwritten; without it, to standard output. Point the replay \
            configuration's nikPepperFile or tokenKeys[].secretFile at the file, or set \
            ANTREAN_NIK_PEPPER_FILE / ANTREAN_TOKEN_KEY_FILE. See docs/security.md.

            Exit status: 0 written, 64 bad option, 73 the file exists or cannot be created.
            """
    )

    @Option(help: "File to create (refused if it exists). Default: print to standard output.")
    var output: String?

    @Option(help: "Random bytes in the secret (at least 32).")
    var bytes: Int = 32

    func validate() throws {
        guard bytes >= SecretKeyCheck.minimumBytes, bytes <= 1024 else {
            throw ValidationError("--bytes must be between \(SecretKeyCheck.minimumBytes) and 1024")
        }
    }

    func run() throws {
        var generator = SystemRandomNumberGenerator()
        let text = GeneratedSecret.make(byteCount: bytes, using: &generator) + "\n"
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do { try GeneratedSecret.write(text, toNewFile: output) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.cannotCreateOutput
        }
        FileHandle.standardError.write(Data("wrote a new secret to \(output) (mode 600)\n".utf8))
    }
}

enum GeneratedSecret {
    /// `byteCount` random bytes as base64, drawn again in the (below 10^-7) case that they fail the
    /// checks every key must pass, so a generated secret is always accepted.
    static func make(byteCount: Int, using generator: inout some RandomNumberGenerator) -> String {
        while true {
            let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let text = SecretText.base64Encoded(bytes)
            if (try? SecretText.decode(text)) != nil { return text }
        }
    }

    /// Creates `path` with mode 600 and writes `text`; fails if the file exists (O_EXCL, so no race
    /// can replace a file between a check and the write).
    static func write(_ text: String, toNewFile path: String) throws(GeneratedSecretError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            do {
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw GeneratedSecretError("\(folder.path): cannot create the folder: \(error.localizedDescription)")
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            let reason =
                errno == EEXIST
                ? "exists; a secret is never overwritten (delete it first to replace it)"
                : "cannot create: \(String(cString: strerror(errno)))"
            throw GeneratedSecretError("\(path): \(reason)")
        }
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try file.write(contentsOf: Data(text.utf8))
            try file.synchronize()
            try file.close()
        } catch {
            throw GeneratedSecretError("\(path): cannot write: \(error.localizedDescription)")
        }
    }
}

struct GeneratedSecretError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
