import Foundation
import Hummingbird
import Testing

@testable import AntreanServer

/// The request edge's per-request helpers against independent references: the log's milliseconds
/// against C's `%.2f`, the request ids against SplitMix64's published outputs.
@Suite("Request edge formats")
struct RequestEdgeFormatTests {
    /// For durations whose exact value in ms is not within a hair of a rounding half (where `%.2f` rounds
    /// the binary double and ours the exact integer), both write the same text.
    @Test func millisecondsAgreeWithPrintfTwoDecimals() {
        var generator = SplitMix(seed: 19)
        var compared = 0
        for _ in 0..<20_000 {
            let nanoseconds = Int64(generator.next() % 5_000_000_000)  // up to 5 s
            let exact = Double(nanoseconds) / 1_000_000
            let hundredths = exact * 100
            guard abs(hundredths - hundredths.rounded(.down) - 0.5) > 1e-6 else { continue }
            #expect(
                RequestRecorder.milliseconds(.nanoseconds(nanoseconds))
                    == String(format: "%.2f", exact), "\(nanoseconds) ns")
            compared += 1
        }
        #expect(compared > 19_000)
        #expect(RequestRecorder.milliseconds(.zero) == "0.00")
        #expect(RequestRecorder.milliseconds(.microseconds(1_005)) == "1.01")
        #expect(RequestRecorder.milliseconds(.seconds(3)) == "3000.00")
    }

    /// The mix is SplitMix64's output function: seeded with 0, the reference generator's first three
    /// outputs (state advanced by the golden gamma before each) are these.
    @Test func mixIsSplitMix64() {
        let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15
        #expect(RequestIDs.mix(gamma) == 0xE220_A839_7B1D_CDAF)
        #expect(RequestIDs.mix(gamma &* 2) == 0x6E78_9E6A_A1B9_65F4)
        #expect(RequestIDs.mix(gamma &* 3) == 0x06C4_5D18_8009_454F)
    }

    /// Ids from one generator never repeat, also across the counter's wrap-around, and are short hex.
    @Test func requestIDsAreDistinctHex() {
        let ids = RequestIDs(start: UInt64.max - 50_000)
        var seen = Set<String>()
        for _ in 0..<100_000 {
            let id = ids.next()
            #expect((1...16).contains(id.utf8.count) && id.allSatisfy(\.isHexDigit))
            #expect(seen.insert(id).inserted)
        }
    }
}

/// A small seeded generator for the test's inputs (SplitMix64).
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return RequestIDs.mix(state)
    }
}
