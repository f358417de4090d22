import AntreanEngine
import AntreanScenario
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
    /// Parses `p<NN> wait <= <duration>` (any percentile above 0 and below 100, e.g. p80 or p99.9),
    /// `mean wait <= <duration>` or `within <duration> >= <percent>%`. A duration needs its unit
    /// (`15s`, `15m`, `1.5h`), as everywhere else in Antrean: a bare `15` is refused.
    public init(parsing text: String) throws(ServiceTargetError) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        func fail(_ reason: String) -> ServiceTargetError { ServiceTargetError(text: text, reason: reason) }
        func duration(_ word: String) throws(ServiceTargetError) -> Double {
            if Double(word) != nil {
                throw fail("\"\(word)\" has no unit: write \(word)s, \(word)m or \(word)h")
            }
            guard let minutes = Quantities.minutes(word) else {
                throw fail("\"\(word)\" is not a duration like 15m or 90s")
            }
            guard minutes >= 0 else { throw fail("the time limit must not be negative") }
            return minutes
        }
        guard let first = words.first else { throw fail("it is empty") }
        if first == "within" {
            guard words.count == 4, words[2] == ">=" else { throw fail("expected \"within <time> >= <share>%\"") }
            let minutes = try duration(words[1])
            var shareText = words[3]
            let isPercent = shareText.hasSuffix("%")
            if isPercent { shareText.removeLast() }
            guard var share = Double(shareText) else { throw fail("\"\(words[3])\" is not a share like 80%") }
            if isPercent || share > 1 { share /= 100 }
            guard share > 0 && share <= 1 else { throw fail("the share must lie in (0%, 100%]") }
            self.init(kind: .shareWithin(share: share), minutes: minutes, limitText: words[1])
            return
        }
        guard words.count == 4, words[1] == "wait", words[2] == "<=" else {
            throw fail("expected \"p90 wait <= 15m\" or \"mean wait <= 10m\"")
        }
        let minutes = try duration(words[3])
        if first == "mean" {
            self.init(kind: .mean, minutes: minutes, limitText: words[3])
        } else if let level = WaitQuantile.level(parsing: first) {
            self.init(kind: .quantile(level: level), minutes: minutes, limitText: words[3])
        } else {
            throw fail("\"\(first)\" is neither \"mean\" nor a percentile from p1 to p99.9 (e.g. p90)")
        }
    }
}
