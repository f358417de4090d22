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

            A key made with --webhook-url also gets a webhook secret (printed once, on the line after the \
            key): the server signs the notifications it POSTs to that URL with it (docs/webhooks.md). The \
            secret is kept in clear in the keys file (mode 600), since the server needs it to sign.

            Exit status: 0 done, 64 bad option, 65 a malformed keys file, an unknown key id or a key \
            without a webhook (rotate-webhook-secret), 66 a missing keys file (list, revoke, \
            rotate-webhook-secret), 73 a keys file that cannot be written.

            Example:
              antrean keys create --keys keys.json --client portal-samarinda --role portal \
                --webhook-url https://portal.example/antrean/webhook
              antrean keys list --keys keys.json
              antrean keys rotate-webhook-secret --keys keys.json 1a2b3c4d
            """,
        subcommands: [
            CreateKeyCommand.self, ListKeysCommand.self, RevokeKeyCommand.self, RotateWebhookSecretCommand.self,
        ]
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

    /// The position of the key `id` in `file`; an unknown id is bad input naming the keys file.
    func index(of id: String, in file: ClientKeyFile) throws -> Int {
        guard let index = file.keys.firstIndex(where: { $0.id == id }) else {
            throw CLIError("\(keys): no key with id '\(id)'", status: ExitStatus.badInput)
        }
        return index
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

    @Option(help: "Where the notification outbox POSTs this client's events (https, or http on a private network).")
    var webhookURL: String?

    @Option(help: "Which events the webhook gets: own (the bookings this client made) or all (every booking's).")
    var webhookEvents: String?

    /// The webhook's scope (`own` unless --webhook-events says otherwise).
    var scope: WebhookEventScope { webhookEvents.flatMap { WebhookEventScope(rawValue: $0) } ?? .own }

    func validate() throws {
        guard let role = ClientRole(rawValue: role) else {
            throw ValidationError("--role: '\(role)' is not a role (\(ClientRole.names))")
        }
        if let webhookURL, let problem = WebhookURL.problem(webhookURL) {
            throw ValidationError("--webhook-url: \(problem)")
        }
        if let webhookEvents {
            guard webhookURL != nil else { throw ValidationError("--webhook-events needs --webhook-url") }
            guard WebhookEventScope(rawValue: webhookEvents) != nil else {
                throw ValidationError("--webhook-events: '\(webhookEvents)' is not one of \(WebhookEventScope.names)")
            }
        }
        // A desk, kiosk or display key books nothing, so its own events would be none: refuse the silence.
        if webhookURL != nil, scope == .own, !role.makesBookings {
            throw ValidationError(
                "--webhook-url: a \(role.rawValue) key makes no bookings, so it has no own events; "
                    + "add --webhook-events all to receive every booking's events")
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
        var made = ClientKey.make(
            client: client, role: role, webhookURL: webhookURL, webhookEvents: scope, using: &generator)
        while keys.keys.contains(where: { $0.id == made.record.id }) {
            made = ClientKey.make(
                client: client, role: role, webhookURL: webhookURL, webhookEvents: scope, using: &generator)
        }
        keys.keys.append(made.record)
        try file.save(keys)
        print(made.key)
        if let secret = made.record.webhookSecret { print(secret) }
        printToStandardError(
            "created key \(made.record.id) for \(client) (role \(role.rawValue)) in \(file.keys); "
                + (made.record.webhookSecret == nil
                    ? "the key above is shown only now"
                    : "the key and, below it, the webhook secret are shown only now"))
    }
}

struct ListKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the client keys: id, client, role, created, revoked, webhook (never a key or secret).")

    @OptionGroup var file: KeysFileOption

    func run() throws {
        let keys = try file.load(missingIsEmpty: false)
        print(
            "id        client                          role         created                revoked               "
                + "webhook")
        for key in keys.keys {
            let webhook = key.webhookURL.map { "\($0) (\((key.webhookEvents ?? .own).rawValue) events)" } ?? "-"
            let columns = [
                key.id.padding(toLength: 10, withPad: " ", startingAt: 0),
                key.client.padding(toLength: 32, withPad: " ", startingAt: 0),
                key.role.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0),
                key.createdAt.padding(toLength: 23, withPad: " ", startingAt: 0),
                (key.revokedAt ?? "-").padding(toLength: 22, withPad: " ", startingAt: 0), webhook,
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
        let index = try file.index(of: id, in: keys)
        if keys.keys[index].revokedAt == nil {
            keys.keys[index].revokedAt = ISO8601DateFormatter().string(from: Date())
            try file.save(keys)
        }
        printToStandardError("revoked key \(id) (\(keys.keys[index].client))")
    }
}

struct RotateWebhookSecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate-webhook-secret",
        abstract: "Give a key's webhook a new signing secret and print it (once); the old one stops at once.",
        discussion: """
            A running server signs with the new secret within seconds. Deliveries that the receiver \
            refuses meanwhile (signed with a secret it does not have yet, or no longer accepts) are \
            retried with backoff and arrive once the receiver has the new secret: none is lost.
            """)

    @OptionGroup var file: KeysFileOption

    @Argument(help: "The key's id (8 hex digits, as `keys list` shows).")
    var id: String

    func run() throws {
        var keys = try file.load(missingIsEmpty: false)
        let index = try file.index(of: id, in: keys)
        guard keys.keys[index].webhookURL != nil else {
            throw CLIError(
                "\(file.keys): key \(id) has no webhook (make a key with --webhook-url)", status: ExitStatus.badInput)
        }
        guard !keys.keys[index].isRevoked else {
            throw CLIError("\(file.keys): key \(id) is revoked", status: ExitStatus.badInput)
        }
        var generator = SystemRandomNumberGenerator()
        let secret = ClientKey.makeWebhookSecret(using: &generator)
        keys.keys[index].webhookSecret = secret
        try file.save(keys)
        print(secret)
        printToStandardError(
            "new webhook secret for key \(id) (\(keys.keys[index].client)); the secret above is shown only now")
    }
}
