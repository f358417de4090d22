public import AntreanQueueing
import AntreanScenario

extension RosterFile {
    /// A queue scenario's rosters as a scenario file: `include:` of the scenario, then each queue's
    /// `roster:` by weekday (`queues: { desk: { roster: { monday: { 00:00-08:00: 3, … } } } }`). O(blocks).
    public static func queueYAMLText(
        rosters: [(queue: String, roster: QueueRoster)], include: String, comment: [String]
    )
        -> String
    {
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        var lines = comment.map { "# " + $0 }
        lines.append("include: \(YAMLText.scalar(include))")
        lines.append("queues:")
        for (queue, roster) in rosters where !roster.blocks.isEmpty {
            lines.append("  \(YAMLText.scalar(queue)):")
            lines.append("    roster:")
            for (index, weekday) in weekdays.enumerated() {
                guard let blocks = roster.blocks[index], !blocks.isEmpty else { continue }
                let entries = blocks.map { "\(clock($0.start))-\(clock($0.end)): \($0.counters)" }
                lines.append("      \(weekday): { \(entries.joined(separator: ", ")) }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
