/// The texts Antrean writes for people, one table per language (``Texts/english``,
/// ``Texts/indonesian``), looked up by stable keys such as `city.header.office`. A text may hold
/// placeholders written `{name}`, filled by ``Language/text(_:_:)``. Every key exists in every
/// language with the same placeholders (checked by LocalizationTableTests).
public enum Texts {
    /// The table of `language`.
    public static func table(_ language: Language) -> [String: String] {
        switch language {
        case .en: english
        case .id: indonesian
        }
    }

    /// The placeholder names in `text`, e.g. `["limit"]` for "… {limit} …". O(n) in the text's length.
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var current: String?
        for character in text {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                if !name.isEmpty { names.insert(name) }
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
    }

    /// `template` with every `{name}` replaced by `values[name]`; unknown names stay as written so a
    /// missing value shows instead of vanishing. O(n) in the template's length.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var result = ""
        var pending: String?
        for character in template {
            if character == "{" {
                if let open = pending { result += "{" + open }
                pending = ""
            } else if character == "}", let name = pending {
                result += values[name] ?? "{\(name)}"
                pending = nil
            } else if pending != nil {
                pending?.append(character)
            } else {
                result.append(character)
            }
        }
        if let open = pending { result += "{" + open }
        return result
    }
}

extension Language {
    /// The text under `key` in this language with its placeholders filled from `values`. A key missing
    /// from this language falls back to English, then to the key itself, so a gap shows as a key in
    /// the output rather than an empty cell (the table test keeps both languages complete).
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        let template = Texts.table(self)[key] ?? Texts.english[key] ?? key
        return Texts.fill(template, values)
    }
}
