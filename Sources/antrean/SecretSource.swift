import AntreanAllocator
import Foundation

/// Reads the replay's secrets (the NIK pepper, token signing keys) from the environment, from files only
/// their owner can read, or from the configuration, and decodes them (base64 or hex of at least 32
/// random bytes: ``SecretText``). Errors name the source and the fix, never the secret.
struct SecretSource {
    /// The process environment (injected so the rules can be tested without touching the real one).
    var environment: [String: String]
    /// Where relative file names in the configuration are resolved: the configuration's own folder.
    var baseDirectory: URL

    static let pepperVariable = "ANTREAN_NIK_PEPPER"
    static let pepperFileVariable = "ANTREAN_NIK_PEPPER_FILE"
    static let tokenKeyVariable = "ANTREAN_TOKEN_KEY"
    static let tokenKeyFileVariable = "ANTREAN_TOKEN_KEY_FILE"
    static let tokenKeyIDVariable = "ANTREAN_TOKEN_KEY_ID"

    /// The bytes of a secret given as text in `origin` (a variable or a configuration field).
    func decode(_ text: String, origin: String) throws(ReplayError) -> [UInt8] {
        do { return try SecretText.decode(text) } catch { throw ReplayError("\(origin): \(error)") }
    }

    /// The bytes of the secret stored in the file at `path` (relative to ``baseDirectory``), refusing a
    /// file that its group or others may read: a secret others can read is no longer secret.
    func read(file path: String, origin: String) throws(ReplayError) -> [UInt8] {
        let url = URL(fileURLWithPath: path, relativeTo: baseDirectory).standardizedFileURL
        let shown = url.path
        var status = stat()
        guard stat(shown, &status) == 0 else {
            throw ReplayError(
                "\(origin): \(shown): cannot read the secret file (\(String(cString: strerror(errno)))); "
                    + "create one with `antrean secrets generate --output \(shown)`",
                status: ExitStatus.missingInput)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ReplayError("\(origin): \(shown): not a regular file", status: ExitStatus.missingInput)
        }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw ReplayError(
                "\(origin): \(shown): readable by group or others (mode \(String(mode, radix: 8))); "
                    + "a secret file must be owner-only: chmod 600 \(shown)")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReplayError("\(origin): \(shown): cannot read the secret file", status: ExitStatus.missingInput)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ReplayError("\(origin): \(shown): \(SecretError.notEncoded)")
        }
        return try decode(text, origin: "\(origin): \(shown)")
    }

    /// The NIK pepper: `ANTREAN_NIK_PEPPER`, else the file named by `ANTREAN_NIK_PEPPER_FILE`, else the
    /// configuration's `nikPepperFile`, else its `nikPepper`.
    func pepper(value: String?, file: String?, configPath: String) throws(ReplayError) -> [UInt8] {
        if let text = environment[Self.pepperVariable] { return try decode(text, origin: Self.pepperVariable) }
        if let path = environment[Self.pepperFileVariable] {
            return try read(file: path, origin: Self.pepperFileVariable)
        }
        switch (value, file) {
        case (.some, .some):
            throw ReplayError("\(configPath): nikPepper, nikPepperFile: give one of the two, not both")
        case (_, .some(let path)): return try read(file: path, origin: "\(configPath): nikPepperFile")
        case (.some(let text), _): return try decode(text, origin: "\(configPath): nikPepper")
        case (nil, nil):
            throw ReplayError(
                "\(configPath): no NIK pepper: set nikPepperFile in the configuration, or \(Self.pepperVariable) "
                    + "or \(Self.pepperFileVariable) in the environment (make one with `antrean secrets generate`)")
        }
    }

    /// The token key the environment makes current, if any: `ANTREAN_TOKEN_KEY` (or the file named by
    /// `ANTREAN_TOKEN_KEY_FILE`) under the id in `ANTREAN_TOKEN_KEY_ID`.
    func environmentTokenKey() throws(ReplayError) -> (id: String, bytes: [UInt8])? {
        let bytes: [UInt8]
        if let text = environment[Self.tokenKeyVariable] {
            bytes = try decode(text, origin: Self.tokenKeyVariable)
        } else if let path = environment[Self.tokenKeyFileVariable] {
            bytes = try read(file: path, origin: Self.tokenKeyFileVariable)
        } else {
            return nil
        }
        guard let id = environment[Self.tokenKeyIDVariable] else {
            throw ReplayError(
                "\(Self.tokenKeyIDVariable): required with \(Self.tokenKeyVariable) or \(Self.tokenKeyFileVariable) "
                    + "(the key's id, written into every token, e.g. 2026b)")
        }
        return (id, bytes)
    }
}
