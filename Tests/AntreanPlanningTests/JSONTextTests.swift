import Foundation
import Testing

@testable import AntreanPlanning

/// The report writer against Foundation's JSONSerialization, byte for byte, on the shapes and keys reports use.
@Suite struct JSONTextTests {
    func foundation(_ object: Any) -> String {
        let data = try! JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test(arguments: [
        0, -0.0, 1, -1, 12_772, 0.1, 1.0 / 3, 190.142_857_142_857_14, 2.751_126_560_839_852_5, 1e-7, 123_456_789.125,
        -4.5e-300, 1e14, 999_999_999_999_999, 1e15, 1e16, 1.5e17, 1e21, Double.leastNonzeroMagnitude,
        Double.greatestFiniteMagnitude,
    ])
    func numbersMatchFoundation(value: Double) {
        #expect(JSONText.render(["x": JSONText.number(value)]) == foundation(["x": NSNumber(value: value)]))
    }

    @Test func nestedShapesMatchFoundation() {
        let object: [String: Any] = [
            "b": [1, 2.5, "three", NSNull(), true, false] as [Any], "a": ["z": [:] as [String: Any], "y": [] as [Any]],
            "c_1": "quote \" backslash \\ slash / newline \n tab \t bell \u{7} ü 東", "seed": UInt64.max,
            "int": Int.min, "nested": ["deep": ["deeper": [["k": 1] as [String: Any]] as [Any]]],
        ]
        #expect(JSONText.render(object) == foundation(object))
    }
}
