import AntreanAllocator
import AntreanAllocatorSQLite
import ArgumentParser
import Foundation

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Apply a trace of booking requests (JSON lines) to the slot allocator and print its decisions.",
        discussion: """
            Each request line gets one JSON decision line on standard output, printed only once the \
            decision is durable in the store (decisions are committed in groups of --group-commit lines). \
            A malformed line is reported with its line number on standard error and as a decision, and \
            the following lines still run. A JSON summary line ends the output. Formats: docs/allocator.md.

            The bundled trace has two deliberate mistakes (line 7 is not JSON, line 8 lacks a NIK) to \
            show how they are reported.

            Example:
              antrean replay Simulations/replay/requests.jsonl \\
                --config Simulations/replay/config.json \\
                --store demo.sqlite --policy kecamatan-earliest
            """
    )

    @Argument(help: "Requests, one JSON object a line.")
    var requests: String

    @Option(help: "Allocator configuration (JSON): offices, services, rules, secrets.")
    var config: String

    @Option(help: "SQLite store; created if missing, reopened (state rebuilt) if present.")
    var store: String

    @Option(help: "Policy: home-earliest, kecamatan-earliest, least-loaded, overbooking.")
    var policy: String = "home-earliest"

    @Option(help: "Lines applied per store transaction before their decisions are printed.")
    var groupCommit: Int = 32

    @Option(
        help:
            "SQLite sync: PIPELINED or FULL (survive power loss; PIPELINED overlaps the fsync with the next write) or NORMAL (survives a process crash)."
    )
    var sync: String = "FULL"

    func validate() throws {
        guard groupCommit >= 1 else { throw ValidationError("--group-commit must be at least 1") }
        guard SQLiteAllocatorStore.SyncMode(rawValue: sync.uppercased()) != nil else {
            throw ValidationError("--sync must be PIPELINED, FULL or NORMAL")
        }
    }

    func run() throws {
        do {
            try replay()
        } catch let error as ReplayError {
            throw CLIError(error.description, status: error.status)
        }
    }

    private func replay() throws {
        let configuration = try ReplayConfiguration.load(path: config)
        let chosenPolicy = try configuration.policy(named: policy)
        let text: String
        do { text = try String(contentsOfFile: requests, encoding: .utf8) } catch {
            throw ReplayError(
                "\(requests): cannot read: \(error.localizedDescription)", status: ExitStatus.missingInput)
        }
        let allocator: Allocator
        do {
            let sqlite = try SQLiteAllocatorStore(path: store, syncMode: .init(rawValue: sync.uppercased())!)
            allocator = try Allocator(
                configuration: configuration.allocatorConfiguration, policy: chosenPolicy,
                tokenSigner: configuration.tokenSigner, nikHasher: configuration.nikHasher, store: sqlite,
                clock: ManualClock(Instant(secondsSinceEpoch: 0)))
        } catch {
            // A store another process holds is worth retrying; any other store failure is I/O.
            let busy = "\(error)".localizedCaseInsensitiveContains("locked")
            throw ReplayError(
                "\(store): \(error)", status: busy ? ExitStatus.temporaryFailure : ExitStatus.ioError)
        }
        var replayer = Replayer(allocator: allocator, file: requests)
        var summary = ReplaySummary()
        summary.policy = chosenPolicy.name
        var pending: [ReplayDecision] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]

        func acknowledge() throws {
            do { try allocator.flush() } catch { throw ReplayError("\(store): \(error)", status: ExitStatus.ioError) }
            var out = Data()
            for decision in pending {
                out += try encoder.encode(decision)
                out.append(UInt8(ascii: "\n"))
            }
            FileHandle.standardOutput.write(out)
            pending.removeAll(keepingCapacity: true)
        }

        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let decision = replayer.decide(line: lineNumber, text: trimmed)
            summary.lines += 1
            if decision.reason == "malformed" {
                summary.malformed += 1
            } else if decision.ok {
                summary.accepted += 1
            } else {
                summary.refused += 1
            }
            if let reason = decision.reason { summary.reasons[reason, default: 0] += 1 }
            pending.append(decision)
            if pending.count >= groupCommit { try acknowledge() }
        }
        try acknowledge()
        summary.bookingsInStore = allocator.read { $0.bookingCount }
        summary.activeBookings = allocator.read { $0.allBookings.filter { $0.state.isActive }.count }
        struct Wrapper: Encodable { var summary: ReplaySummary }
        var out = try encoder.encode(Wrapper(summary: summary))
        out.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(out)
    }
}
