import AntreanAllocator
import AntreanAllocatorSQLite
import AntreanReplay
import ArgumentParser
import Foundation

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Apply a trace of booking requests (JSON lines) to the slot allocator and print its decisions.",
        discussion: """
            Each request line gets one JSON decision line on standard output, printed only once the \
            decision is durable in the store (decisions are committed in groups of --group-commit lines). \
            Lines end in LF or CRLF. A malformed line (invalid UTF-8, broken JSON, a bad field) is reported \
            with its line number on standard error and as a decision, and the following lines still run; a \
            request dated outside 2000-01-01 … 2199-12-31 UTC is refused (instant_out_of_range). A JSON \
            summary line ends the output. Formats: docs/allocator.md.

            Secrets (base64 or hex of at least 32 random bytes, from `antrean secrets generate`): the NIK \
            pepper comes from ANTREAN_NIK_PEPPER, the file named by ANTREAN_NIK_PEPPER_FILE, or the \
            configuration's nikPepperFile; a current token key from ANTREAN_TOKEN_KEY or \
            ANTREAN_TOKEN_KEY_FILE with ANTREAN_TOKEN_KEY_ID, after the configuration's tokenKeys. Secret \
            files must be readable by their owner only (chmod 600). See docs/security.md.

            Exit status: 0 done, 64 bad option, 65 bad configuration, secret or \
            stored row, 66 missing input file, 74 a store I/O error (disk full, read-only), 75 the store \
            is in use by another process (try again when it ends).

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

    @OptionGroup var files: AllocatorFileOptions

    @OptionGroup var placement: PolicyOption

    @Option(help: "Lines applied per store transaction before their decisions are printed.")
    var groupCommit: Int = 32

    @OptionGroup var durability: SyncOption

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        guard groupCommit >= 1 else { throw ValidationError("--group-commit must be at least 1") }
    }

    func run() throws {
        do {
            try replay()
        } catch let error as ReplayError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw error.status
        } catch let error as ReplayStoreError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw error.exitStatus
        }
    }

    private func replay() throws {
        let (configuration, signer, hasher) = try ReplayConfiguration.load(path: files.config)
        let chosenPolicy = try configuration.policy(named: placement.policy)
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: requests))) } catch {
            throw ReplayError(
                "\(requests): cannot read: \(error.localizedDescription)", status: ExitStatus.missingInput)
        }
        let allocator: Allocator
        do {
            let sqlite = try SQLiteAllocatorStore(path: files.store, syncMode: durability.mode)
            allocator = try Allocator(
                configuration: configuration.allocatorConfiguration, policy: chosenPolicy,
                tokenSigner: signer, nikHasher: hasher, store: sqlite,
                clock: ManualClock(Instant(secondsSinceEpoch: 0)))
        } catch {
            throw ReplayStoreError(store: files.store, underlying: error)
        }
        var replayer = Replayer(allocator: allocator, file: requests, language: try language.language())
        var summary = ReplaySummary()
        summary.policy = chosenPolicy.name
        var pending: [ReplayDecision] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]

        func acknowledge() throws {
            do { try allocator.flush() } catch {
                throw ReplayStoreError(store: files.store, underlying: error, afterAcknowledging: true)
            }
            var out = Data()
            for decision in pending {
                out += try encoder.encode(decision)
                out.append(UInt8(ascii: "\n"))
            }
            FileHandle.standardOutput.write(out)
            pending.removeAll(keepingCapacity: true)
        }

        for line in ReplayLine.split(bytes) {
            let decision = replayer.decide(line: line.number, bytes: line.bytes)
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
