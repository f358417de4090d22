/// A problem in a scenario file, located precisely enough for a planner to fix it:
/// `city.yaml:41:16: offices.sidodadi.counters: expected a whole number of at least 1, got "two"`.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    /// Dot path of the field inside the scenario, e.g. `queues.main.service`; empty for the document.
    public var field: String
    public var message: String
    public var kind: Kind

    /// What went wrong, for the command line's exit status.
    public enum Kind: Sendable, Hashable {
        /// The scenario breaks a rule (exit 65).
        case invalid
        /// A file that does not exist or cannot be read (exit 66).
        case unreadable
    }

    public init(location: SourceLocation, field: String, message: String, kind: Kind = .invalid) {
        self.location = location
        self.field = field
        self.message = message
        self.kind = kind
    }

    public var file: String { location.file }
    public var line: Int { location.line }
    /// The scenario (or a file it includes) could not be read at all: missing, or no permission.
    public var isUnreadableFile: Bool { kind == .unreadable }

    public var description: String {
        field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}
