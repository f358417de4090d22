import Yams

extension ScenarioValue {
    /// Parses YAML text. Syntax errors and duplicate keys become `ScenarioError`s with a line;
    /// anchors, aliases and deep nesting are refused before a tree is built (`YAMLStructureCheck`).
    public static func parse(yaml text: String, file: String) throws(ScenarioError) -> ScenarioValue {
        try YAMLStructureCheck.check(Array(text.utf8), file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioError(yamlError: error, file: file)
        } catch {
            throw ScenarioError(location: .init(file: file, line: 1, column: 1), field: "", message: "\(error)")
        }
        guard let root else { return .null(SourceLocation(file: file, line: 1, column: 1)) }
        return try ScenarioValue(root, file: file)
    }

    init(_ node: Node, file: String) throws(ScenarioError) {
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
        }
        switch node {
        case .scalar(let scalar):
            let here = location(scalar.mark)
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            self = isNull ? .null(here) : .scalar(scalar.string, here)
        case .sequence(let sequence):
            var items: [ScenarioValue] = []
            for item in sequence { items.append(try ScenarioValue(item, file: file)) }
            self = .sequence(items, location(sequence.mark))
        case .mapping(let mapping):
            var entries: [ScenarioEntry] = []
            var seen: Set<String> = []
            for (key, value) in mapping {
                let keyLocation = location(key.mark)
                guard case .scalar(let keyScalar) = key else {
                    throw ScenarioError(location: keyLocation, field: "", message: "a mapping key must be plain text")
                }
                guard seen.insert(keyScalar.string).inserted else {
                    throw ScenarioError(
                        location: keyLocation, field: keyScalar.string, message: "this key appears twice in one mapping"
                    )
                }
                entries.append(
                    ScenarioEntry(
                        key: keyScalar.string, keyLocation: keyLocation, value: try ScenarioValue(value, file: file)))
            }
            self = .mapping(entries, location(mapping.mark))
        case .alias(let alias):
            throw ScenarioError(
                location: location(alias.mark), field: "",
                message: "YAML aliases are not supported; use include: instead")
        }
    }
}

extension ScenarioError {
    init(yamlError: YamlError, file: String) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            self.init(
                location: SourceLocation(file: file, line: mark.line, column: mark.column), field: "",
                message: "YAML syntax: \(detail)\(problem)")
        case .reader(let problem, let offset, let value, let yaml):
            // `offset` counts bytes from the start; name the line and column as the other errors do.
            let prefix = yaml.utf8.prefix(max(0, offset ?? 0))
            let line = prefix.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            let column =
                prefix.count
                - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { prefix.distance(from: prefix.startIndex, to: $0) + 1 }
                    ?? 0) + 1
            self.init(
                location: SourceLocation(file: file, line: line, column: column), field: "",
                message: "YAML: \(problem) (character code \(value) at byte \(offset ?? 0)); remove it")
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(
                location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column), field: "",
                message: "duplicate keys in one mapping: \(duplicates.joined(separator: ", "))")
        default:
            self.init(location: SourceLocation(file: file, line: 1, column: 1), field: "", message: "\(yamlError)")
        }
    }
}
