import AntreanAllocator
import AntreanEngine

extension CityRun {
    /// Generates the day's booking requests (every calendar day: the app never closes) and, on open
    /// days, its walk-ins, breaks and no-show sweeps.
    mutating func startDay(_ day: Int, at now: Double) {
        // Yesterday's offices have closed, so its bookings are settled (served, missed or cancelled):
        // the allocator may forget them, and its memory then follows the booking horizon, not the run.
        allocator.retireHistory(before: instant(now))
        let date = baseDate.adding(days: day)
        let hours = openingHours(on: day)
        let weekday = date.weekday
        let measured = isMeasured(day: day)
        for office in model.offices.indices {
            let plan = plans.offices[office]
            let bookedPerDay = plan.visitsPerDay * plan.bookingShare * plans.openWeekdayFactorSum / 7
            for _ in 0..<Self.poisson(bookedPerDay, &demandStreams[office]) {
                let at = now + 360 + demandStreams[office].nextUniform() * 960  // 06:00–22:00
                let lead = max(0, plans.leadMinutes.sample(&bookingStreams[office]))
                let wishedDay = dayIndex(at + lead)
                let wished =
                    Double(wishedDay) * 1440
                    + Self.minute(
                        in: profileHours(on: wishedDay), weights: plans.hourWeights,
                        total: profileWeight(on: wishedDay),
                        &bookingStreams[office])
                let visitor = newVisitor(office: office)
                let isAssisted = bookingStreams[office].nextUniform() < model.citizens.assistedShare
                _ = simulation.schedule(
                    .bookingRequest(
                        wishedMinute: max(wished, at), office: Int16(office), service: Int16(visitor.service),
                        isPriority: visitor.isPriority, isAssisted: isAssisted),
                    at: at)
            }
            guard let hours else { continue }
            desks[office].closeMinute = Double(day * 1440 + hours.upperBound)
            desks[office].overtimeMark = desks[office].closeMinute
            if measured {
                let counters = Double(model.offices[office].counters)
                tallies[office].staffedMinutes += counters * Double(hours.upperBound - hours.lowerBound)
                tallies[office].counterDays += counters
                tallies[office].openDays += 1
                tallies[office].onlinePlaces += onlinePlaces(office: office, date: date)
            }
            let factor = plans.weekdayFactors[weekday] ?? 1
            for _ in 0..<Self.poisson(plan.visitsPerDay * (1 - plan.bookingShare) * factor, &demandStreams[office]) {
                let at =
                    Double(day * 1440)
                    + Self.minute(
                        in: profileHours(on: day), weights: plans.hourWeights, total: profileWeight(on: day),
                        &demandStreams[office])
                let visitor = newVisitor(office: office)
                _ = simulation.schedule(
                    .walkInArrival(office: visitor.office, service: visitor.service, isPriority: visitor.isPriority),
                    at: at)
            }
            if let pause = model.offices[office].breaks[weekday] {
                _ = simulation.schedule(
                    .breakStart(office: Int32(office), counters: Int32(pause.counters)),
                    at: Double(day * 1440 + pause.window.lowerBound))
                _ = simulation.schedule(.breakEnd(Int32(office)), at: Double(day * 1440 + pause.window.upperBound))
            }
        }
        if let hours {
            var sweep = Double(day * 1440 + hours.lowerBound) + 15
            while sweep <= Double(day * 1440 + hours.upperBound) + 60 {
                _ = simulation.schedule(.releaseNoShows, at: sweep)
                sweep += 15
            }
        }
        if day + 1 < totalDays { _ = simulation.schedule(.dayStart(Int32(day + 1)), at: Double((day + 1) * 1440)) }
    }

    /// Online places the office's plan offers on an open `date`, over its services. The grid depends
    /// only on the weekday on open days, so each office-weekday is computed once.
    mutating func onlinePlaces(office: Int, date: LocalDate) -> Double {
        let key = office * 7 + Weekday.allCases.firstIndex(of: date.weekday)!
        if let known = onlinePlacesByWeekday[key] { return known }
        var total = 0
        for service in plans.offices[office].services {
            let plan = allocator.dayPlan(office: officeIDs[office], service: serviceIDs[service], date: date)
            total += plan?.slots.reduce(0) { $0 + $1.online } ?? 0
        }
        onlinePlacesByWeekday[key] = Double(total)
        return Double(total)
    }

    /// A citizen of `office` with a service drawn by its weights. The plan's arrays are read in place:
    /// copying the plan out retained and released them for every citizen.
    mutating func newVisitor(office: Int) -> Visitor {
        let u = demandStreams[office].nextUniform()
        let pick =
            plans.offices[office].cumulativeServiceWeights.firstIndex { u < $0 }
            ?? (plans.offices[office].services.count - 1)
        return Visitor(
            office: Int32(office), home: Int32(office), service: Int32(plans.offices[office].services[pick]),
            isPriority: demandStreams[office].nextUniform() < model.citizens.priorityShare)
    }

    /// The hours a day's visits are drawn over: its opening hours, or on a closed day the usual
    /// 08:00–16:00 (the allocator then offers the next open day).
    func profileHours(on day: Int) -> ClosedRange<Int> { openingHours(on: day) ?? Self.closedDayProfileHours }

    static let closedDayProfileHours = 480...960

    func openingHours(on day: Int) -> ClosedRange<Int>? {
        openingHoursByDay.indices.contains(day)
            ? openingHoursByDay[day] : model.calendar.openingHours(on: baseDate.adding(days: day))
    }

    /// The sum of the hour weights over the profile hours of `day` (``weightTotal(over:_:)``), looked up
    /// for the run's days: every visit draws its minute against it.
    func profileWeight(on day: Int) -> Double {
        profileWeightByDay.indices.contains(day)
            ? profileWeightByDay[day] : Self.weightTotal(over: profileHours(on: day), plans.hourWeights)
    }

    /// The sum of `weights` over the hours `hours` touches, in hour order.
    static func weightTotal(over hours: ClosedRange<Int>, _ weights: [Double]) -> Double {
        var total = 0.0
        for hour in hours.lowerBound / 60...(hours.upperBound - 1) / 60 { total += weights[hour] }
        return total
    }

    /// A minute within `hours` drawn from the hour-of-day profile `weights`, whose sum over those hours
    /// is `total` (``weightTotal(over:_:)``).
    ///
    /// Static, like ``poisson(_:_:)``: a method of `self` taking `&self.stream` would make Swift copy
    /// the whole run for exclusivity, which cost 12% of a city run.
    static func minute(
        in hours: ClosedRange<Int>, weights: [Double], total: Double, _ stream: inout RandomStream
    ) -> Double {
        let first = hours.lowerBound / 60
        let last = (hours.upperBound - 1) / 60
        guard total > 0 else { return Double(hours.lowerBound) + stream.nextUniform() * Double(hours.count - 1) }
        var u = stream.nextUniform() * total
        for hour in first...last {
            let weight = weights[hour]
            if u < weight {
                let start = max(hour * 60, hours.lowerBound)
                let end = min(hour * 60 + 60, hours.upperBound)
                return Double(start) + u / weight * Double(end - start)
            }
            u -= weight
        }
        return Double(hours.upperBound - 1)
    }

    /// A Poisson count by summing exponential gaps (the means here are small: tens a day).
    static func poisson(_ mean: Double, _ stream: inout RandomStream) -> Int {
        guard mean > 0 else { return 0 }
        var count = 0
        var sum = stream.nextExponential()
        while sum < mean {
            count += 1
            sum += stream.nextExponential()
        }
        return count
    }
}
