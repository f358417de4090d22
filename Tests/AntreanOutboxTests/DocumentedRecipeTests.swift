import AntreanAllocator
import AntreanOutbox
import Foundation
import Testing

/// The snippets of docs/webhooks.md, run as a portal would run them, accept the requests the deliverer
/// sends and refuse a tampered body or a stale timestamp.
@Suite struct DocumentedRecipeTests {
    typealias F = OutboxFixture

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The first fenced block of `language` in docs/webhooks.md.
    static func snippet(_ language: String) throws -> String {
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("docs/webhooks.md"), encoding: .utf8)
        let start = try #require(text.range(of: "```\(language)\n"))
        let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// The path of `command` on PATH, if any.
    static func which(_ command: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(command)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// One request as the deliverer sends it, signed at the wall clock's now (the snippets read it).
    static func deliveredRequest() async throws -> (WebhookRequest, secret: String) {
        let path = F.temporaryPath()
        defer { F.remove(path) }
        let clock = ManualClock(F.sundayNoon)
        let (allocator, store) = try F.open(path, clock: clock)
        let subscriber = WebhookSubscriber(clientID: "portal", url: "https://portal.example/h", secret: "whsec_7Hq2+/x")
        let receiver = ScriptedReceiver()
        let deliverer = try OutboxDeliverer(
            store: store, subscribers: [subscriber], transport: receiver, clock: clock, seed: 1)
        _ = try await allocator.book(F.slot(minute: 480), for: F.citizen(1)).get()
        clock.set(Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
        try await deliverer.deliverDue()
        return (try #require(receiver.received.first), subscriber.secret)
    }

    /// Runs `interpreter script body timestamp signature secret` and returns what it printed.
    static func run(
        _ interpreter: String, _ script: String, extension fileExtension: String, _ request: WebhookRequest,
        body: [UInt8], timestamp: String? = nil, secret: String
    ) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-recipe-\(UUID().uuidString).\(fileExtension)")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = [
            file.path, Data(body).base64EncodedString(), timestamp ?? request.header("Antrean-Timestamp") ?? "",
            request.header("Antrean-Signature") ?? "", secret,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func checkRecipe(interpreter: String, script: String, extension fileExtension: String) async throws {
        let (request, secret) = try await deliveredRequest()
        var tampered = request.body
        tampered[tampered.count - 4] ^= 0x01
        let stale = String(Int64(Date().timeIntervalSince1970) - 3600)
        #expect(
            try run(interpreter, script, extension: fileExtension, request, body: request.body, secret: secret)
                == "true")
        #expect(
            try run(interpreter, script, extension: fileExtension, request, body: tampered, secret: secret) == "false")
        #expect(
            try run(interpreter, script, extension: fileExtension, request, body: request.body, secret: "whsec_other")
                == "false")
        #expect(
            try run(
                interpreter, script, extension: fileExtension, request, body: request.body, timestamp: stale,
                secret: secret) == "false")
    }

    @Test(.enabled(if: which("node") != nil, "needs node")) func theNodeSnippetVerifies() async throws {
        let script =
            try Self.snippet("js") + """

                const [body, timestamp, signature, secret] = process.argv.slice(2);
                console.log(antreanWebhookIsGenuine(Buffer.from(body, 'base64'),
                  { 'antrean-timestamp': timestamp, 'antrean-signature': signature }, secret));
                """
        try await Self.checkRecipe(interpreter: try #require(Self.which("node")), script: script, extension: "js")
    }

    @Test(.enabled(if: which("php") != nil, "needs php (Debian's php-cli)")) func thePHPSnippetVerifies() async throws {
        let script =
            "<?php\n" + (try Self.snippet("php")) + """

                echo antrean_webhook_is_genuine(base64_decode($argv[1]), $argv[2], $argv[3], $argv[4])
                    ? "true" : "false";
                """
        try await Self.checkRecipe(interpreter: try #require(Self.which("php")), script: script, extension: "php")
    }
}
