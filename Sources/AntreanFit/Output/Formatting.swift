import Foundation

enum Formatting {
    /// `value` with `decimals` decimals, never in exponent notation.
    static func fixed(_ value: Double, _ decimals: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        return String(format: "%.\(decimals)f", value)
    }

    /// A duration in minutes as the scenario syntax writes it: `12.34m`.
    static func minutes(_ value: Double) -> String { fixed(value, value.magnitude < 1 ? 4 : 2) + "m" }

    static func percent(_ share: Double) -> String { fixed(100 * share, 2) + "%" }

    /// A comment's text on one line.
    static func comment(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
