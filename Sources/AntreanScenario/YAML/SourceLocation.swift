/// Where a value came from: a file and a 1-based line and column, or a command-line override.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A value given on the command line (e.g. `--param queues.a.counters=6`) has no line.
    public static func commandLine(_ option: String) -> SourceLocation {
        SourceLocation(file: option, line: 0, column: 0)
    }

    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }
}
