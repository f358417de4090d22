import AntreanLocalization
import Foundation

extension Problem {
    /// This problem with its `title` and `detail` in `language`. A refusal takes its message for people
    /// in that language. The server's own texts are written in English where they arise; each is one of
    /// the `problem.*` texts of AntreanLocalization's English table (a `{name}` there matches the value
    /// filled in), and is replaced by the same key's text in `language` with the same values. A text
    /// that matches none stays as written (a test keeps every text of the server in the table).
    /// O(number of problem texts × length of the text).
    func localized(_ language: Language) -> Problem {
        var problem = self
        if let title = refusalTitles[language] {
            problem.title = title
            return problem
        }
        guard language != .en else { return problem }
        if let title = ProblemTexts.translate(title, prefix: "problem.title.", to: language) {
            problem.title = title
        } else if code == "http_error" {
            problem.title = language.text("problem.title.http_error", ["status": String(status)])
        }
        if let detail, let translated = ProblemTexts.translate(detail, prefix: "problem.detail.", to: language) {
            problem.detail = translated
        }
        return problem
    }
}

/// The English `problem.*` texts as patterns to recognise a text the server wrote and translate it.
enum ProblemTexts {
    struct Pattern: @unchecked Sendable {
        var key: String
        var expression: NSRegularExpression
        var names: [String]
    }

    /// Texts without placeholders by their English text, and those with placeholders as patterns.
    static let exact: [String: String] = Dictionary(
        Texts.english.filter { $0.key.hasPrefix("problem.") && Texts.placeholders(in: $0.value).isEmpty }
            .map { ($0.value, $0.key) },
        uniquingKeysWith: { first, _ in first })

    static let patterns: [Pattern] = Texts.english.filter {
        $0.key.hasPrefix("problem.") && !Texts.placeholders(in: $0.value).isEmpty
    }.sorted { $0.key < $1.key }.compactMap { key, template in
        var expression = "^"
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            expression += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.+?)"
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        expression += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let compiled = try? NSRegularExpression(pattern: expression, options: [.dotMatchesLineSeparators])
        else { return nil }
        return Pattern(key: key, expression: compiled, names: names)
    }

    /// `text` in `language` when it is one of the English texts under `prefix`, else nil.
    static func translate(_ text: String, prefix: String, to language: Language) -> String? {
        if let key = exact[text], key.hasPrefix(prefix) { return language.text(key) }
        let whole = NSRange(text.startIndex..., in: text)
        for pattern in patterns where pattern.key.hasPrefix(prefix) {
            guard let match = pattern.expression.firstMatch(in: text, range: whole) else { continue }
            var values: [String: String] = [:]
            for (index, name) in pattern.names.enumerated() {
                if let range = Range(match.range(at: index + 1), in: text) { values[name] = String(text[range]) }
            }
            return language.text(pattern.key, values)
        }
        return nil
    }
}
