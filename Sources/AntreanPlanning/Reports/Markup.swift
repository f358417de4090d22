import Foundation

/// XHTML/SVG text building: every text and attribute goes through ``escape(_:)``, so office names
/// with `&`, `<` or quotes cannot break the document.
public enum Markup {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `<name a="v">children</name>` with escaped attribute values; children are already markup.
    public static func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: String = ""
    )
        -> String
    {
        let attributeText = attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
        return children.isEmpty ? "<\(name)\(attributeText)/>" : "<\(name)\(attributeText)>\(children)</\(name)>"
    }

    /// Escaped text in an element.
    public static func text(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: String)
        -> String
    {
        "<\(name)\(attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined())>\(escape(content))</\(name)>"
    }

    /// A number for SVG coordinates: two decimals at most, no exponent.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    /// A number for people with `decimals` decimals, "–" when not finite (``ReportVocabulary/number(_:decimals:)``
    /// in English: every number a report prints is written by that one function).
    public static func number(_ value: Double?, decimals: Int = 2) -> String {
        ReportVocabulary.english.number(value, decimals: decimals)
    }
}
