import Foundation

/// A scenario file after `include:` resolution and command-line overrides: the tree decoders read.
///
/// A file may start with `include: base.yaml` (or a list of files, applied in order); the included
/// documents are merged first and this file's fields are laid over them (see
/// `ScenarioValue.merged(with:)`). Paths are relative to the including file; cycles are errors.
public struct ScenarioDocument: Sendable {
    public private(set) var root: ScenarioValue
    /// The file named by the user.
    public let file: String
    /// Every file read from disk for this document (the file and its includes), each once.
    public internal(set) var filesRead: [String] = []

    public init(root: ScenarioValue, file: String) {
        self.root = root
        self.file = file
    }

    public var node: ScenarioNode { ScenarioNode(root) }

    /// Reads `path` and everything it includes (limits and errors: `ScenarioFile`, `IncludeLoader`).
    public static func load(path: String) throws(ScenarioError) -> ScenarioDocument {
        var loader = IncludeLoader()
        var document = ScenarioDocument(root: try loader.load(path: path), file: path)
        document.filesRead = loader.filesRead
        return document
    }

    /// Reads a scenario from bytes in memory named `file`; its `include:` entries are read from disk
    /// relative to `file`'s folder, with the same checks and limits as `load(path:)`.
    public static func load(yaml bytes: [UInt8], file: String) throws(ScenarioError) -> ScenarioDocument {
        var loader = IncludeLoader()
        var document = ScenarioDocument(root: try loader.load(bytes: bytes, file: file), file: file)
        document.filesRead = loader.filesRead
        return document
    }

    /// Parses text that includes nothing (tests, strings built in code).
    public static func parse(yaml: String, file: String = "<string>") throws(ScenarioError) -> ScenarioDocument {
        ScenarioDocument(root: try ScenarioValue.parse(yaml: yaml, file: file), file: file)
    }

    /// Applies `PATH=VALUE` to the tree (e.g. `queues.main.counters=6`), as given to `--param`.
    public mutating func override(_ assignment: String, origin: String = "--param") throws(ScenarioError) {
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
            throw ScenarioError(
                location: .commandLine(origin), field: assignment,
                message: "expected PATH=VALUE, e.g. queues.main.counters=6")
        }
        let path = assignment[..<equals].split(separator: ".").map(String.init)
        // Setting a path recurses once per level; scenarios nest a few levels, files at most 64.
        guard path.count <= YAMLReader.maximumDepth else {
            throw ScenarioError(
                location: .commandLine(origin), field: String(assignment[..<equals].prefix(80)),
                message: "a field path has at most \(YAMLReader.maximumDepth) parts, this has \(path.count)")
        }
        let value = String(assignment[assignment.index(after: equals)...])
        root = try root.setting(path, to: .scalar(value, .commandLine("\(origin) \(assignment)")))
    }
}
