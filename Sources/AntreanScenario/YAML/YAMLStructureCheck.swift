// libyaml's event parser, which Yams is built on. Yams composes a whole tree and expands aliases
// while doing so; this check reads the event stream first, building nothing, so that a hostile
// file is refused in time and memory proportional to its length.
import CYaml

/// Refuses, before any tree is built, what could make a small file expensive to load:
///
/// - anchors (`&name`) and aliases (`*name`): a "billion laughs" file of a few hundred bytes
///   expands to gigabytes; scenarios share values through `include:` instead;
/// - nesting deeper than `maximumDepth` (the composer and the decoders recurse per level);
/// - more than `maximumNodes` values.
///
/// Syntax errors are left to the composer, which reports them with its own message. O(bytes) time,
/// O(1) memory.
enum YAMLStructureCheck {
    static let maximumDepth = 64
    static let maximumNodes = 1_000_000

    static func check(_ bytes: [UInt8], file: String) throws(ScenarioError) {
        // libyaml asserts on a null input pointer, which an empty array may have.
        guard !bytes.isEmpty else { return }
        let problem: ScenarioError? = bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return ScenarioError(
                    location: SourceLocation(file: file, line: 0, column: 0), field: "",
                    message: "out of memory while starting the YAML parser")
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser, file: file)
        }
        if let problem { throw problem }
    }

    private static func scan(_ parser: inout yaml_parser_t, file: String) -> ScenarioError? {
        var depth = 0
        var nodes = 0
        while true {
            var event = yaml_event_t()
            // A syntax error: the composer reports it (it stops at the same place).
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            let here = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            var anchor: UnsafeMutablePointer<yaml_char_t>?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                return ScenarioError(
                    location: here, field: "",
                    message: "YAML aliases (*\(text(event.data.alias.anchor))) are not supported: "
                        + "write the value out, or put shared parts in a file and use include:")
            case YAML_SCALAR_EVENT:
                anchor = event.data.scalar.anchor
                nodes += 1
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                anchor =
                    event.type == YAML_SEQUENCE_START_EVENT
                    ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                nodes += 1
                depth += 1
                if depth > maximumDepth {
                    return ScenarioError(
                        location: here, field: "",
                        message: "values nested more than \(maximumDepth) levels deep; a scenario needs a few")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
            default:
                break
            }
            if let anchor {
                return ScenarioError(
                    location: here, field: "",
                    message: "YAML anchors (&\(text(anchor))) and aliases are not supported (a few lines of them "
                        + "can expand to gigabytes): write the value out, or put shared parts in a file and use include:"
                )
            }
            if nodes > maximumNodes {
                return ScenarioError(
                    location: here, field: "", message: "more than \(maximumNodes) values in one file")
            }
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
