import AntreanServer
import ArgumentParser
import Foundation

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage the client keys of `antrean serve` (stored as SHA-256 hashes only).",
        discussion: """
            Each portal, 112 console, desk, kiosk or display gets its own key with a role: \
            \(ClientRole.names). The keys file holds only each key's hash; the key itself is printed once, \
            by create. A running server rereads the file within seconds, so a revoked key is refused (401) \
            without a restart. See docs/server.md.

            Exit status: 0 done, 64 bad option, 65 a malformed keys file or an unknown key id, 66 a missing \
            keys file (list, revoke), 73 a keys file that cannot be written.

            Example:
              antrean keys create --keys keys.json --client portal-samarinda --role portal
              antrean keys list --keys keys.json
            """,
        subcommands: [CreateKeyCommand.self, ListKeysCommand.self, RevokeKeyCommand.self]
    )
}

struct KeysFileOption: ParsableArguments {
    @Option(help: "The keys file (JSON; created by the first `keys create`).")
    var keys: String

    func load(missingIsEmpty: Bool) throws -> ClientKeyFile {
        do { return try ClientKeyFile.load(path: keys) } catch {
            if case .missing = error, missingIsEmpty { return ClientKeyFile() }
            throw CLIError(
                "\(error)",
                status: { if case .missing = error { ExitStatus.missingInput } else { ExitStatus.badInput } }())
        }
    }

    func save(_ file: ClientKeyFile) throws {
        do { try file.save(path: keys) } catch { throw CLIError("\(error)", status: ExitStatus.cannotCreateOutput) }
    }
}

struct CreateKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Make a new client key and print it (once; only its hash is kept).")

    @OptionGroup var file: KeysFileOption

    @Option(help: "Who holds the key, e.g. portal-samarinda or kiosk-sidodadi-1 (letters, digits, - _ .).")
    var client: String

    @Option(help: "The key's role: \(ClientRole.names).")
    var role: String

    @Option(help: "Where the notification outbox delivers this client's events (https URL).")
    var webhookURL: String?

    func validate() throws {
        guard ClientRole(rawValue: role) != nil else {
            throw ValidationError("--role: '\(role)' is not a role (\(ClientRole.names))")
        }
        guard (1...64).contains(client.utf8.count),
            client.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "-_.".unicodeScalars.contains($0)
            })
        else { throw ValidationError("--client: 1 to 64 letters, digits, '-', '_' or '.'") }
    }

    func run() throws {
        guard let role = ClientRole(rawValue: role) else { throw ExitStatus.usage }
        var keys = try file.load(missingIsEmpty: true)
        var generator = SystemRandomNumberGenerator()
        var made = ClientKey.make(client: client, role: role, webhookURL: webhookURL, using: &generator)
        while keys.keys.contains(where: { $0.id == made.record.id }) {
            made = ClientKey.make(client: client, role: role, webhookURL: webhookURL, using: &generator)
        }
        keys.keys.append(made.record)
        try file.save(keys)
        print(made.key)
        printToStandardError(
            "created key \(made.record.id) for \(client) (role \(role.rawValue)) in \(file.keys); "
                + "the key above is shown only now")
    }
}

struct ListKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the client keys: id, client, role, created, revoked (never the key).")

    @OptionGroup var file: KeysFileOption

    func run() throws {
        let keys = try file.load(missingIsEmpty: false)
        print("id        client                          role         created                revoked")
        for key in keys.keys {
            let columns = [
                key.id.padding(toLength: 10, withPad: " ", startingAt: 0),
                key.client.padding(toLength: 32, withPad: " ", startingAt: 0),
                key.role.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0),
                key.createdAt.padding(toLength: 23, withPad: " ", startingAt: 0), key.revokedAt ?? "-",
            ]
            print(columns.joined())
        }
    }
}

struct RevokeKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a client key by its id (a running server refuses it within seconds).")

    @OptionGroup var file: KeysFileOption

    @Argument(help: "The key's id (8 hex digits, as `keys list` shows).")
    var id: String

    func run() throws {
        var keys = try file.load(missingIsEmpty: false)
        guard let index = keys.keys.firstIndex(where: { $0.id == id }) else {
            throw CLIError("\(file.keys): no key with id '\(id)'", status: ExitStatus.badInput)
        }
        if keys.keys[index].revokedAt == nil {
            keys.keys[index].revokedAt = ISO8601DateFormatter().string(from: Date())
            try file.save(keys)
        }
        printToStandardError("revoked key \(id) (\(keys.keys[index].client))")
    }
}
