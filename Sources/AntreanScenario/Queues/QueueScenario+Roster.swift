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
            result[index] = try RosterBlocks.parse(dayNode, maximumCounters: QueueNetworkSpec.maximumCounters).map {
                QueueRosterBlock(start: $0.start, end: $0.end, counters: $0.counters)
            }
        }
        return QueueRoster(blocks: result)
    }
}
