import Foundation

/// Reads a scenario file and the files it includes, each once.
///
/// A file may start with `include: base.yaml` (or a list, applied in order); paths are relative to
/// the including file. A file included from several places (a diamond) is read and parsed once and
/// its tree reused, so 26 files that each include the next twice cost 26 reads, not 2^25. Includes
/// nest at most `ScenarioFile.maximumIncludeDepth` deep, a cycle is an error naming its files, and
/// the files read together stay within `ScenarioFile.maximumFiles` and `.maximumTotalBytes`.
struct IncludeLoader {
    /// Resolved trees by canonical path.
    private var loaded: [String: ScenarioValue] = [:]
    private var bytesRead = 0
    /// Every file read, in the order read, each once.
    private(set) var filesRead: [String] = []

    mutating func load(path: String) throws(ScenarioError) -> ScenarioValue {
        try load(path: path, includedBy: nil, chain: [])
    }

    mutating func load(bytes: [UInt8], file: String) throws(ScenarioError) -> ScenarioValue {
        try account(bytes.count, location: SourceLocation(file: file, line: 0, column: 0), field: "")
        return try resolve(bytes, file: file, chain: [Self.canonical(file)])
    }

    private static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private mutating func load(path: String, includedBy item: ScenarioNode?, chain: [String]) throws(ScenarioError)
        -> ScenarioValue
    {
        let canonical = Self.canonical(path)
        let location = item?.location ?? SourceLocation(file: path, line: 0, column: 0)
        let field = item?.path ?? ""
        if chain.contains(canonical) {
            throw ScenarioError(
                location: location, field: field,
                message:
                    "include cycle: \((chain + [canonical]).joined(separator: " → ")); remove one of these includes")
        }
        if chain.count >= ScenarioFile.maximumIncludeDepth {
            throw ScenarioError(
                location: location, field: field,
                message: "includes nest more than \(ScenarioFile.maximumIncludeDepth) files deep; flatten them")
        }
        if let done = loaded[canonical] { return done }
        let bytes = try ScenarioFile.read(path, location: location, field: field)
        try account(bytes.count, location: location, field: field)
        filesRead.append(path)
        let value = try resolve(bytes, file: path, chain: chain + [canonical])
        loaded[canonical] = value
        return value
    }

    private mutating func account(_ count: Int, location: SourceLocation, field: String) throws(ScenarioError) {
        bytesRead += count
        if bytesRead > ScenarioFile.maximumTotalBytes {
            throw ScenarioError(
                location: location, field: field,
                message: "this scenario and its includes exceed \(ScenarioFile.maximumTotalBytes) bytes together")
        }
        if loaded.count >= ScenarioFile.maximumFiles {
            throw ScenarioError(
                location: location, field: field,
                message: "this scenario includes more than \(ScenarioFile.maximumFiles) files")
        }
    }

    /// The tree of `bytes` (read from `file`) with its includes merged under it.
    private mutating func resolve(_ bytes: [UInt8], file: String, chain: [String]) throws(ScenarioError)
        -> ScenarioValue
    {
        let parsed = try ScenarioValue.parse(yaml: try ScenarioFile.text(bytes, file: file), file: file)
        guard case .mapping(var entries, let location) = parsed,
            let includeIndex = entries.firstIndex(where: { $0.key == "include" })
        else { return parsed }
        let includeNode = ScenarioNode(entries[includeIndex].value, path: "include")
        entries.remove(at: includeIndex)
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        var base = ScenarioValue.mapping([], location)
        for item in try includeNode.items() {
            let relative = try item.text()
            guard !relative.isEmpty else { throw item.error("an include needs a file name") }
            let target = relative.hasPrefix("/") ? relative : directory.appendingPathComponent(relative).path
            base = base.merged(with: try load(path: target, includedBy: item, chain: chain))
        }
        return base.merged(with: .mapping(entries, location))
    }
}
