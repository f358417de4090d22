/// A YAML document as plain values that remember where each one was written, so that errors found
/// long after parsing (and after `include:` merges and command-line overrides) still point at the
/// right file, line and column.
///
/// Scalars stay text: each field parses its own units (`15m`, `4.5/min`, `60%`), which keeps YAML's
/// implicit typing (`no` → false, `08:00` → sexagesimal) from surprising anyone.
public indirect enum ScenarioValue: Sendable, Hashable {
    case scalar(String, SourceLocation)
    case mapping([ScenarioEntry], SourceLocation)
    case sequence([ScenarioValue], SourceLocation)
    case null(SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, let location), .mapping(_, let location), .sequence(_, let location),
            .null(let location):
            return location
        }
    }

    /// What kind of value this is, in words for error messages.
    public var kindDescription: String {
        switch self {
        case .scalar(let text, _): return "\"\(text)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return "nothing"
        }
    }
}

/// One `key: value` pair of a mapping, in file order.
public struct ScenarioEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: ScenarioValue

    public init(key: String, keyLocation: SourceLocation, value: ScenarioValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
