import AntreanAllocator
import AntreanQueueing

extension QueueSpec {
    /// A queue's `roster:`: counters by weekday and time block, the run's minute 0 being a Monday's
    /// 00:00 and the week repeating,
    ///
    ///     roster:
    ///       monday: { 00:00-12:00: 4, 12:00-24:00: 3 }
    ///
    /// Blocks lie within 00:00–24:00, may leave gaps (which keep the queue's `counters`) but never
    /// overlap; counters are whole numbers from 0. Errors name the file, line and field of the block.
    static func roster(_ node: ScenarioNode) throws(ScenarioError) -> QueueRoster {
        var result: [Int: [QueueRosterBlock]] = [:]
        for (day, dayNode) in try node.namedEntries() {
            guard let weekday = Weekday(rawValue: day.lowercased()),
                let index = Weekday.allCases.firstIndex(of: weekday)
            else {
                throw dayNode.error("expected a weekday name (monday … sunday), got \"\(day)\"")
            }
            var blocks: [(block: QueueRosterBlock, node: ScenarioNode, text: String)] = []
            for (window, blockNode) in try dayNode.namedEntries() {
                let parts = window.split(separator: "-", omittingEmptySubsequences: false)
                guard parts.count == 2, let start = Quantities.clockMinutes(String(parts[0])),
                    let end = Quantities.clockMinutes(String(parts[1]))
                else {
                    throw blockNode.error("a roster block is a time range such as 08:00-10:00, got \"\(window)\"")
                }
                guard end > start else { throw blockNode.error("the block \(window) ends before it starts") }
                let counters = try blockNode.int(atMost: QueueNetworkSpec.maximumCounters)
                guard counters >= 0 else { throw blockNode.error("counters cannot be negative, got \(counters)") }
                blocks.append(
                    (QueueRosterBlock(start: Int(start), end: Int(end), counters: counters), blockNode, window))
            }
            blocks.sort { $0.block.start < $1.block.start }
            for (earlier, later) in zip(blocks, blocks.dropFirst()) where later.block.start < earlier.block.end {
                throw later.node.error("the block \(later.text) overlaps the block \(earlier.text)")
            }
            result[index] = blocks.map(\.block)
        }
        return QueueRoster(blocks: result)
    }
}
