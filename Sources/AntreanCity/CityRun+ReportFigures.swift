import AntreanEngine

extension CityRun {
    /// Adds the office's line from `start` to `end` to its weekday × hour profile (`WeekdayHourProfile`).
    mutating func addLineProfile(_ office: Int, from start: Double, to end: Double) {
        tallies[office].profile.addLine(
            desks[office].inLine, from: start, to: end, weekdayByDay: weekdayNumberByDay,
            measuredDays: model.calendar.warmUpDays..<totalDays)
    }

    /// The same for a tally taken out of the run (the final stretch after the last event).
    func addLineProfile(_ office: Int, from start: Double, to end: Double, into tally: inout CityTally) {
        tally.profile.addLine(
            desks[office].inLine, from: start, to: end, weekdayByDay: weekdayNumberByDay,
            measuredDays: model.calendar.warmUpDays..<totalDays)
    }

    /// Writes what reports show beyond the scope's KPIs: `<prefix>.turned_away` (balked + reneged +
    /// booking refused, so that its interval comes from the replications' own sums) and the average
    /// day (`<prefix>.weekday.<day>.hour.<HH>.queue_length` and `.wait_minutes`) over the measured open
    /// days of each weekday.
    func writeReportFigures(_ tally: CityTally, prefix: String, into sample: inout MetricSample) {
        var openDays = [Int](repeating: 0, count: WeekdayHourProfile.weekdays)
        var openHours = [Set<Int>](repeating: [], count: WeekdayHourProfile.weekdays)
        for day in model.calendar.warmUpDays..<totalDays {
            let weekday = weekdayNumber(day: day)
            guard weekday < WeekdayHourProfile.weekdays, let hours = openingHoursByDay[day] else { continue }
            openDays[weekday] += 1
            let lastHour = min(23, max(hours.lowerBound, hours.upperBound - 1) / 60)
            openHours[weekday].formUnion(hours.lowerBound / 60...lastHour)
        }
        sample.values["\(prefix).turned_away"] = tally.balked + tally.reneged + tally.bookingRefused
        tally.profile.write(into: &sample, prefix: prefix, openDays: openDays, openHours: openHours)
    }
}
