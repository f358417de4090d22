public import AntreanAllocator

/// `counters` counters serve from `start` to `end` (minutes after midnight, end excluded): one block
/// of an office's roster for a weekday (a shift pattern such as 08:00–10:00: 3, 10:00–12:00: 4).
///
/// A queue's roster has the same shape, AntreanQueueing's `QueueRosterBlock`; it is a type of its own
/// because the two libraries do not import each other (its documentation says why, and where the code
/// they share lives).
public struct RosterBlock: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var counters: Int

    public init(start: Int, end: Int, counters: Int) {
        self.start = start
        self.end = end
        self.counters = counters
    }
}

extension Office {
    /// The most counters the office ever has: the size of its desk.
    public var maximumCounters: Int {
        roster.values.reduce(counters) { most, blocks in blocks.reduce(most) { max($0, $1.counters) } }
    }

    /// Counters rostered at `minute` of a `weekday`: the block covering it, else `counters` (minutes
    /// no block covers, and weekdays without a roster, keep the all-day count). O(blocks).
    public func rosteredCounters(on weekday: Weekday, at minute: Int) -> Int {
        roster[weekday]?.first { $0.start <= minute && minute < $0.end }?.counters ?? counters
    }

    /// The counters rostered through `hours` of `weekday`, as steps: from each `start` on, until the
    /// next step (the last one lasts past closing). Consecutive equal counts are one step; the first
    /// step starts at opening. O(blocks²).
    public func counterSteps(on weekday: Weekday, hours: ClosedRange<Int>) -> [(start: Int, counters: Int)] {
        var points = [hours.lowerBound]
        for block in roster[weekday] ?? [] {
            for point in [block.start, block.end] where point > hours.lowerBound && point < hours.upperBound {
                points.append(point)
            }
        }
        var steps: [(start: Int, counters: Int)] = []
        for point in Set(points).sorted() {
            let count = rosteredCounters(on: weekday, at: point)
            if steps.last?.counters != count { steps.append((point, count)) }
        }
        return steps
    }

    /// Counter-minutes from `start` to `end` of `weekday`: the rostered counters, less those on break
    /// (never below none), integrated exactly in whole minutes. With no roster and a break of at most
    /// `counters` this is counters × length − break counters × overlap, as before rosters existed.
    /// `includingBreaks` counts the counters on break too (staffed time). O(blocks²).
    public func counterMinutes(on weekday: Weekday, from start: Int, to end: Int, includingBreaks: Bool = false) -> Int
    {
        guard end > start else { return 0 }
        var points = [start, end]
        for block in roster[weekday] ?? [] { points += [block.start, block.end] }
        let pause = includingBreaks ? nil : breaks[weekday]
        if let pause { points += [pause.window.lowerBound, pause.window.upperBound] }
        let cuts = Set(points.filter { $0 >= start && $0 <= end }).sorted()
        var total = 0
        for (from, to) in zip(cuts, cuts.dropFirst()) {
            var serving = rosteredCounters(on: weekday, at: from)
            if let pause, pause.window.lowerBound <= from, from < pause.window.upperBound {
                serving = max(0, serving - pause.counters)
            }
            total += serving * (to - from)
        }
        return total
    }
}

extension CityModel {
    /// A roster's blocks lie within the weekday's opening hours, in order without overlapping, with
    /// 0…10000 counters each. (Scenario files get these errors with their lines from the decoder.)
    func validateRoster(of office: Office) throws(CityModelError) {
        for (weekday, blocks) in office.roster {
            let field = "offices.\(office.id).roster.\(weekday.rawValue)"
            guard let hours = calendar.hours[weekday] else {
                throw CityModelError("\(field): the offices are closed on \(weekday.rawValue) (calendar.hours)")
            }
            var previousEnd = Int.min
            for block in blocks {
                guard block.start < block.end else { throw CityModelError("\(field): a block ends before it starts") }
                guard block.start >= hours.lowerBound && block.end <= hours.upperBound else {
                    throw CityModelError("\(field): a block lies outside the opening hours")
                }
                guard block.start >= previousEnd else {
                    throw CityModelError("\(field): blocks overlap or are out of order")
                }
                guard (0...10_000).contains(block.counters) else {
                    throw CityModelError("\(field): counters must lie in 0…10000, got \(block.counters)")
                }
                previousEnd = block.end
            }
        }
    }
}
