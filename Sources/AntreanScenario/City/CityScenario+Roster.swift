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
            result[weekday] = try RosterBlocks.parse(
                dayNode, maximumCounters: maximumCounters, opening: open, dayName: weekday.rawValue
            ).map { RosterBlock(start: $0.start, end: $0.end, counters: $0.counters) }
        }
        return result
    }
}
