/// A language Antrean writes for people in. Machine keys (JSON fields, CSV columns, refusal codes,
/// metric keys) never change with it; only the words, numbers and dates meant for readers do.
public enum Language: String, CaseIterable, Sendable, Hashable {
    /// English, the default: the wording and number style Antrean always had.
    case en
    /// Bahasa Indonesia: the working language of Samarinda's offices and citizens.
    case id

    /// The environment variable read when no `--lang` is given.
    public static let environmentVariable = "ANTREAN_LANG"

    /// A language code as people write it: `id`, `en`, `ID`, `id-ID` or a locale such as `id_ID.UTF-8`
    /// (only the part before `-`, `_` or `.` counts). Throws for any other code.
    public init(parsing code: String) throws(LanguageError) {
        let primary = code.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).first.map(String.init) ?? ""
        guard let language = Language(rawValue: primary.lowercased()) else {
            throw LanguageError(code: code, source: nil)
        }
        self = language
    }

    /// The language chosen by an explicit option (e.g. `--lang`), else by `ANTREAN_LANG` in
    /// `environment`, else English. An empty `ANTREAN_LANG` counts as unset. The error names where
    /// the bad code came from.
    public static func resolve(option: String?, environment: [String: String]) throws(LanguageError) -> Language {
        if let option {
            do { return try Language(parsing: option) } catch { throw LanguageError(code: option, source: "--lang") }
        }
        if let variable = environment[environmentVariable], !variable.isEmpty {
            do { return try Language(parsing: variable) } catch {
                throw LanguageError(code: variable, source: environmentVariable)
            }
        }
        return .en
    }
}

/// A language code Antrean does not speak.
public struct LanguageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The code as given (a language code is not personal data, so it is safe to echo).
    public var code: String
    /// Where it came from: `--lang`, `ANTREAN_LANG`, or nil when parsed on its own.
    public var source: String?

    public init(code: String, source: String?) {
        self.code = code
        self.source = source
    }

    public var description: String {
        let codes = Language.allCases.map(\.rawValue).joined(separator: " or ")
        return (source.map { "\($0): " } ?? "") + "unknown language \"\(code)\"; use \(codes)"
    }
}
