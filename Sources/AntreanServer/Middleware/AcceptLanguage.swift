import AntreanLocalization
import Foundation

/// The language of a response's texts for people, chosen from the request's `Accept-Language`
/// (RFC 9110 §12.5.4): a comma-separated list of language ranges (`id`, `id-ID`, `*`), each with an
/// optional weight `;q=` from 0 to 1 (at most three decimals, 1 when absent, 0 meaning "not acceptable").
/// A range names a language Antrean speaks when its primary subtag is that language's code (lookup,
/// RFC 4647 §3.4: `id-ID` falls back to `id`); `*` stands for every language not named otherwise. The
/// acceptable language with the highest weight wins; among equal weights the one named first (clients
/// list their preference first), and English among languages matched only by `*`. Without the header, with no acceptable
/// language, or with a header that does not parse, the answer is English: a malformed header is never an
/// error. O(length of the header).
enum AcceptLanguage {
    static func preferred(_ values: [String]) -> Language {
        // Most requests (kiosks, portals' server-side calls) send no header: no joined string, no parse.
        if values.isEmpty { return .en }
        guard let ranges = parse(values.joined(separator: ",")) else { return .en }
        var weights: [Language: (weight: Int, position: Int)] = [:]
        var wildcard: (weight: Int, position: Int)?
        for (position, range) in ranges.enumerated() {
            if range.tag == "*" {
                if wildcard == nil { wildcard = (range.weight, position) }
                continue
            }
            let primary = range.tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            guard let language = Language(rawValue: primary) else { continue }
            // The most specific range decides in RFC 4647; here `id` and `id-ID` are one language, and
            // the first range naming it counts.
            if weights[language] == nil { weights[language] = (range.weight, position) }
        }
        if let wildcard {
            for language in Language.allCases where weights[language] == nil { weights[language] = wildcard }
        }
        let acceptable = weights.filter { $0.value.weight > 0 }
        guard let best = acceptable.values.map(\.weight).max() else { return .en }
        let top = acceptable.filter { $0.value.weight == best }
        return top.min { a, b in
            a.value.position != b.value.position ? a.value.position < b.value.position : a.key == .en
        }?.key ?? .en
    }

    /// One language range and its weight in thousandths.
    struct Range: Equatable {
        var tag: String
        var weight: Int
    }

    /// The ranges of a header value, or nil when any element is malformed. Empty elements (`a,,b`) are
    /// allowed, as RFC 9110 §5.6.1 asks recipients to accept.
    static func parse(_ header: String) -> [Range]? {
        var ranges: [Range] = []
        for element in header.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = element.split(separator: ";", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let tag = parts.first else { continue }
            if tag.isEmpty && parts.count == 1 { continue }
            guard isLanguageRange(tag) else { return nil }
            var weight = 1000
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "q",
                    let parsed = qValue(pair[1].trimmingCharacters(in: .whitespaces))
                else { return nil }
                weight = parsed
            }
            ranges.append(Range(tag: tag, weight: weight))
        }
        return ranges
    }

    /// RFC 4647 §2.1 language-range: `*`, or 1–8 letters followed by `-` and 1–8 letters or digits.
    static func isLanguageRange(_ text: String) -> Bool {
        if text == "*" { return true }
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, (1...8).contains(first.count),
            first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// RFC 9110 §12.4.2 qvalue: `0`, `0.` and up to three digits, `1`, or `1.` and up to three zeros;
    /// in thousandths.
    static func qValue(_ text: String) -> Int? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole == "0" || whole == "1" else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 3, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if parts.count == 2 && fraction.isEmpty && whole == "0" { return 0 }
        let digits = Int(fraction.padding(toLength: 3, withPad: "0", startingAt: 0)) ?? 0
        if whole == "1" { return digits == 0 ? 1000 : nil }
        return digits
    }
}
