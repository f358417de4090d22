import AntreanAllocator
import AntreanAllocatorSQLite
import Benchmark
import Foundation

/// A city-sized configuration: 69 offices in 10 kecamatan, one service with 100 places per 15-minute slot.
enum BenchmarkCity {
    static let ktp = ServiceID("ktp")
    static let offices = (0..<69).map { OfficeID("office-\($0)") }
    static let configuration = AllocatorConfiguration(
        offices: offices.enumerated().map { index, id in
            OfficeConfig(
                id: id, kecamatan: KecamatanID("kec-\(index % 10)"),
                services: [OfficeServiceConfig(service: ktp, counters: 4, slotCapacity: 100)])
        },
        services: [ServiceConfig(id: ktp, meanServiceMinutes: 10)])
    /// Fixed random keys (Python's `secrets.token_hex(32)`): weak keys are refused.
    static let signer = try! QRTokenSigner(
        keyID: "bench", keyBytes: SecretText.decode("7c1fe134cffc0cd9fc6f76e8320e48f9f57ab09582da57c2b24dbb94b0d0fe7d"))
    static let hasher = try! NIKHasher(
        pepperBytes: SecretText.decode("62ead7e89fc2bcfbaab7e626958b9955d037712eab65adc7fb01a7bdded1b1c8"))
    /// Sunday 2026-11-22 12:00 WITA.
    static let now = OfficeTimeZone.wita.instant(on: LocalDate(year: 2026, month: 11, day: 22), minuteOfDay: 720)

    /// Every slot of every office over the booking horizon (≈ 46,000 slots × 100 places).
    static let slots: [SlotRef] = {
        var core = try! AllocatorCore(configuration: configuration, tokenSigner: signer, journalsChanges: false)
        var all: [SlotRef] = []
        for day in 1...30 {
            let date = LocalDate(year: 2026, month: 11, day: 22).adding(days: day)
            for office in offices {
                guard let plan = core.dayPlan(office: office, service: ktp, date: date) else { continue }
                for index in plan.slots.indices {
                    all.append(SlotRef(office: office, service: ktp, start: plan.slotStart(index)))
                }
            }
        }
        // Interleave offices and days so consecutive bookings touch different ledgers, as real traffic does.
        var generator = SplitMix(seed: 7)
        all.shuffle(using: &generator)
        return all
    }()

    static func freshCore(journals: Bool) -> AllocatorCore {
        try! AllocatorCore(configuration: configuration, tokenSigner: signer, journalsChanges: journals)
    }

    static func citizen(_ number: Int) -> Citizen { Citizen(nikHash: NIKHash(syntheticCitizen: UInt64(number))) }

    /// One million booking records, as a store would hold them.
    static let millionRecords: [BookingRecord] = {
        var core = freshCore(journals: false)
        for number in 0..<1_000_000 { _ = core.book(slots[number % slots.count], for: citizen(number), now: now) }
        return core.allBookings
    }()
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Boxes the mutable core for the benchmark closures (one benchmark thread touches it at a time).
final class CoreBox: @unchecked Sendable {
    var core = BenchmarkCity.freshCore(journals: false)
    var next = 0
}

let benchmarks: @Sendable () -> Void = {
    // In memory, one booking per iteration: wall-clock percentiles are per-operation latencies
    // (including the harness's own per-iteration overhead, so they are an upper bound).
    let single = CoreBox()
    Benchmark(
        "InMemory book latency (1 op per iteration)",
        configuration: .init(
            metrics: [.wallClock, .throughput], warmupIterations: 1000, maxDuration: .seconds(4),
            maxIterations: 1_500_000)
    ) { _ in
        let number = single.next
        single.next += 1
        blackHole(
            single.core.book(
                BenchmarkCity.slots[number % BenchmarkCity.slots.count], for: BenchmarkCity.citizen(number),
                now: BenchmarkCity.now))
    } setup: {
        _ = BenchmarkCity.slots
    }

    // In memory, 1000 bookings per iteration: throughput without harness overhead.
    let batched = CoreBox()
    Benchmark(
        "InMemory book throughput (1000 ops per iteration)",
        configuration: .init(
            metrics: [.wallClock, .throughput], warmupIterations: 5, scalingFactor: .kilo, maxDuration: .seconds(4),
            maxIterations: 1500)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let number = batched.next
            batched.next += 1
            blackHole(
                batched.core.book(
                    BenchmarkCity.slots[number % BenchmarkCity.slots.count], for: BenchmarkCity.citizen(number),
                    now: BenchmarkCity.now))
        }
    } setup: {
        _ = BenchmarkCity.slots
    }

    // QR tokens: one sign and one verify per scaled iteration, as a booking and its check-in cost.
    Benchmark(
        "QR token sign + verify (1000 per iteration)",
        configuration: .init(
            metrics: [.wallClock, .throughput], warmupIterations: 5, scalingFactor: .kilo,
            maxDuration: .seconds(4), maxIterations: 1500)
    ) { benchmark in
        let signer = BenchmarkCity.signer
        for number in benchmark.scaledIterations {
            let claims = QRTokenClaims(
                keyID: signer.currentKeyID, booking: BookingID(UInt64(number + 1)),
                office: BenchmarkCity.offices[number % BenchmarkCity.offices.count], slotStart: BenchmarkCity.now,
                nikHash: BenchmarkCity.citizen(number).nikHash, expiresAt: BenchmarkCity.now.adding(minutes: 480))
            blackHole(signer.verify(try! signer.sign(claims)))
        }
    }

    for mode in [SQLiteAllocatorStore.SyncMode.pipelined, .full, .normal] {
        // SQLite, durable (WAL; PIPELINED, synchronous = FULL, or NORMAL), 64 portal requests in flight: each iteration books 64
        // places concurrently; group commit folds them into few transactions. Custom metrics: bookings/s and
        // each booking's latency from request to acknowledgment.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "antrean-bench-\(mode.rawValue)-\(UUID().uuidString)")
        final class DurableBox: @unchecked Sendable {
            var allocator: Allocator?
            var next = 0
        }
        let durable = DurableBox()
        Benchmark(
            "SQLite durable book (64 concurrent, group commit, \(mode.rawValue))",
            configuration: .init(
                metrics: [
                    .wallClock, .custom("bookings per second", polarity: .prefersLarger, useScalingFactor: false),
                    .custom("booking latency (us)", useScalingFactor: false),
                    .custom("bookings per transaction", polarity: .prefersLarger, useScalingFactor: false),
                ],
                warmupIterations: 3, maxDuration: .seconds(8), maxIterations: 2000)
        ) { benchmark in
            let allocator = durable.allocator!
            let base = durable.next
            durable.next += 64
            let clock = ContinuousClock()
            let start = clock.now
            let latencies = await withTaskGroup(of: Duration.self) { group in
                for offset in 0..<64 {
                    group.addTask {
                        let begin = clock.now
                        let number = base + offset
                        _ = try? await allocator.book(
                            BenchmarkCity.slots[number % BenchmarkCity.slots.count], for: BenchmarkCity.citizen(number))
                        return clock.now - begin
                    }
                }
                return await group.reduce(into: [Duration]()) { $0.append($1) }
            }
            let elapsed = clock.now - start
            let statistics = allocator.commitStatistics
            benchmark.measurement(
                .custom("bookings per transaction", polarity: .prefersLarger, useScalingFactor: false),
                statistics.operations / max(1, statistics.transactions))
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            benchmark.measurement(
                .custom("bookings per second", polarity: .prefersLarger, useScalingFactor: false), Int(64 / seconds))
            for latency in latencies {
                benchmark.measurement(
                    .custom("booking latency (us)", useScalingFactor: false),
                    Int(latency.components.seconds * 1_000_000 + latency.components.attoseconds / 1_000_000_000_000))
            }
        } setup: {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try SQLiteAllocatorStore(
                path: folder.appendingPathComponent("durable.sqlite").path, syncMode: mode)
            durable.allocator = try Allocator(
                configuration: BenchmarkCity.configuration, tokenSigner: BenchmarkCity.signer,
                nikHasher: BenchmarkCity.hasher,
                store: store, clock: ManualClock(BenchmarkCity.now))
        } teardown: {
            durable.allocator = nil
            try? FileManager.default.removeItem(at: folder)
        }
    }

    // Reopening a store of one million bookings: load the rows and rebuild every ledger and index.
    let rebuildFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "antrean-rebuild-\(UUID().uuidString)")
    let rebuildPath = rebuildFolder.appendingPathComponent("million.sqlite").path
    Benchmark(
        "SQLite reopen and rebuild 1,000,000 bookings",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0, maxDuration: .seconds(20), maxIterations: 5
        )
    ) { _ in
        let allocator = try Allocator(
            configuration: BenchmarkCity.configuration, tokenSigner: BenchmarkCity.signer,
            nikHasher: BenchmarkCity.hasher,
            store: try SQLiteAllocatorStore(path: rebuildPath), clock: ManualClock(BenchmarkCity.now))
        precondition(allocator.read { $0.bookingCount } == 1_000_000)
        blackHole(allocator)
    } setup: {
        try FileManager.default.createDirectory(at: rebuildFolder, withIntermediateDirectories: true)
        let store = try SQLiteAllocatorStore(path: rebuildPath, syncMode: .normal)
        let records = BenchmarkCity.millionRecords
        for start in stride(from: 0, to: records.count, by: 50_000) {
            try store.commit(Array(records[start..<min(records.count, start + 50_000)]))
        }
    } teardown: {
        try? FileManager.default.removeItem(at: rebuildFolder)
    }

    // The in-memory half of that: rebuilding the core from one million records already in memory.
    Benchmark(
        "InMemory rebuild 1,000,000 bookings from records",
        configuration: .init(metrics: [.wallClock], warmupIterations: 0, maxDuration: .seconds(10), maxIterations: 5)
    ) { _ in
        blackHole(
            try AllocatorCore(
                configuration: BenchmarkCity.configuration, tokenSigner: BenchmarkCity.signer,
                restoring: BenchmarkCity.millionRecords))
    } setup: {
        _ = BenchmarkCity.millionRecords
    }
}
