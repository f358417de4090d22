import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanServer
import ArgumentParser
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the slot allocator over HTTP (OpenAPI contract at /openapi.yaml).",
        discussion: """
            One process with the embedded SQLite store: the same allocator, rules and durability as \
            `antrean replay` and the Swift library, for portals, the 112 call centre, desks, kiosks and \
            displays. Every answer is sent once its change is durable. Resources, roles, errors and \
            deployment: docs/server.md.

            There is no default secret: the server starts only with its NIK pepper and a token key (as \
            for replay: the configuration's nikPepperFile and tokenKeys, or ANTREAN_NIK_PEPPER[_FILE] and \
            ANTREAN_TOKEN_KEY[_FILE] with ANTREAN_TOKEN_KEY_ID) and a keys file with at least one active \
            client key (`antrean keys create`). SIGTERM or SIGINT stops it gracefully: it stops accepting, \
            finishes the requests in flight, flushes the store and exits 0.

            Webhooks: when a client key has a webhook (`antrean keys create ... --webhook-url URL`), the \
            store keeps a notification outbox, written in the same transaction as each booking change, \
            and the server POSTs the events signed with the client's webhook secret, retried with backoff \
            until answered 2xx, across restarts. Who receives what: docs/webhooks.md.

            Exit status: 0 stopped, 64 bad option, 65 bad configuration, secret, keys file or stored row, \
            66 a missing configuration, secret or keys file, or no active client key, 74 a store I/O error, \
            75 the store is in use by another process.

            Example:
              antrean serve --config Simulations/replay/config.json --store demo.sqlite --keys keys.json
            """
    )

    @OptionGroup var files: AllocatorFileOptions

    @Option(help: "Client keys file (`antrean keys create`).")
    var keys: String

    @Option(help: "Address to listen on, HOST:PORT (port 0 picks a free one).")
    var listen: String = "127.0.0.1:8080"

    @OptionGroup var placement: PolicyOption

    @OptionGroup var durability: SyncOption

    @Option(help: "Requests per second each client key may make (token bucket).")
    var rateLimit: Double = 50

    @Option(help: "Burst of the per-key token bucket.")
    var burst: Double = 100

    @Option(help: "Bookings and holds per second per portal account (token bucket, burst 10).")
    var accountRateLimit: Double = 0.2

    @Option(help: "Largest request body accepted, in bytes.")
    var maxBodyBytes: Int = 16 * 1024

    @Option(help: "Seconds between no-show release rounds.")
    var noShowInterval: Int = 30

    @Option(help: "Start the clock at this instant (ISO 8601) and run it at the real pace: demos and tests only.")
    var clockStart: String?

    @Option(help: "Seconds: the ceiling of the first wait before a failed webhook is retried (doubles per attempt).")
    var webhookRetryBase: Int = 10

    @Option(help: "Seconds: the largest wait between two attempts of one webhook delivery.")
    var webhookRetryMax: Int = 3600

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard listenAddress != nil else { throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080") }
        guard rateLimit > 0, rateLimit.isFinite, burst >= 1, burst.isFinite, accountRateLimit > 0,
            accountRateLimit.isFinite
        else { throw ValidationError("--rate-limit and --account-rate-limit must be above 0, --burst at least 1") }
        guard (256...(16 << 20)).contains(maxBodyBytes) else {
            throw ValidationError("--max-body-bytes must be between 256 and 16777216")
        }
        guard (1...3600).contains(noShowInterval) else { throw ValidationError("--no-show-interval must be 1…3600") }
        if let clockStart, Instant(iso8601: clockStart).map(\.isSupported) != true {
            throw ValidationError("--clock-start: expected ISO 8601 like 2026-11-23T07:30:00+08:00")
        }
        guard (1...86_400).contains(webhookRetryBase), (webhookRetryBase...86_400).contains(webhookRetryMax) else {
            throw ValidationError("--webhook-retry-base must be 1…86400 and --webhook-retry-max from it to 86400")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level") }
    }

    var listenAddress: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port), colon != listen.startIndex
        else { return nil }
        return (String(listen[..<colon]), port)
    }

    func run() async throws {
        let (configuration, signer, hasher): (ReplayConfiguration, QRTokenSigner, NIKHasher)
        do { (configuration, signer, hasher) = try ReplayConfiguration.load(path: files.config) } catch {
            // A secret that is nowhere configured is missing input here, as a missing secret file is.
            let missing = error.description.contains("no NIK pepper") || error.description.contains("tokenKeys: needs")
            throw CLIError(error.description, status: missing ? ExitStatus.missingInput : error.status)
        }
        let registry: ClientKeyRegistry
        do { registry = try ClientKeyRegistry(path: keys) } catch {
            if case .missing = error { throw CLIError("\(error)", status: ExitStatus.missingInput) }
            throw CLIError("\(error)", status: ExitStatus.badInput)
        }
        guard registry.clients.contains(where: { !$0.isRevoked }) else {
            throw CLIError(
                "\(keys): no active client key; create one with `antrean keys create --keys \(keys) --client NAME --role ROLE`",
                status: ExitStatus.missingInput)
        }
        // Any webhook turns the store's outbox on; a key whose webhook cannot be used stops the start.
        let webhookClients: [WebhookClient]
        do { webhookClients = try WebhookClient.of(registry.clients) } catch {
            throw CLIError("\(keys): \(error)", status: ExitStatus.badInput)
        }
        // Webhook secrets are kept in clear (the server signs with them): owner-only, as secret files.
        if registry.clients.contains(where: { $0.webhookSecret != nil }),
            let mode = (try? FileManager.default.attributesOfItem(atPath: keys))?[.posixPermissions] as? Int,
            mode & 0o077 != 0
        {
            throw CLIError(
                "\(keys): holds webhook secrets but others may read or change it; run `chmod 600 \(keys)`",
                status: ExitStatus.badInput)
        }
        let chosenPolicy: any AllocationPolicy
        do { chosenPolicy = try configuration.policy(named: placement.policy) } catch {
            throw CLIError(error.description, status: error.status)
        }
        let sqlite: SQLiteAllocatorStore
        let allocator: Allocator
        do {
            sqlite = try SQLiteAllocatorStore(
                path: files.store, syncMode: durability.mode, outbox: webhookClients.isEmpty ? nil : OutboxSettings())
            allocator = try Allocator(
                configuration: configuration.allocatorConfiguration, policy: chosenPolicy, tokenSigner: signer,
                nikHasher: hasher, store: sqlite, clock: OffsetClock(start: clockStart.flatMap { Instant(iso8601: $0) })
            )
        } catch {
            let failure = ReplayStoreError(store: files.store, underlying: error)
            throw CLIError(failure.description, status: failure.exitStatus)
        }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        // The same lines as StreamLogHandler.standardError, written in batches (LogSink: one request line
        // each, without a system call each); flushed before the command returns.
        defer { LogSink.standardError.flush() }
        LoggingSystem.bootstrap { label in
            var handler = SinkLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "antrean.serve")
        var settings = AntreanHTTPServer.Settings()
        if let address = listenAddress { (settings.host, settings.port) = address }
        settings.keyRate = .init(ratePerSecond: rateLimit, burst: burst)
        settings.accountRate = .init(ratePerSecond: accountRateLimit, burst: 10)
        settings.maxBodyBytes = maxBodyBytes
        settings.noShowSweepInterval = .seconds(noShowInterval)
        var generator = SystemRandomNumberGenerator()
        let webhooks =
            webhookClients.isEmpty
            ? nil
            : WebhookDelivery(
                store: sqlite, retryBaseSeconds: Int64(webhookRetryBase), retryCapSeconds: Int64(webhookRetryMax),
                seed: generator.next())
        if !webhookClients.isEmpty {
            logger.info(
                "webhooks on", metadata: ["clients": .string(webhookClients.map(\.client).joined(separator: ","))])
        }
        let server = AntreanHTTPServer(
            allocator: allocator, configuration: configuration.allocatorConfiguration, keys: registry,
            settings: settings, logger: logger, webhooks: webhooks)
        let host = settings.host
        // Making the group registers the webhook clients with the store (before the first request).
        let group = try Result {
            try server.makeServiceGroup { port in
                // The one line a script waits for (tests read the port from it).
                FileHandle.standardOutput.write(Data("antrean serve: listening on http://\(host):\(port)\n".utf8))
            }
        }.mapError {
            CLIError("\(files.store): cannot register the webhook clients: \($0)", status: ExitStatus.ioError)
        }
        .get()
        do { try await group.run() } catch {
            logger.error("server stopped with an error", metadata: ["error": .string("\(error)")])
            throw CLIError("the server stopped: \(error)", status: ExitStatus.internalError)
        }
        do { try allocator.flush() } catch {
            throw CLIError("\(files.store): cannot flush the store at shutdown: \(error)", status: ExitStatus.ioError)
        }
        sqlite.close()
        logger.info("stopped; the store is flushed and closed")
    }
}
