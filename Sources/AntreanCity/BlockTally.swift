import AntreanAllocator
import AntreanEngine

/// What one office saw in each hour block of each weekday (7 × 24 blocks), measured only when
/// ``CityModel/measuresBlocks`` is set: the waits of the citizens whose wait began in the block, and
/// its counters' busy and staffed minutes. Hour-block rosters are checked against these.
///
/// The waits are kept (8 bytes per served citizen) so that a block's quantiles are exact: a sketch
/// per block would cost ≈ 7 × 24 sketches per office for a figure read only while planning.
struct BlockTally {
    static let blockCount = 7 * 24

    var waits = [[Double]](repeating: [], count: blockCount)
    var withinTarget = [Double](repeating: 0, count: blockCount)
    var busyMinutes = [Double](repeating: 0, count: blockCount)
    /// Rostered counters × minutes open in the block (breaks included, as `staffedMinutes`).
    var staffedMinutes = [Double](repeating: 0, count: blockCount)
    var openMinutes = [Double](repeating: 0, count: blockCount)

    static func block(weekday: Int, hour: Int) -> Int { weekday * 24 + hour }

    /// Writes `<prefix>.<mon>.<08>.served`, `.wait_minutes` (mean), `.wait_minutes.<pNN>` (exact,
    /// nearest rank: the smallest wait that at least that share of waits do not exceed, so that "p90 ≤
    /// T" and "at least 90% within T" agree), `.wait_within_target`, `.counters` (mean rostered) and
    /// `.counter_utilization` for every block the office was open in. A block in which nobody was
    /// served has no wait to report: its waits are written as 0 and its share within the target as 1,
    /// so a planner's target holds there. O(waits × log waits).
    func write(into sample: inout MetricSample, prefix: String, quantiles: [Double]) {
        for weekday in 0..<7 {
            let day = String(Weekday.allCases[weekday].rawValue.prefix(3))
            for hour in 0..<24 {
                let index = Self.block(weekday: weekday, hour: hour)
                guard openMinutes[index] > 0 || !waits[index].isEmpty else { continue }
                let label = hour < 10 ? "0\(hour)" : "\(hour)"
                func put(_ key: String, _ value: Double) { sample.values["\(prefix).\(day).\(label).\(key)"] = value }
                let sorted = waits[index].sorted()
                let count = Double(sorted.count)
                put("served", count)
                put("wait_minutes", sorted.isEmpty ? 0 : sorted.reduce(0, +) / count)
                for level in quantiles {
                    let rank = Int((level * count).rounded(.up)) - 1
                    put("wait_minutes." + WaitQuantile.key(level), sorted.isEmpty ? 0 : sorted[max(0, rank)])
                }
                put("wait_within_target", sorted.isEmpty ? 1 : withinTarget[index] / count)
                if openMinutes[index] > 0 {
                    put("counters", staffedMinutes[index] / openMinutes[index])
                    put(
                        "counter_utilization",
                        staffedMinutes[index] > 0 ? busyMinutes[index] / staffedMinutes[index] : .nan)
                }
            }
        }
    }
}

extension CityRun {
    /// Monday 0 … Sunday 6 of day `day`.
    func weekdayIndex(day: Int) -> Int {
        Weekday.allCases.firstIndex(of: baseDate.adding(days: day).weekday) ?? 0
    }

    /// Adds a served citizen's wait to the block its wait began in, and the service's minutes within
    /// opening hours (`from` to `to`) to the blocks they fall in. O(hours the service spans).
    mutating func recordBlock(office: Int, wait: Double, waitStart: Double, busyFrom: Double, to: Double) {
        let startDay = dayIndex(waitStart)
        let hour = min(23, Int((waitStart - Double(startDay * 1440)) / 60))
        let block = BlockTally.block(weekday: weekdayIndex(day: startDay), hour: hour)
        blocks[office].waits[block].append(wait)
        if wait <= model.waitTargetMinutes { blocks[office].withinTarget[block] += 1 }
        var cursor = busyFrom
        while cursor < to {
            let day = dayIndex(cursor)
            let hourOfDay = min(23, Int((cursor - Double(day * 1440)) / 60))
            let next = min(to, Double(day * 1440 + (hourOfDay + 1) * 60))
            guard next > cursor else { break }
            blocks[office].busyMinutes[BlockTally.block(weekday: weekdayIndex(day: day), hour: hourOfDay)] +=
                next - cursor
            cursor = next
        }
    }

    /// Adds an open day's rostered counter-minutes and open minutes to its hour blocks. O(hours × blocks²).
    mutating func recordStaffedBlocks(office: Int, day: Int, hours: ClosedRange<Int>) {
        let weekday = baseDate.adding(days: day).weekday
        let weekdayNumber = weekdayIndex(day: day)
        for hour in (hours.lowerBound / 60)...((hours.upperBound - 1) / 60) {
            let from = max(hour * 60, hours.lowerBound)
            let to = min(hour * 60 + 60, hours.upperBound)
            let block = BlockTally.block(weekday: weekdayNumber, hour: hour)
            blocks[office].openMinutes[block] += Double(to - from)
            blocks[office].staffedMinutes[block] += Double(
                model.offices[office].counterMinutes(on: weekday, from: from, to: to, includingBreaks: true))
        }
    }
}
