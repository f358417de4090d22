import AntreanAllocator
import AntreanCity

extension CityScenario {
    /// An office's `roster:`: counters by weekday and time block,
    ///
    ///     roster:
    ///       monday: { 08:00-10:00: 3, 10:00-12:00: 4, 12:00-16:00: 2 }
    ///
    /// Each block lies within that weekday's opening `hours` (a closed weekday has no roster); blocks
    /// may leave gaps (which keep the office's `counters`) but never overlap; counters are whole
    /// numbers from 0. Errors name the file, line and field of the block at fault.
    static func roster(_ node: ScenarioNode, hours: [Weekday: ClosedRange<Int>]) throws(ScenarioError) -> [Weekday:
        [RosterBlock]]
    {
        var result: [Weekday: [RosterBlock]] = [:]
        for (day, dayNode) in try node.namedEntries() {
            let weekday = try weekday(day, at: dayNode)
            guard let open = hours[weekday] else {
                throw dayNode.error("the offices are closed on \(weekday.rawValue) (calendar.hours): no roster there")
            }
            var blocks: [(block: RosterBlock, node: ScenarioNode, text: String)] = []
            for (window, blockNode) in try dayNode.namedEntries() {
                let parts = window.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 2, let start = Quantities.clockMinutes(String(parts[0])),
                    let end = Quantities.clockMinutes(String(parts[1]))
                else {
                    throw blockNode.error("a roster block is a time range such as 08:00-10:00, got \"\(window)\"")
                }
                guard end > start else { throw blockNode.error("the block \(window) ends before it starts") }
                guard Int(start) >= open.lowerBound, Int(end) <= open.upperBound else {
                    throw blockNode.error(
                        "the block \(window) lies outside the opening hours \(Self.clock(open.lowerBound))-"
                            + "\(Self.clock(open.upperBound)) of \(weekday.rawValue)")
                }
                let counters = try blockNode.int(atMost: maximumCounters)
                guard counters >= 0 else {
                    throw blockNode.error("counters cannot be negative, got \(counters)")
                }
                blocks.append((RosterBlock(start: Int(start), end: Int(end), counters: counters), blockNode, window))
            }
            blocks.sort { $0.block.start < $1.block.start }
            for (earlier, later) in zip(blocks, blocks.dropFirst()) where later.block.start < earlier.block.end {
                throw later.node.error("the block \(later.text) overlaps the block \(earlier.text)")
            }
            result[weekday] = blocks.map(\.block)
        }
        return result
    }

    /// `480` → `08:00`.
    static func clock(_ minute: Int) -> String {
        let hours = minute / 60
        let minutes = minute % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }
}
