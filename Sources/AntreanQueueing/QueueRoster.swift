/// Counters by weekday and time block (shifts) for a queue: the queue scenario's `roster:`. A queue's
/// clock starts on a Monday at 00:00 (minute 0 of the run) and the roster repeats every week;
/// minutes no block covers keep the queue's `counters`.
public struct QueueRoster: Sendable, Hashable {
    /// Minutes in a week; the roster's period.
    public static let weekMinutes = 7 * 1440
    /// Short weekday names for metric keys, Monday first (the run's day 0).
    public static let weekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Blocks by weekday (0 = Monday … 6 = Sunday), in order, not overlapping.
    public var blocks: [Int: [QueueRosterBlock]]

    public init(blocks: [Int: [QueueRosterBlock]]) {
        self.blocks = blocks
    }

    /// Counters at `minuteOfWeek` (0 ..< `weekMinutes`): the covering block's, else `counters`. O(blocks).
    public func counters(atMinuteOfWeek minuteOfWeek: Int, default counters: Int) -> Int {
        let minute = minuteOfWeek % 1440
        return blocks[minuteOfWeek / 1440]?.first { $0.start <= minute && minute < $0.end }?.counters ?? counters
    }

    /// The week as steps: from each `minute` of the week on, `counters` serve until the next step (the
    /// last lasts to the week's end, where the first takes over again). The first step starts at 0;
    /// consecutive equal counts are one step, so a roster that says what `counters` says is one step.
    /// O(blocks²).
    public func weeklySteps(default counters: Int) -> [(minute: Int, counters: Int)] {
        var points: Set<Int> = [0]
        for (day, dayBlocks) in blocks {
            for block in dayBlocks {
                points.insert(day * 1440 + block.start)
                if day * 1440 + block.end < Self.weekMinutes { points.insert(day * 1440 + block.end) }
            }
        }
        var steps: [(minute: Int, counters: Int)] = []
        for point in points.sorted() {
            let count = self.counters(atMinuteOfWeek: point, default: counters)
            if steps.last?.counters != count { steps.append((point, count)) }
        }
        return steps
    }

    /// The most counters the roster ever has, with `counters` where no block covers (the desk's size).
    public func maximumCounters(default counters: Int) -> Int {
        weeklySteps(default: counters).reduce(0) { max($0, $1.counters) }
    }

    /// Counter-minutes over the week ÷ the week's minutes.
    public func meanCounters(default counters: Int) -> Double {
        let steps = weeklySteps(default: counters)
        var total = 0
        for (index, step) in steps.enumerated() {
            let end = index + 1 < steps.count ? steps[index + 1].minute : Self.weekMinutes
            total += step.counters * (end - step.minute)
        }
        return Double(total) / Double(Self.weekMinutes)
    }

    /// The blocks lie within the day (00:00–24:00), in order without overlapping, with 0 … `most`
    /// counters each, on weekdays 0 … 6. Throws a message naming the weekday and block.
    func validate(field: String, most: Int) throws(QueueNetworkError) {
        for (day, dayBlocks) in blocks {
            guard (0..<7).contains(day) else { throw QueueNetworkError("\(field).roster: weekday \(day) is not 0…6") }
            let dayField = "\(field).roster.\(Self.weekdayKeys[day])"
            var previousEnd = 0
            for block in dayBlocks {
                guard 0 <= block.start, block.start < block.end, block.end <= 1440 else {
                    throw QueueNetworkError("\(dayField): a block must lie within 00:00-24:00 and end after it starts")
                }
                guard block.start >= previousEnd else {
                    throw QueueNetworkError("\(dayField): blocks overlap or are out of order")
                }
                guard (0...most).contains(block.counters) else {
                    throw QueueNetworkError("\(dayField): counters must lie in 0…\(most), got \(block.counters)")
                }
                previousEnd = block.end
            }
        }
    }
}

/// `counters` counters serve from `start` to `end` (minutes after midnight, end excluded) on a day.
public struct QueueRosterBlock: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var counters: Int

    public init(start: Int, end: Int, counters: Int) {
        self.start = start
        self.end = end
        self.counters = counters
    }
}
