import AntreanAllocator
import AntreanLocalization

/// A `title` or `detail` of a problem as it was made: the key of one of AntreanLocalization's
/// `problem.*` texts with the values of its placeholders, looked up in the language the request asked
/// for when the response is written. Only two texts arrive already written in each language: a refusal's
/// message (the allocator writes it, `AllocationRefusal.message(language:rules:)`) and the reason phrase
/// of an HTTP status the framework refused with. O(1) to make; `text(in:)` is O(length of the text).
struct ProblemText: Sendable, Equatable {
    private enum Source: Equatable {
        case title(ProblemTitle, [String: String])
        case detail(ProblemDetail, [String: String])
        /// The text by language; a language it lacks reads the English one.
        case written([Language: String])
    }

    private let source: Source

    private init(_ source: Source) { self.source = source }

    /// The `problem.title.*` text `title`, its placeholders filled from `values`.
    static func title(_ title: ProblemTitle, _ values: [String: String] = [:]) -> ProblemText {
        ProblemText(.title(title, values))
    }

    /// The `problem.detail.*` text `detail`, its placeholders filled from `values`.
    static func detail(_ detail: ProblemDetail, _ values: [String: String] = [:]) -> ProblemText {
        ProblemText(.detail(detail, values))
    }

    /// A refusal's message for people in each language, with the limits of `rules` where it states one.
    static func refusal(_ refusal: AllocationRefusal, rules: AllocatorRules?) -> ProblemText {
        var messages: [Language: String] = [:]
        for language in Language.allCases { messages[language] = refusal.message(language: language, rules: rules) }
        return ProblemText(.written(messages))
    }

    /// The HTTP reason phrase in English (as the framework gave it); other languages read `fallback`'s
    /// text when there is one, else the reason phrase.
    static func reasonPhrase(_ phrase: String, otherwise fallback: ProblemText?) -> ProblemText {
        var texts: [Language: String] = [.en: phrase]
        if let fallback {
            for language in Language.allCases where language != .en { texts[language] = fallback.text(in: language) }
        }
        return ProblemText(.written(texts))
    }

    /// This text in `language`.
    func text(in language: Language) -> String {
        switch source {
        case .title(let title, let values): language.text(title.key, values)
        case .detail(let detail, let values): language.text(detail.key, values)
        case .written(let texts): texts[language] ?? texts[.en] ?? ""
        }
    }
}
