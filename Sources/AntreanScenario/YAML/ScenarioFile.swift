import Foundation

/// Reading scenario files from disk, with limits that keep a hostile or mistaken file from
/// exhausting memory, and errors that say what is wrong and how to fix it.
public enum ScenarioFile {
    /// The largest file read: 10 MB (Samarinda's city scenario is about 10 kB).
    public static let maximumBytes = 10 * 1024 * 1024
    /// The most bytes read over a file and everything it includes (each file counted once).
    public static let maximumTotalBytes = 32 * 1024 * 1024
    /// The most files one scenario may read, itself included.
    public static let maximumFiles = 256
    /// How deep `include:` may nest (a file including a file … counts one level per file).
    public static let maximumIncludeDepth = 32

    /// The bytes of the regular file at `path`. Errors are located at `location` and `field` (the
    /// `include:` entry that named the file, or the file itself).
    static func read(_ path: String, location: SourceLocation, field: String) throws(ScenarioError) -> [UInt8] {
        func failure(_ kind: ScenarioError.Kind, _ message: String) -> ScenarioError {
            ScenarioError(location: location, field: field, message: message, kind: kind)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure(.unreadable, "no such file: \(path) (check the name and the working directory)")
        }
        if isDirectory.boolValue {
            throw failure(.unreadable, "\(path) is a directory; name a scenario file (.yaml) inside it")
        }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
        guard let type = attributes?[.type] as? FileAttributeType, type == .typeRegular else {
            throw failure(
                .unreadable, "\(path) is not a regular file (a device, pipe or socket); a scenario must be a file")
        }
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else {
            throw failure(.invalid, "\(path) has \(size) bytes; a scenario file may have at most \(maximumBytes)")
        }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path)
        else {
            throw failure(.unreadable, "\(path) cannot be read: permission denied (check its permissions with ls -l)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            // One byte more than allowed, in case the file grew after it was measured.
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw failure(.unreadable, "\(path) cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maximumBytes else {
            throw failure(.invalid, "\(path) has more than \(maximumBytes) bytes, the most a scenario file may have")
        }
        return [UInt8](data)
    }

    /// `bytes` as text, or an error naming the line, column and byte offset of the first byte that
    /// is not UTF-8. O(bytes).
    static func text(_ bytes: [UInt8], file: String) throws(ScenarioError) -> String {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        var line = 1
        var lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = offset + 1
                }
                offset += scalar.count
            case .error(let length):
                let byte = String(bytes[offset], radix: 16, uppercase: true)
                throw ScenarioError(
                    location: SourceLocation(file: file, line: line, column: offset - lineStart + 1), field: "",
                    message: "byte \(offset) (0x\(byte)) is not UTF-8 text (\(length) bad byte(s)); "
                        + "save the file as UTF-8")
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}
