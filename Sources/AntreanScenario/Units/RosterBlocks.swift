/// One weekday's roster as a scenario writes it, `{ 08:00-10:00: 3, 10:00-12:00: 4 }`, shared by the
/// rosters of city offices and of queues: each block a time range of whole minutes with a count of
/// counters from 0, blocks sorted by start and never overlapping. Errors name the file, line and field
/// of the block at fault. O(b log b) for b blocks.
enum RosterBlocks {
    /// The blocks of `dayNode` as (start, end, counters) in minutes after midnight, end excluded. With
    /// `opening`, each block must lie within it (`dayName` names the day in that error).
    static func parse(
        _ dayNode: ScenarioNode, maximumCounters: Int, opening: ClosedRange<Int>? = nil, dayName: String = ""
    ) throws(ScenarioError) -> [(start: Int, end: Int, counters: Int)] {
        var blocks: [(start: Int, end: Int, counters: Int, node: ScenarioNode, text: String)] = []
        for (window, blockNode) in try dayNode.namedEntries() {
            let parts = window.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let start = Quantities.clockMinutes(String(parts[0])),
                let end = Quantities.clockMinutes(String(parts[1]))
            else {
                throw blockNode.error("a roster block is a time range such as 08:00-10:00, got \"\(window)\"")
            }
            guard end > start else { throw blockNode.error("the block \(window) ends before it starts") }
            if let opening, Int(start) < opening.lowerBound || Int(end) > opening.upperBound {
                throw blockNode.error(
                    "the block \(window) lies outside the opening hours \(clock(opening.lowerBound))-"
                        + "\(clock(opening.upperBound)) of \(dayName)")
            }
            let counters = try blockNode.int(atMost: maximumCounters)
            guard counters >= 0 else { throw blockNode.error("counters cannot be negative, got \(counters)") }
            blocks.append((Int(start), Int(end), counters, blockNode, window))
        }
        blocks.sort { $0.start < $1.start }
        for (earlier, later) in zip(blocks, blocks.dropFirst()) where later.start < earlier.end {
            throw later.node.error("the block \(later.text) overlaps the block \(earlier.text)")
        }
        return blocks.map { ($0.start, $0.end, $0.counters) }
    }

    /// `480` → `08:00`.
    static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
