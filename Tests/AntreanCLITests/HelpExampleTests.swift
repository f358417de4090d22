import Foundation
import Testing

/// Every example a help text or the README shows runs as written (issue 17): the examples are read
/// out of `antrean help <command>` and the README's code blocks and run against the bundled
/// scenarios, in a scratch folder that sees the repository's `Simulations/`.
@Suite("examples in help texts and the README")
struct HelpExampleTests {
    static let commands = [
        "simulate", "validate", "plan", "compare", "sweep", "merge", "replay", "fit", "schedule",
    ]

    /// Commands that take --replications get a small count, so the examples run in seconds.
    static let replicated: Set<String> = ["simulate", "plan", "compare", "sweep"]

    /// The `antrean …` command lines in `text`, with `\`-continued lines joined.
    static func examples(in text: String, prefixes: [String] = ["antrean "]) -> [String] {
        var result: [String] = []
        var pending: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("$ ") { line.removeFirst(2) }
            if pending == nil {
                guard let prefix = prefixes.first(where: { line.hasPrefix($0) }) else { continue }
                line = "antrean " + line.dropFirst(prefix.count)
            }
            let continues = line.hasSuffix("\\")
            if continues { line = String(line.dropLast()).trimmingCharacters(in: .whitespaces) }
            pending = pending.map { $0 + " " + line } ?? line
            if !continues, let command = pending {
                // Prose that merely starts with the program's name is no example.
                let name = words(command).dropFirst().first ?? ""
                if commands.contains(name) || name == "help" { result.append(command) }
                pending = nil
            }
        }
        return result
    }

    /// Splits a command line into words as a POSIX shell would for these examples (quotes, no
    /// expansions), dropping a trailing `# comment`.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var hasWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                hasWord = true
            } else if character == "#" && !hasWord && current.isEmpty {
                break
            } else if character.isWhitespace {
                if hasWord || !current.isEmpty { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord || !current.isEmpty { words.append(current) }
        return words
    }

    /// Runs `example` in `folder`, shortened so that the debug build runs it in seconds: at most 3
    /// replications (2 where the example leaves it to the scenario), at most 50,000 arrivals, 20,000
    /// for a queue scenario's own run length, and 2 or 3 measured days of a city after 1 warm-up day.
    static func run(_ example: String, in folder: URL) throws -> AntreanProcess.Result {
        // Files an example puts in /tmp go to the scratch folder instead.
        var arguments = words(example).dropFirst().map {
            $0.hasPrefix("/tmp/") ? folder.appendingPathComponent(String($0.dropFirst(5))).path : $0
        }
        if arguments.first == "schedule", arguments.contains(where: { $0.hasPrefix("Simulations/samarinda") }) {
            // The scenario form: a short search and comparison.
            arguments += [
                "--search-days", "7", "--search-replications", "2", "--max-evaluations", "2", "--days", "2",
                "--replications", "2",
            ]
        }
        guard let command = arguments.first, replicated.contains(command) else {
            return try AntreanProcess.run(arguments, in: folder)
        }
        func cap(_ option: String, at limit: Int) -> Bool {
            guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return false }
            if let value = Int(arguments[index + 1]), value > limit { arguments[index + 1] = String(limit) }
            return true
        }
        if !cap("--replications", at: 3) { arguments += ["--replications", "2"] }
        let overridesRun = cap("--arrivals", at: 50_000) || arguments.contains("--duration")
        let override = command == "sweep" ? "--set" : "--param"
        // A roster file `plan --roster-out` wrote, and a fragment `fit --scenario` wrote, include the bundled city.
        if arguments.contains(where: {
            $0.hasPrefix("Simulations/samarinda") || $0.hasSuffix("samarinda-roster.yaml")
                || $0.hasSuffix("samarinda-fitted.yaml")
        }) {
            if command == "simulate", !cap("--days", at: 3) { arguments += ["--days", "2"] }
            if command != "simulate" { arguments += [override, "run.days=2"] }
            arguments += [override, "run.warm_up_days=1"]
        } else if !overridesRun, !arguments.contains(where: { $0.hasPrefix("run.arrivals=") }) {
            arguments += [override, "run.arrivals=20000"]
        }
        return try AntreanProcess.run(arguments, in: folder)
    }

    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Simulations"),
            withDestinationURL: AntreanProcess.repositoryRoot.appendingPathComponent("Simulations"))
        return folder
    }

    @Test func everyHelpExampleRuns() throws {
        try AntreanProcess.makeBundledReplaySecrets()
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var count = 0
        for command in [""] + Self.commands {
            let help = try AntreanProcess.run(command.isEmpty ? ["help"] : ["help", command])
            #expect(help.status == 0)
            for example in Self.examples(in: help.standardOutput) {
                count += 1
                let result = try Self.run(example, in: folder)
                #expect(result.status == 0, "`\(example)` (help \(command)): \(result.standardError)")
            }
        }
        #expect(count >= 12)
    }

    @Test func everyReadmeCommandRuns() throws {
        try AntreanProcess.makeBundledReplaySecrets()
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let readme = try String(
            contentsOf: AntreanProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        // Only the shell and text blocks hold commands; the YAML and JSON blocks hold file contents.
        var blocks: [String] = []
        var block: String?
        var inFence = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if inFence, let finished = block { blocks.append(finished) }
                block = !inFence && ["```sh", "```text", "```"].contains(line) ? "" : nil
                inFence.toggle()
            } else if block != nil {
                block! += line + "\n"
            }
        }
        let examples = blocks.flatMap { Self.examples(in: $0, prefixes: ["antrean ", ".build/release/antrean "]) }
        #expect(examples.count >= 4)
        for example in examples {
            let result = try Self.run(example, in: folder)
            #expect(result.status == 0, "`\(example)`: \(result.standardError)")
        }
    }

    @Test func exampleParsing() {
        let text =
            "  Examples:\n    antrean plan b \\\n      --c \"d e\"\n    antrean merge f   # note\n antrean (CLI)\n"
        #expect(Self.examples(in: text) == ["antrean plan b --c \"d e\"", "antrean merge f   # note"])
        #expect(Self.words("antrean a --c \"d e\" 'f g' # note") == ["antrean", "a", "--c", "d e", "f g"])
    }
}
