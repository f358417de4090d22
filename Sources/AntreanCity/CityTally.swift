import AntreanEngine

/// What one office (or a kecamatan, or the city) saw during the measured days.
struct CityTally {
    var arrivals = 0.0
    var arrivalsBooked = 0.0
    var arrivalsWalkIn = 0.0
    var arrivalsPriority = 0.0
    var served = 0.0
    var noShows = 0.0
    var cancelled = 0.0
    var balked = 0.0
    var reneged = 0.0
    var bookingRefused = 0.0
    var inSystemAtEnd = 0.0
    var generated = 0.0
    var bookings = 0.0
    var assistedBookings = 0.0
    var convertedWalkIns = 0.0
    var leadDaysSum = 0.0
    var waits = Tally()
    /// The same waits split by how the citizen came: with a booking, or walking in.
    var bookedWaits = Tally()
    var walkInWaits = Tally()
    var withinTarget = 0.0
    /// Counter-minutes serving within opening hours, and outside them (after closing, or before
    /// opening for a booked citizen who checked in early).
    var busyMinutes = 0.0
    var overtimeBusyMinutes = 0.0
    /// Counters × opening minutes (breaks included, so that utilization stays within [0, 1]).
    var staffedMinutes = 0.0
    var overtimeMinutes = 0.0
    /// Counter-minutes the counters had (breaks excluded), those the slot plan put on sale (places ×
    /// mean service time, every pool), and those an overbooking policy sells beyond the plan.
    var availableCounterMinutes = 0.0
    var soldCounterMinutes = 0.0
    var overbookedCounterMinutes = 0.0
    /// Summed over the walk-ins who left the line: the time from joining it to leaving.
    var abandonMinutes = 0.0
    /// Areas under the number of measured citizens in line, and in line or at a counter (citizen-minutes).
    var lineArea = 0.0
    var presentArea = 0.0
    /// Summed over every citizen who joined a line (served or not): time in line, and in the office.
    var lineMinutes = 0.0
    var systemMinutes = 0.0
    var onlinePlaces = 0.0
    /// Counters summed over open measured days, and those days (the same calendar for every office,
    /// so a merged scope keeps the largest count, not the sum).
    var counterDays = 0.0
    var openDays = 0.0
    /// Waits by weekday (Monday = 0 … Friday = 4) and by hour of arrival (0…23).
    var weekdayWaits = [Welford](repeating: Welford(), count: 5)
    var hourWaits = [Tally](repeating: Tally(), count: 24)
    /// Line length and waits by weekday × hour (reports' average day).
    var profile = WeekdayHourProfile()
    /// By weekday as above: counter-minutes available (breaks excluded) and serving within opening
    /// hours, minutes past closing, and open days (for `antrean schedule`'s per-weekday objective).
    var weekdayAvailableMinutes = [Double](repeating: 0, count: 5)
    var weekdayBusyMinutes = [Double](repeating: 0, count: 5)
    var weekdayOvertimeMinutes = [Double](repeating: 0, count: 5)
    var weekdayOpenDays = [Double](repeating: 0, count: 5)
    /// Waits recorded but not yet added to `waits`, `weekdayWaits` and `hourWaits` (see `recordWait`).
    private var pendingWaits: [PendingWait] = []

    struct PendingWait {
        var minutes: Double
        var weekday: Int32
        var hour: Int32
    }

    /// Waits are added in batches of this many per office.
    static let waitBatch = 512

    /// Records one wait. The sketches behind the wait KPIs (one per office and one per office and hour,
    /// ≈ 20 MB for the city) are updated in batches, in the order the waits came: a batch touches one
    /// office's sketches while they are in cache, where one update per served citizen missed the cache
    /// twice. The order, and so every figure, is the same as adding each wait at once.
    mutating func recordWait(_ minutes: Double, weekday: Int, hour: Int, target: Double) {
        if minutes <= target { withinTarget += 1 }
        pendingWaits.append(PendingWait(minutes: minutes, weekday: Int32(weekday), hour: Int32(hour)))
        if pendingWaits.count >= Self.waitBatch { addPendingWaits() }
    }

    /// Adds the recorded waits to the wait statistics; every reader calls this first.
    mutating func addPendingWaits() {
        for wait in pendingWaits {
            waits.add(wait.minutes)
            if (0..<5).contains(wait.weekday) { weekdayWaits[Int(wait.weekday)].add(wait.minutes) }
            hourWaits[Int(wait.hour)].add(wait.minutes)
            profile.addWait(wait.minutes, weekday: Int(wait.weekday), hour: Int(wait.hour))
        }
        pendingWaits.removeAll(keepingCapacity: true)
    }

    /// Adds `other`'s counts and waits to these; both must have no pending waits.
    mutating func merge(_ other: CityTally) {
        assert(pendingWaits.isEmpty && other.pendingWaits.isEmpty, "merge after addPendingWaits()")
        arrivals += other.arrivals
        arrivalsBooked += other.arrivalsBooked
        arrivalsWalkIn += other.arrivalsWalkIn
        arrivalsPriority += other.arrivalsPriority
        served += other.served
        noShows += other.noShows
        cancelled += other.cancelled
        balked += other.balked
        reneged += other.reneged
        bookingRefused += other.bookingRefused
        inSystemAtEnd += other.inSystemAtEnd
        generated += other.generated
        bookings += other.bookings
        assistedBookings += other.assistedBookings
        convertedWalkIns += other.convertedWalkIns
        leadDaysSum += other.leadDaysSum
        waits.merge(other.waits)
        bookedWaits.merge(other.bookedWaits)
        walkInWaits.merge(other.walkInWaits)
        withinTarget += other.withinTarget
        busyMinutes += other.busyMinutes
        overtimeBusyMinutes += other.overtimeBusyMinutes
        staffedMinutes += other.staffedMinutes
        overtimeMinutes += other.overtimeMinutes
        availableCounterMinutes += other.availableCounterMinutes
        soldCounterMinutes += other.soldCounterMinutes
        overbookedCounterMinutes += other.overbookedCounterMinutes
        abandonMinutes += other.abandonMinutes
        lineArea += other.lineArea
        presentArea += other.presentArea
        lineMinutes += other.lineMinutes
        systemMinutes += other.systemMinutes
        onlinePlaces += other.onlinePlaces
        counterDays += other.counterDays
        openDays = max(openDays, other.openDays)
        for day in 0..<5 {
            weekdayWaits[day].merge(other.weekdayWaits[day])
            weekdayAvailableMinutes[day] += other.weekdayAvailableMinutes[day]
            weekdayBusyMinutes[day] += other.weekdayBusyMinutes[day]
            weekdayOvertimeMinutes[day] += other.weekdayOvertimeMinutes[day]
            weekdayOpenDays[day] += other.weekdayOpenDays[day]
        }
        for hour in 0..<24 {
            hourWaits[hour].merge(other.hourWaits[hour])
        }
        profile.merge(other.profile)
    }

    static let weekdayNames = ["mon", "tue", "wed", "thu", "fri"]

    /// Writes this scope's KPIs under `prefix` (keys as in the README's "City metrics"); time averages
    /// are over `observedMinutes` (the measured calendar time); wait quantiles at `quantiles`.
    func write(
        into sample: inout MetricSample, prefix: String, detailed: Bool, observedMinutes: Double,
        quantiles: [Double] = WaitQuantile.standard
    ) {
        assert(pendingWaits.isEmpty, "write after addPendingWaits()")
        func put(_ key: String, _ value: Double) { sample.values["\(prefix).\(key)"] = value }
        put("arrivals", arrivals)
        put("arrivals.booked", arrivalsBooked)
        put("arrivals.walk_in", arrivalsWalkIn)
        put("arrivals.priority", arrivalsPriority)
        put("served", served)
        put("no_shows", noShows)
        put("cancelled", cancelled)
        put("balked", balked)
        put("reneged", reneged)
        put("booking_refused", bookingRefused)
        put("in_system_at_end", inSystemAtEnd)
        put("generated", generated)
        put("bookings", bookings)
        put("bookings.assisted", assistedBookings)
        put("walk_ins_converted", convertedWalkIns)
        put("booking_lead_days", bookings > 0 ? leadDaysSum / bookings : .nan)
        put("wait_minutes", waits.count > 0 ? waits.mean : .nan)
        for level in quantiles {
            put("wait_minutes." + WaitQuantile.key(level), waits.count > 0 ? waits.quantile(level) : .nan)
        }
        for (name, tally) in [("booked", bookedWaits), ("walk_in", walkInWaits)] {
            put("wait_minutes.\(name)", tally.count > 0 ? tally.mean : .nan)
            put("wait_minutes.\(name).p90", tally.count > 0 ? tally.quantile(0.9) : .nan)
        }
        put("wait_within_target", waits.count > 0 ? withinTarget / Double(waits.count) : .nan)
        put("slot_utilization", onlinePlaces > 0 ? bookings / onlinePlaces : .nan)
        put("counter_utilization", staffedMinutes > 0 ? busyMinutes / staffedMinutes : .nan)
        put("overtime_minutes", overtimeMinutes)
        put("overtime_counter_minutes", overtimeBusyMinutes)
        put("counter_minutes.available", availableCounterMinutes)
        put("counter_minutes.sold", soldCounterMinutes)
        put("counter_minutes.overbooked", overbookedCounterMinutes)
        put("abandon_minutes", reneged > 0 ? abandonMinutes / reneged : .nan)
        let waited = Double(waits.count) + reneged
        let servedWaits = waits.count > 0 ? waits.mean * Double(waits.count) : 0
        put("wait_all_minutes", waited > 0 ? (servedWaits + abandonMinutes) / waited : .nan)
        let joined = arrivals - balked
        put("time_in_line_minutes", joined > 0 ? lineMinutes / joined : .nan)
        put("time_in_system_minutes", joined > 0 ? systemMinutes / joined : .nan)
        put("queue_length", observedMinutes > 0 ? lineArea / observedMinutes : .nan)
        put("in_system", observedMinutes > 0 ? presentArea / observedMinutes : .nan)
        put("open_days", openDays)
        put("counters", openDays > 0 ? counterDays / openDays : .nan)
        put("arrivals_per_open_day", openDays > 0 ? arrivals / openDays : .nan)
        guard detailed else { return }
        for (day, name) in Self.weekdayNames.enumerated() where weekdayWaits[day].count > 0 {
            put("weekday.\(name).served", Double(weekdayWaits[day].count))
            put("weekday.\(name).wait_minutes", weekdayWaits[day].mean)
        }
        for (day, name) in Self.weekdayNames.enumerated() where weekdayOpenDays[day] > 0 {
            let open = weekdayOpenDays[day]
            put("weekday.\(name).idle_counter_minutes", (weekdayAvailableMinutes[day] - weekdayBusyMinutes[day]) / open)
            put("weekday.\(name).overtime_minutes", weekdayOvertimeMinutes[day] / open)
        }
        for hour in 0..<24 {
            let tally = hourWaits[hour]
            guard tally.count > 0 else { continue }
            let label = hour < 10 ? "0\(hour)" : "\(hour)"
            put("hour.\(label).served", Double(tally.count))
            put("hour.\(label).wait_minutes", tally.mean)
            put("hour.\(label).wait_minutes.p90", tally.quantile(0.9))
        }
    }
}
