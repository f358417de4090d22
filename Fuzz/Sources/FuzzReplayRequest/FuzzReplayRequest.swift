import AntreanAllocator
import Foundation
import FuzzSupport

private let policies: [any AllocationPolicy] = [
    HomeOfficeEarliestPolicy(), KecamatanEarliestPolicy(), LeastLoadedPolicy(maxDistanceKm: 5),
    OverbookingPolicy(base: HomeOfficeEarliestPolicy(), noShowRates: [:], defaultRate: 0.15),
]
private let encoder = JSONEncoder()

/// Fuzzes `antrean replay`'s handling of request lines (`Replayer`, compiled here from Sources/antrean):
/// the input is a request file, split and trimmed as `ReplayCommand` does, each line decoded, applied to
/// a fresh in-memory allocator (the offices of Simulations/replay/config.json) and its decision encoded.
/// Every line must end as a decision (accepted, refused or malformed), never a trap. The input's length
/// picks the policy, so one input always replays the same way.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReplayRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    let allocator: Allocator
    do {
        allocator = try FuzzAllocatorFixture.allocator(
            store: InMemoryAllocatorStore(), policy: policies[size % policies.count])
    } catch {
        fuzzFailure("the fixture allocator does not open: \(error)")
    }
    var replayer = Replayer(allocator: allocator, file: "fuzz.jsonl")
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        lineNumber += 1
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { continue }
        let decision = replayer.decide(line: lineNumber, text: trimmed)
        _ = try? encoder.encode(decision)
    }
    do { try allocator.flush() } catch { fuzzFailure("the in-memory store failed: \(error)") }
    return 0
}

@_cdecl("FuzzReplayRequest_main")
public func fuzzReplayRequestMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
    -> Int32
{
    runFuzzer(argc, argv) { fuzzReplayRequest($0, $1) }
}
