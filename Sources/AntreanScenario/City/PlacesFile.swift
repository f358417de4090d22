import AntreanAllocator
import Foundation

/// A template's places per interval read from a file of its own (`rule: file`, `file: places.txt`):
/// whole numbers separated by commas, semicolons, spaces, tabs or new lines, `#` starting a comment.
/// A one-column export from a spreadsheet reads as it is, so a planner can shape a day by hand and
/// keep the vector out of the scenario. Public for the fuzz target (`FuzzScenario`).
public enum PlacesFile {
    /// The most places one interval may have (the allocator's one bound).
    public static let maximumPlaces = AppointmentTemplate.maximumPerInterval

    /// The vector in the file that `node` (the template's `file:` field) names, resolved against the
    /// folder of the file the template is written in. Errors name the places file's line and column
    /// for a bad number, or `node`'s line for a missing or unreadable file. O(bytes).
    static func read(_ node: ScenarioNode) throws(ScenarioError) -> [Int] {
        let name = try node.text()
        guard !name.isEmpty else { throw node.error("expected the path of a places file") }
        let path: String
        if name.hasPrefix("/") {
            path = name
        } else {
            let folder = URL(fileURLWithPath: node.location.file).deletingLastPathComponent()
            path = folder.appendingPathComponent(name).path
        }
        let bytes = try ScenarioFile.read(path, location: node.location, field: node.path)
        return try parse(bytes, file: path, field: node.path)
    }

    /// The whole numbers in `bytes`, in order; `file` and `field` locate the errors.
    public static func parse(_ bytes: [UInt8], file: String, field: String) throws(ScenarioError) -> [Int] {
        var places: [Int] = []
        var line = 1
        var lineStart = 0
        var index = 0
        func failure(at offset: Int, _ message: String) -> ScenarioError {
            ScenarioError(
                location: SourceLocation(file: file, line: line, column: offset - lineStart + 1), field: field,
                message: message)
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = index + 1
                index += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ","), UInt8(ascii: ";"):
                index += 1
            case UInt8(ascii: "#"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                var value = 0
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                    // Stops growing past the limit, so a long run of digits cannot overflow.
                    if value <= maximumPlaces { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                    index += 1
                }
                guard value <= maximumPlaces else {
                    throw failure(at: start, "at most \(maximumPlaces) places per interval")
                }
                places.append(value)
            case UInt8(ascii: "-"):
                throw failure(at: index, "places cannot be negative")
            default:
                let shown = byte < 0x80 ? "\"\(Character(Unicode.Scalar(byte)))\"" : "byte 0x\(String(byte, radix: 16))"
                throw failure(
                    at: index,
                    "expected whole numbers of places separated by commas, spaces or new lines, got \(shown) "
                        + "(start a header or note with #)")
            }
        }
        guard !places.isEmpty else {
            throw ScenarioError(
                location: SourceLocation(file: file, line: 0, column: 0), field: field,
                message: "the places file has no numbers; write one number of places per interval")
        }
        return places
    }
}
