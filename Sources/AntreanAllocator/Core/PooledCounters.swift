/// The counter-minutes of every pooled office-day (see ``AppointmentPool``): per interval and reserve
/// what may be booked and what is, and the pooled timeline that gives each booking its minute.
///
/// The timeline is the day's: the multiset of its occupying bookings' segments [minute, minute +
/// expected minutes), in minutes after opening, whatever interval they start in. A booking's minutes
/// are charged to the intervals its segment covers (those after closing to the last interval), so an
/// interval's sold counter-minutes are the booked time inside it. A new booking of d minutes in
/// interval i may start at a minute m of i whose charges to every later interval fit that interval's
/// reserve (m = i's start always may, once i's admission holds: ``places(_:day:interval:length:)``).
/// Of those it gets the earliest at which fewer than C (the counters) segments cover every minute of
/// [m, m + d) up to closing, across interval boundaries; if none has (overbooking, or minutes left
/// only in fragments), the earliest that adds the fewest citizen-minutes beyond the counters at the
/// desk (a citizen-minute at which every counter is busy). Segments whose greatest
/// overlap is at most C can be given to C counters with none serving two citizens at once (interval
/// graphs are perfect: colouring by start time uses as many colours as the deepest overlap), so
/// "fewer than C cover it" is "some counter is free for the whole service". The rule reads only the
/// multiset and the sold minutes, not which counter took which segment, so restoring the stored
/// minutes rebuilds exactly the state that chooses the next minute.
struct PooledCounters: Sendable {
    /// One pooled office-day: where its intervals start in `intervals`, and its shape.
    struct Day: Hashable, Sendable {
        var start: Int32
        var count: Int32
        var intervalMinutes: Int32
        var counters: Int32
        /// Its breaks: an index in `pauseSets` (-1: none).
        var pauses: Int32 = -1
        /// The longest segment it has held: how far back a search looks for segments that reach in.
        var longest: Int32 = 0

        /// Minutes from opening to closing.
        var minutes: Int { Int(count) * Int(intervalMinutes) }

        /// The interval that minute `minute` after opening is charged to (after closing: the last).
        func interval(ofMinute minute: Int) -> Int { min(minute / max(1, Int(intervalMinutes)), Int(count) - 1) }
    }

    /// `counters` counters away from `start` to `end` (minutes after the day's opening, end
    /// excluded): one of the office's breaks on a pooled day.
    struct Pause: Hashable, Sendable {
        var start: Int32
        var end: Int32
        var counters: Int32
    }

    /// Counter-minutes per reserve (32-bit: a pool may have up to 1,000 counters × 1,440 minutes).
    typealias Minutes = PoolCounts<Int32>

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
        return Int(interval.limit[pool]) - Int(interval.used[pool])
    }

    /// Counts `minutes` (negative: gives them back) against `pool` of interval `index` of `day`. O(1).
    mutating func add(_ minutes: Int32, to pool: CapacityPool, day: Int32, interval index: Int) {
        intervals[Int(days[Int(day)].start) + index].used[pool] += minutes
    }

    /// Calls `body(interval, minutes)` for each interval that the segment [`start`, `start` + `length`)
    /// (minutes after opening) is charged to, in order. O(length ÷ interval + 1).
    static func forEachCharge(of shape: Day, start: Int, length: Int, _ body: (Int, Int) -> Void) {
        let end = start + max(1, length)
        var minute = start
        while minute < end {
            let interval = shape.interval(ofMinute: minute)
            let upTo = interval == Int(shape.count) - 1 ? end : min(end, (interval + 1) * Int(shape.intervalMinutes))
            body(interval, upTo - minute)
            minute = upTo
        }
    }

    /// Bookings of `length` minutes that `pool` of interval `index` of `day` may still admit: as many as
    /// fit every interval a booking at the interval's start is charged to. O(length ÷ interval + 1).
    func places(_ pool: CapacityPool, day: Int32, interval index: Int, length: Int) -> Int {
        let shape = days[Int(day)]
        var places = Int.max
        Self.forEachCharge(of: shape, start: index * Int(shape.intervalMinutes), length: length) { interval, minutes in
            places = min(places, max(0, remaining(pool, day: day, interval: interval)) / minutes)
        }
        return places
    }

    /// Puts a booking of `length` minutes of reserve `pool` on the timeline of `day`, starting in
    /// interval `index` at `stored` (minutes after the interval's start: a restored booking's or an
    /// undone move's) or else at the rule's minute, charges its minutes, and returns the minute after
    /// the interval's start. O((L + d) × d + k) for intervals of L minutes and k segments near it.
    mutating func take(day: Int32, interval index: Int, length: Int, pool: CapacityPool, at stored: Int? = nil) -> Int {
        days[Int(day)].longest = max(days[Int(day)].longest, Int32(clamping: length))
        let shape = days[Int(day)]
        let position = Int(shape.start) + index
        let minute = stored ?? earliestMinute(day: day, interval: index, length: length, pool: pool)
        segments[position, default: []].append(
            Segment(minute: UInt16(clamping: minute), length: UInt16(clamping: length)))
        let start = index * Int(shape.intervalMinutes) + minute
        Self.forEachCharge(of: shape, start: start, length: length) { interval, minutes in
            add(Int32(minutes), to: pool, day: day, interval: interval)
        }
        return minute
    }

    /// Takes one segment off the timeline of `day` (its `minute` after the start of interval `index`)
    /// and gives its minutes back to `pool`. O(k).
    mutating func release(day: Int32, interval index: Int, minute: Int, length: Int, pool: CapacityPool) {
        let shape = days[Int(day)]
        let position = Int(shape.start) + index
        guard var taken = segments[position] else { return }
        let segment = Segment(minute: UInt16(clamping: minute), length: UInt16(clamping: length))
        guard let found = taken.lastIndex(of: segment) else { return }
        taken.remove(at: found)
        segments[position] = taken.isEmpty ? nil : taken
        Self.forEachCharge(of: shape, start: index * Int(shape.intervalMinutes) + minute, length: length) {
            interval, minutes in add(-Int32(minutes), to: pool, day: day, interval: interval)
        }
    }

    /// Whether segment [`minute`, `minute` + `length`) after the start of interval `index` fits the
    /// unsold minutes of `pool` in every interval it is charged to (restoring a stored booking).
    func fits(_ pool: CapacityPool, day: Int32, interval index: Int, minute: Int, length: Int) -> Bool {
        let shape = days[Int(day)]
        var fits = true
        Self.forEachCharge(of: shape, start: index * Int(shape.intervalMinutes) + minute, length: length) {
            interval, minutes in fits = fits && remaining(pool, day: day, interval: interval) >= minutes
        }
        return fits
    }

    /// The rule's minute after the start of interval `index` of `day` for a new segment of `length`
    /// minutes of reserve `pool` (see the type's documentation): of the minutes m whose charges fit the
    /// reserve of every interval (``fits(_:day:interval:minute:length:)``; once the booking is admitted
    /// only later intervals can refuse), the earliest at which every minute t of [m, m + length)
    /// before closing has fewer segments than counters at the desk, else the earliest that puts the
    /// fewest citizen-minutes beyond them (Σ over t of segments + 1 − counters, where positive).
    /// Breaks fit the colouring argument as segments of their own (b counters away over [s, e) are b
    /// segments [s, e) that must each keep one counter), so it still means "a counter is free for the
    /// whole service". O((L + d) × d + k + (L + d) × breaks) for the k segments of the intervals a
    /// start may touch, and no allocation.
    func earliestMinute(day: Int32, interval index: Int, length: Int, pool: CapacityPool) -> Int {
        let shape = days[Int(day)]
        let intervalMinutes = max(1, Int(shape.intervalMinutes))
        let from = index * intervalMinutes
        let length = max(1, length)
        // The window: every minute a start in the interval may cover before closing.
        let span = max(intervalMinutes, min(shape.minutes - from, intervalMinutes + length - 1))
        // Segments that may reach into the window start up to `longest` minutes before it.
        let reach = (Int(shape.longest) + intervalMinutes - 1) / intervalMinutes
        let last = min(Int(shape.count) - 1, (from + span - 1) / intervalMinutes)
        let pauses = shape.pauses >= 0 ? pauseSets[Int(shape.pauses)] : []
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: span) { load in
            // load[t] = segments covering from + t − counters at the desk then (clamped at none): room
            // at t while negative.
            load.initialize(repeating: -Int32(clamping: shape.counters))
            for pause in pauses {
                let start = max(0, Int(pause.start) - from)
                let end = min(span, Int(pause.end) - from)
                guard start < end else { continue }
                for minute in start..<end { load[minute] = min(0, load[minute] + pause.counters) }
            }
            for interval in max(0, index - reach)...last {
                guard let taken = segments[Int(shape.start) + interval] else { continue }
                for segment in taken {
                    let first = interval * intervalMinutes + Int(segment.minute) - from
                    let start = max(0, first)
                    let end = min(span, first + Int(segment.length))
                    guard start < end else { continue }
                    for minute in start..<end { load[minute] += 1 }
                }
            }
            var best = -1
            var bestExcess = Int.max
            for minute in 0..<intervalMinutes
            where fits(pool, day: day, interval: index, minute: minute, length: length) {
                // Minutes of the service at which it would find every counter at the desk busy.
                var excess = 0
                for covered in minute..<min(span, minute + length) where load[covered] >= 0 {
                    excess += Int(load[covered]) + 1
                }
                if excess == 0 { return minute }
                if excess < bestExcess {
                    best = minute
                    bestExcess = excess
                }
            }
            return max(0, best)
        }
    }

    /// Position in `intervals` of interval `index` of `day`.
    func position(day: Int32, interval index: Int) -> Int { Int(days[Int(day)].start) + index }
}
