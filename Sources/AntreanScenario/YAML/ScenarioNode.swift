/// A value inside a scenario together with its dot path, so that every accessor can throw an error
/// naming the file, line and field. Decoders walk a document through these.
public struct ScenarioNode: Sendable {
    public let value: ScenarioValue
    /// Dot path from the document's root, e.g. `queues.main.counters`.
    public let path: String

    public init(_ value: ScenarioValue, path: String = "") {
        self.value = value
        self.path = path
    }

    public var location: SourceLocation { value.location }

    /// An error located at this value.
    public func error(_ message: String) -> ScenarioError {
        ScenarioError(location: location, field: path, message: message)
    }

    func child(_ key: String, _ value: ScenarioValue) -> ScenarioNode {
        ScenarioNode(value, path: path.isEmpty ? key : "\(path).\(key)")
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The text of a scalar.
    public func text() throws(ScenarioError) -> String {
        guard case .scalar(let text, _) = value else { throw error("expected a value, got \(value.kindDescription)") }
        return text.trimmingWhitespace()
    }

    /// The items of a list (a single scalar counts as a list of one).
    public func items() throws(ScenarioError) -> [ScenarioNode] {
        switch value {
        case .sequence(let items, _):
            return items.enumerated().map { child(String($0.offset), $0.element) }
        case .scalar:
            return [self]
        default:
            throw error("expected a list, got \(value.kindDescription)")
        }
    }

    /// The entries of a mapping whose keys are names chosen by the author (queue names, office ids).
    public func namedEntries() throws(ScenarioError) -> [(key: String, node: ScenarioNode)] {
        guard case .mapping(let entries, _) = value else {
            throw error("expected a mapping of names to values, got \(value.kindDescription)")
        }
        return entries.map { ($0.key, child($0.key, $0.value)) }
    }

    /// The fields of a mapping with a fixed set of keys; an unknown key is an error that suggests the
    /// nearest known one, so typos never pass silently.
    public func fields(_ known: [String]) throws(ScenarioError) -> ScenarioFields {
        guard case .mapping(let entries, _) = value else {
            throw error("expected a mapping with fields \(known.joined(separator: ", ")), got \(value.kindDescription)")
        }
        for entry in entries where !known.contains(entry.key) {
            // Edit distance costs the product of the lengths: a hint only for keys of a sensible length.
            let hint =
                entry.key.count > 64
                ? ""
                : known.min { editDistance($0, entry.key) < editDistance($1, entry.key) }
                    .flatMap { editDistance($0, entry.key) <= 2 ? " (did you mean \"\($0)\"?)" : nil } ?? ""
            throw ScenarioError(
                location: entry.keyLocation, field: path.isEmpty ? entry.key : "\(path).\(entry.key)",
                message: "unknown field\(hint); known fields: \(known.joined(separator: ", "))")
        }
        return ScenarioFields(node: self, entries: entries)
    }
}

/// The fields of one mapping, looked up by key.
public struct ScenarioFields: Sendable {
    public let node: ScenarioNode
    let entries: [ScenarioEntry]

    public func optional(_ key: String) -> ScenarioNode? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .null = entry.value { return nil }
        return node.child(key, entry.value)
    }

    public func required(_ key: String) throws(ScenarioError) -> ScenarioNode {
        guard let found = optional(key) else { throw node.error("missing required field \"\(key)\"") }
        return found
    }

    public func has(_ key: String) -> Bool { optional(key) != nil }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

/// Levenshtein distance, for "did you mean" hints on short field names.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = Swift.min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
