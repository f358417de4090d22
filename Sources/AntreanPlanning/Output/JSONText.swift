import Foundation

/// Deterministic pretty JSON (sorted keys) from plain dictionaries/arrays/numbers/strings.
enum JSONText {
    static func render(_ object: Any) -> String {
        let data = try! JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A finite number, or null.
    static func number(_ value: Double?) -> Any {
        guard let value, value.isFinite else { return NSNull() }
        return NSNumber(value: value)
    }
}
