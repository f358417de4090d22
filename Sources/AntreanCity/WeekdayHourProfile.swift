import AntreanEngine

/// An office's average day, Monday to Friday hour by hour: the time-average number of citizens in
/// line and the mean wait of those whose wait began in that hour. Reports draw it as the weekday ×
/// hour heat map of waits and the queue length through the day.
///
/// The areas are split exactly at hour boundaries, so an hour's figure is the integral of the line
/// over that hour divided by its length, averaged over the measured open days of that weekday.
/// Adding a span costs O(1 + hours it crosses); the profile holds 2 × 120 numbers per scope.
struct WeekdayHourProfile {
    static let weekdays = 5
    static let cells = weekdays * 24

    /// Citizen-minutes in line, by weekday × 24 + hour.
    var lineArea = [Double](repeating: 0, count: cells)
    /// Summed waits and their number, by weekday × 24 + hour of the wait's start.
    var waitSum = [Double](repeating: 0, count: cells)
    var waitCount = [Double](repeating: 0, count: cells)

    mutating func addWait(_ minutes: Double, weekday: Int, hour: Int) {
        guard (0..<Self.weekdays).contains(weekday), (0..<24).contains(hour) else { return }
        waitSum[weekday * 24 + hour] += minutes
        waitCount[weekday * 24 + hour] += 1
    }

    /// Adds `count` citizens in line from minute `start` to `end` of the run. `weekdayByDay` gives
    /// Monday 0 … Friday 4 of each day index (other days are not profiled); only `measuredDays` count.
    mutating func addLine(
        _ count: Int, from start: Double, to end: Double, weekdayByDay: [Int8], measuredDays: Range<Int>
    ) {
        guard count > 0, end > start else { return }
        var time = start
        while time < end {
            let hourIndex = (time / 60).rounded(.down)
            let hourEnd = min(end, (hourIndex + 1) * 60)
            let day = Int((hourIndex / 24).rounded(.down))
            if measuredDays.contains(day), weekdayByDay.indices.contains(day) {
                let weekday = Int(weekdayByDay[day])
                if weekday < Self.weekdays {
                    lineArea[weekday * 24 + Int(hourIndex) - day * 24] += Double(count) * (hourEnd - time)
                }
            }
            time = hourEnd
        }
    }

    mutating func merge(_ other: WeekdayHourProfile) {
        for cell in 0..<Self.cells {
            lineArea[cell] += other.lineArea[cell]
            waitSum[cell] += other.waitSum[cell]
            waitCount[cell] += other.waitCount[cell]
        }
    }

    /// Writes `<prefix>.weekday.<day>.hour.<HH>.queue_length` for the opening hours of every weekday
    /// with measured open days (`openDays[weekday]`); `….outside_hours.line_minutes`, the citizen-minutes
    /// in line outside those hours per open day (early check-ins before opening, the line served after
    /// closing), where there were any; and `….served` and `….wait_minutes` (their mean) for every hour in
    /// which a wait began. `openHours[weekday]` are the opening hours.
    func write(into sample: inout MetricSample, prefix: String, openDays: [Int], openHours: [Set<Int>]) {
        for day in 0..<Self.weekdays where openDays[day] > 0 {
            let name = CityTally.weekdayNames[day]
            var outside = 0.0
            for hour in 0..<24 {
                let cell = day * 24 + hour
                let label = hour < 10 ? "0\(hour)" : "\(hour)"
                let key = "\(prefix).weekday.\(name).hour.\(label)."
                if openHours[day].contains(hour) {
                    sample.values[key + "queue_length"] = lineArea[cell] / (Double(openDays[day]) * 60)
                } else {
                    outside += lineArea[cell]
                }
                if waitCount[cell] > 0 {
                    sample.values[key + "served"] = waitCount[cell]
                    sample.values[key + "wait_minutes"] = waitSum[cell] / waitCount[cell]
                }
            }
            if outside > 0 {
                sample.values["\(prefix).weekday.\(name).outside_hours.line_minutes"] = outside / Double(openDays[day])
            }
        }
    }
}
