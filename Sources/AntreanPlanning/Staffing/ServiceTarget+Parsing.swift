import Foundation

/// A target that could not be read, with the text and what was expected.
public struct ServiceTargetError: Error, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String {
        "cannot read the target \"\(text)\": \(reason). "
            + "Examples: \"p90 wait <= 15m\", \"mean wait <= 10m\", \"within 15m >= 80%\""
    }
}

extension ServiceTarget {
    /// Parses `p<NN> wait <= <duration>`, `mean wait <= <duration>` or
    /// `within <duration> >= <percent>%`. Durations take `s`, `m` (default) or `h`.
    public init(parsing text: String) throws(ServiceTargetError) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        func fail(_ reason: String) -> ServiceTargetError { ServiceTargetError(text: text, reason: reason) }
        guard let first = words.first else { throw fail("it is empty") }
        if first == "within" {
            guard words.count == 4, words[2] == ">=" else { throw fail("expected \"within <time> >= <share>%\"") }
            guard let minutes = Self.minutes(words[1]) else { throw fail("\"\(words[1])\" is not a duration like 15m") }
            var shareText = words[3]
            let isPercent = shareText.hasSuffix("%")
            if isPercent { shareText.removeLast() }
            guard var share = Double(shareText) else { throw fail("\"\(words[3])\" is not a share like 80%") }
            if isPercent || share > 1 { share /= 100 }
            guard share > 0 && share <= 1 else { throw fail("the share must lie in (0%, 100%]") }
            self.init(kind: .shareWithin(share: share), minutes: minutes)
            return
        }
        guard words.count == 4, words[1] == "wait", words[2] == "<=" else {
            throw fail("expected \"p90 wait <= 15m\" or \"mean wait <= 10m\"")
        }
        guard let minutes = Self.minutes(words[3]) else { throw fail("\"\(words[3])\" is not a duration like 15m") }
        if first == "mean" {
            self.init(kind: .mean, minutes: minutes)
        } else if first.hasPrefix("p"), let percent = Double(first.dropFirst()), percent > 0, percent < 100 {
            self.init(kind: .quantile(level: percent / 100), minutes: minutes)
        } else {
            throw fail("\"\(first)\" is neither \"mean\" nor a percentile like p90")
        }
        guard minutes >= 0 else { throw fail("the time limit must not be negative") }
    }

    /// "15m" → 15, "90s" → 1.5, "1.5h" → 90, "15" → 15 (minutes by default).
    static func minutes(_ text: String) -> Double? {
        let units: [(String, Double)] = [("min", 1), ("s", 1.0 / 60), ("m", 1), ("h", 60)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * factor }
        }
        return Double(text)
    }
}
