// libyaml's event parser (the C library Yams wraps), read directly into `ScenarioValue`s.
import CYaml

/// Reads YAML text into a `ScenarioValue` tree in one pass over libyaml's event stream, refusing as it
/// goes what could make a small file expensive to load:
///
/// - anchors (`&name`) and aliases (`*name`): a "billion laughs" file of a few hundred bytes
///   expands to gigabytes; scenarios share values through `include:` instead;
/// - nesting deeper than `maximumDepth` (the reader recurses once per level);
/// - more than `maximumNodes` values;
/// - a second document in the stream, and a key that is not a scalar or appears twice in a mapping.
///
/// Why not `Yams.compose`: it expands aliases while building its tree, before anything could refuse
/// them, and it makes each scalar's text with Foundation's `String(bytes:encoding:)`, which drops a
/// leading U+FEFF: a service named "\uFEFFx" read back as "x" (found by FuzzFitLog). Here a value is
/// exactly the bytes libyaml gives. O(bytes) time; memory is the tree itself.
enum YAMLReader {
    static let maximumDepth = 64
    static let maximumNodes = 1_000_000

    static func read(_ text: String, file: String) throws(ScenarioError) -> ScenarioValue {
        let bytes = Array(text.utf8)
        let start = SourceLocation(file: file, line: 1, column: 1)
        // libyaml asserts on a null input pointer, which an empty array may have.
        guard !bytes.isEmpty else { return .null(start) }
        let outcome: Result<ScenarioValue, ScenarioError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(ScenarioError(location: start, field: "", message: "out of memory reading YAML"))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var reader = EventReader(file: file, bytes: buffer)
            return Result { () throws(ScenarioError) in try reader.stream(&parser) }
        }
        return try outcome.get()
    }
}

/// One libyaml event, copied out of the C structure (which is freed at once).
private enum YAMLEvent {
    case streamStart, streamEnd, documentEnd
    case documentStart(SourceLocation)
    case scalar(String, isPlain: Bool, SourceLocation)
    case sequenceStart(SourceLocation)
    case sequenceEnd
    case mappingStart(SourceLocation)
    case mappingEnd

    /// Where a value starting with this event was written.
    var location: SourceLocation? {
        switch self {
        case .scalar(_, _, let here), .sequenceStart(let here), .mappingStart(let here): here
        default: nil
        }
    }
}

private struct EventReader {
    let file: String
    let bytes: UnsafeBufferPointer<UInt8>
    var nodes = 0

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
    }

    /// The stream's one document (`.null` for a stream without any).
    mutating func stream(_ parser: inout yaml_parser_t) throws(ScenarioError) -> ScenarioValue {
        _ = try next(&parser)  // stream start
        let first = try next(&parser)
        guard case .documentStart = first else {
            return .null(SourceLocation(file: file, line: 1, column: 1))
        }
        let root = try value(after: try next(&parser), &parser, depth: 0)
        _ = try next(&parser)  // document end
        let after = try next(&parser)
        if case .documentStart(let second) = after {
            throw ScenarioError(
                location: second, field: "",
                message: "YAML syntax: expected a single document in the stream but found another document")
        }
        return root
    }

    /// The value that starts with `event`, read up to its end.
    private mutating func value(
        after event: YAMLEvent, _ parser: inout yaml_parser_t, depth: Int
    ) throws(ScenarioError) -> ScenarioValue {
        switch event {
        case .scalar(let text, let isPlain, let here):
            let isNull = isPlain && ["", "~", "null", "Null", "NULL"].contains(text)
            return isNull ? .null(here) : .scalar(text, here)
        case .sequenceStart(let here):
            try checkDepth(depth + 1, at: here)
            var items: [ScenarioValue] = []
            while true {
                let next = try next(&parser)
                if case .sequenceEnd = next { return .sequence(items, here) }
                items.append(try value(after: next, &parser, depth: depth + 1))
            }
        case .mappingStart(let here):
            try checkDepth(depth + 1, at: here)
            var entries: [ScenarioEntry] = []
            var seen: Set<String> = []
            while true {
                let keyEvent = try next(&parser)
                if case .mappingEnd = keyEvent { return .mapping(entries, here) }
                guard case .scalar(let key, _, let keyLocation) = keyEvent else {
                    throw ScenarioError(
                        location: keyEvent.location ?? here, field: "", message: "a mapping key must be plain text")
                }
                guard seen.insert(key).inserted else {
                    throw ScenarioError(
                        location: keyLocation, field: key, message: "this key appears twice in one mapping")
                }
                let entryValue = try value(after: try next(&parser), &parser, depth: depth + 1)
                entries.append(ScenarioEntry(key: key, keyLocation: keyLocation, value: entryValue))
            }
        case .streamStart, .streamEnd, .documentStart, .documentEnd, .sequenceEnd, .mappingEnd:
            // libyaml's parser never yields these where a value starts; kept as an error, not a trap.
            throw ScenarioError(
                location: SourceLocation(file: file, line: 1, column: 1), field: "",
                message: "YAML syntax: expected a value")
        }
    }

    private func checkDepth(_ depth: Int, at here: SourceLocation) throws(ScenarioError) {
        guard depth <= YAMLReader.maximumDepth else {
            throw ScenarioError(
                location: here, field: "",
                message: "values nested more than \(YAMLReader.maximumDepth) levels deep; a scenario needs a few")
        }
    }

    /// The next event; anchors, aliases, too many values and libyaml's errors are thrown.
    private mutating func next(_ parser: inout yaml_parser_t) throws(ScenarioError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw error(parser) }
        defer { yaml_event_delete(&event) }
        let here = location(event.start_mark)
        var anchor: UnsafeMutablePointer<yaml_char_t>?
        let result: YAMLEvent
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart(here)
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_ALIAS_EVENT:
            throw ScenarioError(
                location: here, field: "",
                message: "YAML aliases (*\(text(event.data.alias.anchor))) are not supported: "
                    + "write the value out, or put shared parts in a file and use include:")
        case YAML_SCALAR_EVENT:
            anchor = event.data.scalar.anchor
            let scalar = UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
            result = .scalar(
                String(decoding: scalar, as: UTF8.self), isPlain: event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE,
                here)
        case YAML_SEQUENCE_START_EVENT:
            anchor = event.data.sequence_start.anchor
            result = .sequenceStart(here)
        case YAML_MAPPING_START_EVENT:
            anchor = event.data.mapping_start.anchor
            result = .mappingStart(here)
        default:  // YAML_NO_EVENT: libyaml reports an error instead
            throw ScenarioError(location: here, field: "", message: "YAML syntax: unexpected end of the stream")
        }
        if let anchor {
            throw ScenarioError(
                location: here, field: "",
                message: "YAML anchors (&\(text(anchor))) and aliases are not supported (a few lines of them "
                    + "can expand to gigabytes): write the value out, or put shared parts in a file and use include:")
        }
        nodes += 1
        if nodes > YAMLReader.maximumNodes {
            throw ScenarioError(
                location: here, field: "", message: "more than \(YAMLReader.maximumNodes) values in one file")
        }
        return result
    }

    /// libyaml's error as a `ScenarioError` at the line and column it names.
    private func error(_ parser: yaml_parser_t) -> ScenarioError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        switch parser.error {
        case YAML_READER_ERROR:
            // A byte offset only: count the lines and columns up to it.
            let offset = min(max(0, parser.problem_offset), bytes.count)
            let before = bytes[..<offset]
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            return ScenarioError(
                location: SourceLocation(file: file, line: line, column: offset - lineStart + 1), field: "",
                message: "YAML: \(problem) (character code \(parser.problem_value) at byte \(offset)); remove it")
        case YAML_MEMORY_ERROR:
            return ScenarioError(
                location: location(parser.problem_mark), field: "", message: "out of memory reading YAML")
        default:
            let context = parser.context.map { String(cString: $0) + " " } ?? ""
            return ScenarioError(
                location: location(parser.problem_mark), field: "", message: "YAML syntax: \(context)\(problem)")
        }
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    private func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
