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

    public init(root: ScenarioValue, file: String) {
        self.root = root
        self.file = file
    }

    public var node: ScenarioNode { ScenarioNode(root) }

    /// Reads `path` and everything it includes.
    public static func load(path: String) throws(ScenarioError) -> ScenarioDocument {
        ScenarioDocument(root: try loadResolvingIncludes(path: path, chain: []), file: path)
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
        let value = String(assignment[assignment.index(after: equals)...])
        root = try root.setting(path, to: .scalar(value, .commandLine("\(origin) \(assignment)")))
    }

    private static func loadResolvingIncludes(path: String, chain: [String]) throws(ScenarioError) -> ScenarioValue {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        let here = SourceLocation(file: path, line: 0, column: 0)
        if chain.contains(canonical) {
            throw ScenarioError(
                location: here, field: "include",
                message: "include cycle: \((chain + [canonical]).joined(separator: " → "))")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError(
                location: here, field: "",
                message: "\(ScenarioError.unreadableFilePrefix): \(error.localizedDescription)")
        }
        let parsed = try ScenarioValue.parse(yaml: text, file: path)
        guard case .mapping(var entries, let location) = parsed,
            let includeIndex = entries.firstIndex(where: { $0.key == "include" })
        else { return parsed }
        let includeNode = ScenarioNode(entries[includeIndex].value, path: "include")
        entries.remove(at: includeIndex)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        var base = ScenarioValue.mapping([], location)
        for item in try includeNode.items() {
            let relative = try item.text()
            let target = relative.hasPrefix("/") ? relative : directory.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: target) else {
                throw item.error("included file \"\(relative)\" not found (looked for \(target))")
            }
            base = base.merged(with: try loadResolvingIncludes(path: target, chain: chain + [canonical]))
        }
        return base.merged(with: .mapping(entries, location))
    }
}
