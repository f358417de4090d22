import AntreanAllocator
import Foundation
import Testing

@testable import AntreanServer

/// `NullFieldMiddleware.mayHaveNull`, the scan that spares most bodies a full parse, says "maybe" for
/// every JSON document with a `null` in it (checked against Foundation's parser on random documents),
/// and "no" for every one without, so the middleware refuses exactly the bodies it refused before.
@Suite("Null scan")
struct NullScanTests {
    /// A random JSON value; strings may contain `null`, quotes, backslashes and other escapes.
    static func value(depth: Int, using generator: inout SplitMix64) -> Any {
        let strings = ["null", "a\"null\"b", "\\", "\\\"", "nul", "ull", "n", "", "ünïcode null", "tab\tnull\n"]
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
        case 0: return NSNull()
        case 1: return strings.randomElement(using: &generator) ?? ""
        case 2: return Int.random(in: -1000...1000, using: &generator)
        case 3: return Bool.random(using: &generator)
        case 4: return Double.random(in: -1...1, using: &generator)
        case 5:
            return (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                value(depth: depth + 1, using: &generator)
            }
        default:
            var object: [String: Any] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                object[strings.randomElement(using: &generator) ?? ""] = value(depth: depth + 1, using: &generator)
            }
            return object
        }
    }

    @Test func theScanFindsANullExactlyWhenTheParserDoes() throws {
        var generator = SplitMix64(seed: 9457)
        var withNull = 0
        for _ in 0..<3000 {
            let document = Self.value(depth: 0, using: &generator)
            let data = try JSONSerialization.data(withJSONObject: document, options: [.fragmentsAllowed])
            let parsed = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            let hasNull = NullFieldMiddleware.firstNull(in: parsed, at: "") != nil
            if hasNull { withNull += 1 }
            #expect(NullFieldMiddleware.mayHaveNull(data) == hasNull, "\(String(decoding: data, as: UTF8.self))")
        }
        // Both kinds occurred, so the comparison covered both answers.
        #expect(withNull > 100 && withNull < 2900)
    }

    @Test func utf16BodiesAreLeftToTheFullParse() {
        let utf16 = Array(#"{"nik":null}"#.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(NullFieldMiddleware.mayHaveNull(utf16))
        #expect(!NullFieldMiddleware.mayHaveNull(Array(#"{"nik":"null","a":"\"null"}"#.utf8)))
        #expect(NullFieldMiddleware.mayHaveNull(Array(#"{"a":"\\",  "b":null}"#.utf8)))
    }
}
