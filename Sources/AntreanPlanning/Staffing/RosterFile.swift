public import AntreanAllocator
public import AntreanCity
import AntreanScenario
import Foundation

/// Writes rosters as a scenario file: `include:` of the scenario they were planned for, then each
/// office's `roster:` by weekday, `{ 08:00-10:00: 3, … }`. `antrean simulate roster.yaml` runs the
/// scenario with the roster; a what-if file may include it too.
public enum RosterFile {
    /// The YAML text. `include` is the scenario's path relative to the roster file's folder;
    /// `comment` lines head the file. O(blocks).
    public static func yamlText(
        rosters: [(office: String, roster: [Weekday: [RosterBlock]])], include: String, comment: [String]
    ) -> String {
        var lines = comment.map { "# " + $0 }
        lines.append("include: \(YAMLText.scalar(include))")
        lines.append("offices:")
        for (office, roster) in rosters where !roster.isEmpty {
            lines.append("  \(YAMLText.scalar(office)):")
            lines.append("    roster:")
            for weekday in Weekday.allCases {
                guard let blocks = roster[weekday], !blocks.isEmpty else { continue }
                let entries = blocks.map { "\(clock($0.start))-\(clock($0.end)): \($0.counters)" }
                lines.append("      \(weekday.rawValue): { \(entries.joined(separator: ", ")) }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `path` relative to the folder `folder` (both resolved against the working directory).
    public static func relativePath(of path: String, from folder: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        var common = 0
        while common < min(target.count - 1, base.count) && target[common] == base[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + target[common...]).joined(separator: "/")
    }

    /// `480` → `08:00`, `1440` → `24:00`.
    static func clock(_ minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }
}
