/// The counter-minutes of every pooled office-day (see ``AppointmentPool``): per interval and reserve
/// what may be booked and what is, and the pooled timeline that gives each booking its minute.
///
/// The timeline of an interval is the multiset of its occupying bookings' segments [minute, minute +
/// expected minutes). A new booking of d minutes gets the earliest minute m of the interval at which
/// fewer than C (the counters) segments cover every minute of [m, m + d) inside the interval; if none
/// has (overbooking, or minutes left only in fragments), the earliest minute whose busiest minute in
/// [m, m + d) is least busy. Segments whose greatest overlap is at most C can be given to C counters
/// with none serving two citizens at once (interval graphs are perfect: colouring by start time uses
/// as many colours as the deepest overlap), so "fewer than C cover it" is "some counter is free for
/// the whole service". The rule reads only the multiset, not which counter took which segment, so
/// restoring the stored minutes rebuilds exactly the state that chooses the next minute.
struct PooledCounters: Sendable {
    /// One pooled office-day: where its intervals start in `intervals`, and its shape.
    struct Day: Hashable, Sendable {
        var start: Int32
        var count: Int32
        var intervalMinutes: Int32
        var counters: Int32
        /// Its breaks: an index in `pauseSets` (-1: none).
        var pauses: Int32 = -1
    }

    /// `counters` counters away from `start` to `end` (minutes after the day's opening, end
    /// excluded): one of the office's breaks on a pooled day.
    struct Pause: Hashable, Sendable {
        var start: Int32
        var end: Int32
        var counters: Int32
    }

    /// Counter-minutes per reserve (32-bit: a pool may have up to 1,000 counters × 1,440 minutes).
    struct Minutes: Hashable, Sendable {
        var online: Int32 = 0
        var walkIn: Int32 = 0
        var priority: Int32 = 0
    }

    /// Counter-minutes of one interval: what each reserve may sell and what it has sold.
    struct Interval: Hashable, Sendable {
        var limit: Minutes
        var used = Minutes()
    }

    /// A booking's stretch of the timeline: minutes after its interval's start, and its length.
    struct Segment: Hashable, Sendable {
        var minute: UInt16
        var length: UInt16
    }

    /// A pooled office-day: office and day numbers as in ``DayKey``, and the pool's index.
    struct Key: Hashable, Sendable {
        var office: Int32
        var pool: Int32
        var day: Int32
    }

    private(set) var days: [Day] = []
    private(set) var intervals: [Interval] = []
    /// Occupying bookings' segments by interval position in `intervals`, in insertion order.
    private(set) var segments: [Int: [Segment]] = [:]
    private var directory: [Key: Int32] = [:]
    /// The distinct break lists of pooled days (an office's Fridays share one), and their numbers.
    private(set) var pauseSets: [[Pause]] = []
    private var pauseSetNumbers: [[Pause]: Int32] = [:]

    /// The number of the pooled day `key`, made from `limits` (counter-minutes per interval and
    /// reserve) on first use. O(intervals) the first time, O(1) expected after.
    mutating func day(
        _ key: Key, limits: [Minutes], intervalMinutes: Int, counters: Int, pauses: [Pause] = []
    ) -> Int32 {
        if let known = directory[key] { return known }
        let number = Int32(days.count)
        var pauseSet: Int32 = -1
        if !pauses.isEmpty {
            pauseSet = pauseSetNumbers[pauses] ?? Int32(pauseSets.count)
            if pauseSet == Int32(pauseSets.count) {
                pauseSets.append(pauses)
                pauseSetNumbers[pauses] = pauseSet
            }
        }
        days.append(
            Day(
                start: Int32(intervals.count), count: Int32(limits.count), intervalMinutes: Int32(intervalMinutes),
                counters: Int32(counters), pauses: pauseSet))
        intervals.append(contentsOf: limits.map { Interval(limit: $0) })
        directory[key] = number
        return number
    }

    func interval(day: Int32, _ index: Int) -> Interval { intervals[Int(days[Int(day)].start) + index] }

    /// Counter-minutes left in `pool` of interval `index` of `day`. O(1).
    func remaining(_ pool: CapacityPool, day: Int32, interval index: Int) -> Int {
        let interval = intervals[Int(days[Int(day)].start) + index]
        return switch pool {
        case .online: Int(interval.limit.online) - Int(interval.used.online)
        case .walkIn: Int(interval.limit.walkIn) - Int(interval.used.walkIn)
        case .priority: Int(interval.limit.priority) - Int(interval.used.priority)
        }
    }

    /// Counts `minutes` (negative: gives them back) against `pool` of interval `index` of `day`. O(1).
    mutating func add(_ minutes: Int32, to pool: CapacityPool, day: Int32, interval index: Int) {
        let position = Int(days[Int(day)].start) + index
        switch pool {
        case .online: intervals[position].used.online += minutes
        case .walkIn: intervals[position].used.walkIn += minutes
        case .priority: intervals[position].used.priority += minutes
        }
    }

    /// Puts a booking of `length` minutes on the timeline of interval `index` of `day`, at `stored`
    /// (a restored booking's or an undone move's minute) or else at the rule's minute, and returns
    /// the minute. O(L × d + k) for an interval of L minutes holding k segments.
    mutating func take(day: Int32, interval index: Int, length: Int, at stored: Int? = nil) -> Int {
        let shape = days[Int(day)]
        let position = Int(shape.start) + index
        var taken = segments[position] ?? []
        let minute =
            stored
            ?? Self.earliestMinute(
                segments: taken, intervalMinutes: Int(shape.intervalMinutes), counters: Int(shape.counters),
                pauses: shape.pauses >= 0 ? pauseSets[Int(shape.pauses)] : [],
                intervalStart: index * Int(shape.intervalMinutes), length: length)
        taken.append(Segment(minute: UInt16(clamping: minute), length: UInt16(clamping: length)))
        segments[position] = taken
        return minute
    }

    /// Takes one segment [minute, minute + length) off the timeline of interval `index` of `day`. O(k).
    mutating func release(day: Int32, interval index: Int, minute: Int, length: Int) {
        let position = Int(days[Int(day)].start) + index
        guard var taken = segments[position] else { return }
        let segment = Segment(minute: UInt16(clamping: minute), length: UInt16(clamping: length))
        if let found = taken.lastIndex(of: segment) { taken.remove(at: found) }
        segments[position] = taken.isEmpty ? nil : taken
    }

    /// The rule's minute for a new segment of `length` minutes among `segments` in an interval of
    /// `intervalMinutes` starting `intervalStart` minutes after opening, with `counters` counters less
    /// those on a break of `pauses` at each minute (see the type's documentation): the earliest minute
    /// m at which every minute t of [m, m + length) in the interval has fewer segments than counters
    /// at the desk. Breaks fit the colouring argument as segments of their own (b counters away over
    /// [s, e) are b segments [s, e) that must each keep one counter), so it still means "a counter is
    /// free for the whole service". O(L × d + Σ lengths + L × breaks).
    static func earliestMinute(
        segments: [Segment], intervalMinutes: Int, counters: Int, pauses: [Pause] = [], intervalStart: Int = 0,
        length: Int
    ) -> Int {
        let span = max(1, intervalMinutes)
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: span) { load in
            // load[t] = segments covering t − counters at the desk at t (clamped at none): room at
            // t while negative.
            load.initialize(repeating: -Int32(clamping: counters))
            for pause in pauses {
                let from = max(0, Int(pause.start) - intervalStart)
                let to = min(span, Int(pause.end) - intervalStart)
                guard from < to else { continue }
                for minute in from..<to { load[minute] = min(0, load[minute] + pause.counters) }
            }
            for segment in segments {
                let start = Int(segment.minute)
                guard start < span else { continue }
                for minute in start..<min(span, start + Int(segment.length)) { load[minute] += 1 }
            }
            var best = 0
            var bestPeak = Int32.max
            for minute in 0..<span {
                var peak = Int32.min
                for covered in minute..<min(span, minute + max(1, length)) { peak = max(peak, load[covered]) }
                if peak < 0 { return minute }
                if peak < bestPeak {
                    best = minute
                    bestPeak = peak
                }
            }
            return best
        }
    }

    /// Every interval's used counter-minutes recounted from the segments' owners, for invariant checks:
    /// positions in `intervals` whose count differs from `recount`.
    func mismatches(_ recount: [Int: Minutes]) -> [Int] {
        intervals.indices.filter { intervals[$0].used != (recount[$0] ?? Minutes()) }
    }

    /// Position in `intervals` of interval `index` of `day`.
    func position(day: Int32, interval index: Int) -> Int { Int(days[Int(day)].start) + index }
}
