import AntreanAllocator
import AntreanReplay
import Foundation
import FuzzSupport

private let policies: [any AllocationPolicy] = [
    HomeOfficeEarliestPolicy(), KecamatanEarliestPolicy(), LeastLoadedPolicy(maxDistanceKm: 5),
    OverbookingPolicy(base: HomeOfficeEarliestPolicy(), noShowRates: [:], defaultRate: 0.15),
]
private let encoder = JSONEncoder()

/// Fuzzes `antrean replay`'s handling of request lines (`Replayer`, compiled here from Sources/antrean):
/// the input is a request file, split into lines as `ReplayCommand` does (`ReplayLine.split`: LF, an
/// optional CR, bytes that need not be UTF-8), each line decoded, applied to
/// a fresh in-memory allocator (the offices of Simulations/replay/config.json) and its decision encoded.
/// Every line must end as a decision (accepted, refused or malformed), never a trap. The input's length
/// picks the policy, so one input always replays the same way. The whole input then goes through
/// `JSONLocator` (the line finder of configuration errors), with a path parsed from its first bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReplayRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let allocator: Allocator
    do {
        allocator = try FuzzAllocatorFixture.allocator(
            store: InMemoryAllocatorStore(), policy: policies[size % policies.count])
    } catch {
        fuzzFailure("the fixture allocator does not open: \(error)")
    }
    var replayer = Replayer(allocator: allocator, file: "fuzz.jsonl")
    for line in ReplayLine.split(bytes) {
        let decision = replayer.decide(line: line.number, bytes: line.bytes)
        _ = try? encoder.encode(decision)
    }
    do { try allocator.flush() } catch { fuzzFailure("the in-memory store failed: \(error)") }
    // The configuration errors' locator walks the same bytes as JSON, along a path read from them too.
    let path =
        JSONLocator.components(of: String(decoding: bytes.prefix(40), as: UTF8.self)) ?? [.key("office"), .index(1)]
    _ = JSONLocator.position(of: path, in: bytes)
    return 0
}

@_cdecl("FuzzReplayRequest_main")
public func fuzzReplayRequestMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
    -> Int32
{
    runFuzzer(argc, argv) { fuzzReplayRequest($0, $1) }
}
