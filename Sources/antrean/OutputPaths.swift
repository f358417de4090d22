import Foundation

/// Output files checked before the work whose results they will hold: a city year, a plan's search or
/// a schedule's search can take minutes, and a path that cannot be written should end the command
/// (status 73) before them, not after. Nothing is created or truncated here; the write itself still
/// reports what goes wrong later (a full disk). Root passes the permission checks of `access(2)`, as it
/// passes the write itself.
enum OutputPaths {
    /// Throws unless `path` could be written: an existing path must be a writable file (not a folder);
    /// a new file needs a writable folder, which must exist unless the command creates missing folders
    /// (`createsFolders`, as the HTML reports and the roster do: then the nearest existing ancestor must
    /// be a writable folder).
    static func ensureWritable(_ path: String?, option: String, createsFolders: Bool = false) throws {
        guard let path else { return }
        let files = FileManager.default
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: url.path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw failure(path, option, "is a folder") }
            if !files.isWritableFile(atPath: url.path) { throw failure(path, option, "is not writable") }
            return
        }
        var folder = url.deletingLastPathComponent()
        while !files.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard createsFolders, folder.path != "/" else {
                throw failure(path, option, "its folder \(folder.path) does not exist")
            }
            folder = folder.deletingLastPathComponent()
        }
        if !isFolder.boolValue { throw failure(path, option, "\(folder.path) is not a folder") }
        if !files.isWritableFile(atPath: folder.path) {
            throw failure(path, option, "its folder \(folder.path) is not writable")
        }
    }

    private static func failure(_ path: String, _ option: String, _ reason: String) -> CLIError {
        CLIError("\(option) \(path): cannot write: \(reason)", status: ExitStatus.cannotCreateOutput)
    }
}
