public import AntreanAllocator
public import AntreanCity
public import AntreanEngine
public import AntreanSchedule

/// The figures a template is judged by, for one scope (an office, or the whole city) in one
/// replication: the inputs of the schedule objective and what the paired comparison reports.
public struct TemplateFigures: Sendable, Hashable {
    /// Mean wait of every citizen who waited (served, or left the line), minutes.
    public var waitMinutes: Double
    /// Counter-minutes within opening hours (breaks excluded) with nobody served, per open day.
    public var idleMinutes: Double
    /// Minutes past closing until the last citizen is done, per open day (summed over offices).
    public var overtimeMinutes: Double
    public var bookedWait: Double
    public var bookedWaitP90: Double
    public var walkInWait: Double
    public var walkInWaitP90: Double
    /// Walk-ins who left without service (balked at a long line, or reneged).
    public var turnedAway: Double
    /// Booking requests the allocator could not place.
    public var bookingRefused: Double
    public var served: Double

    /// Reads the figures under `prefix` ("offices.ID" or "overall") of a city run of `days` measured
    /// days from the model's start; `counters` is the scope's counters summed over its offices (the
    /// idle time needs the staffed minutes, counters × opening minutes of each open measured day).
    public init(_ sample: MetricSample, prefix: String, model: CityModel, counters: Int, days: Int) {
        func value(_ key: String) -> Double {
            let number = sample.values["\(prefix).\(key)"] ?? 0
            return number.isFinite ? number : 0
        }
        var staffed = 0.0
        for day in 0..<max(0, days) {
            guard let hours = model.calendar.openingHours(on: model.calendar.startDate.adding(days: day)) else {
                continue
            }
            staffed += Double(counters) * Double(hours.upperBound - hours.lowerBound)
        }
        let openDays = max(1, value("open_days"))
        let busy = value("counter_utilization") * staffed
        waitMinutes = value("wait_all_minutes")
        idleMinutes = max(0, value("counter_minutes.available") - busy) / openDays
        overtimeMinutes = value("overtime_minutes") / openDays
        bookedWait = value("wait_minutes.booked")
        bookedWaitP90 = value("wait_minutes.booked.p90")
        walkInWait = value("wait_minutes.walk_in")
        walkInWaitP90 = value("wait_minutes.walk_in.p90")
        turnedAway = value("balked") + value("reneged")
        bookingRefused = value("booking_refused")
        served = value("served")
    }

    /// The objective of one weekday's sessions in a run: w_wait × the mean wait of the citizens served
    /// whose wait began that weekday + w_idle × idle counter-minutes + w_overtime × minutes past closing,
    /// both per open day of that weekday. 0 for a weekday without measured open days.
    public static func weekdayObjective(
        _ sample: MetricSample, prefix: String, weekday: Weekday, weights: ScheduleWeights
    ) -> Double {
        guard let index = [Weekday.monday, .tuesday, .wednesday, .thursday, .friday].firstIndex(of: weekday) else {
            return 0
        }
        let name = ["mon", "tue", "wed", "thu", "fri"][index]
        func value(_ key: String) -> Double {
            let number = sample.values["\(prefix).weekday.\(name).\(key)"] ?? 0
            return number.isFinite ? number : 0
        }
        return weights.wait * value("wait_minutes") + weights.idle * value("idle_counter_minutes")
            + weights.overtime * value("overtime_minutes")
    }

    /// w_wait × wait + w_idle × idle + w_overtime × overtime.
    public func objective(_ weights: ScheduleWeights) -> Double {
        weights.wait * waitMinutes + weights.idle * idleMinutes + weights.overtime * overtimeMinutes
    }

    /// The comparison's metrics, named so that ``MetricDirection`` reads which way is better.
    public func metricSample(objective: Double) -> MetricSample {
        MetricSample([
            "booked.wait_minutes": bookedWait, "booked.wait_minutes.p90": bookedWaitP90,
            "walk_in.wait_minutes": walkInWait, "walk_in.wait_minutes.p90": walkInWaitP90,
            "all.wait_minutes": waitMinutes, "idle_counter_minutes_per_day": idleMinutes,
            "overtime_minutes_per_day": overtimeMinutes, "turned_away": turnedAway,
            "booking_refused": bookingRefused, "served": served, "objective": objective,
        ])
    }
}
