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
            desks[office].openMinute = Double(day * 1440 + hours.lowerBound)
            desks[office].closeMinute = Double(day * 1440 + hours.upperBound)
            desks[office].openUntil = desks[office].closeMinute
            if hours.upperBound == 1440, let next = openingHours(on: day + 1), next.lowerBound == 0 {
                desks[office].openUntil = Double((day + 1) * 1440 + next.upperBound)
            }
            desks[office].overtimeMark = desks[office].closeMinute
            if measured {
                // Rostered counters × opening minutes (counters × minutes without a roster).
                let staffed = Double(
                    model.offices[office].counterMinutes(
                        on: weekday, from: hours.lowerBound, to: hours.upperBound, includingBreaks: true))
                tallies[office].staffedMinutes += staffed
                tallies[office].counterDays += staffed / Double(hours.upperBound - hours.lowerBound)
                if !blocks.isEmpty { recordStaffedBlocks(office: office, day: day, hours: hours) }
                tallies[office].openDays += 1
                let offer = dayOffer(office: office, date: date, hours: hours)
                tallies[office].onlinePlaces += offer.onlinePlaces
                tallies[office].availableCounterMinutes += offer.availableCounterMinutes
                tallies[office].soldCounterMinutes += offer.soldCounterMinutes
                tallies[office].overbookedCounterMinutes += offer.overbookedCounterMinutes
                let weekdayIndex = weekdayNumber(day: day)
                if weekdayIndex < 5 {
                    tallies[office].weekdayAvailableMinutes[weekdayIndex] += offer.availableCounterMinutes
                    tallies[office].weekdayOpenDays[weekdayIndex] += 1
                }
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
            scheduleRoster(office: office, day: day, hours: hours)
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

    /// What the office's plan offers on an open `date` with opening `hours`: online places, and counter-minutes available,
    /// put on sale and overbooked (``DayOffer``). The grid depends only on the weekday on open days, so
    /// each office-weekday is computed once.
    mutating func dayOffer(office: Int, date: LocalDate, hours: ClosedRange<Int>) -> DayOffer {
        let key = office * 7 + (Weekday.allCases.firstIndex(of: date.weekday) ?? 0)
        if let known = dayOffersByWeekday[key] { return known }
        var offer = DayOffer()
        let officeID = officeIDs[office]
        var pooled = Set<Int>()
        for service in plans.offices[office].services {
            if let pool = allocator.configuration.appointmentPool(
                office: officeID, service: serviceIDs[service], date: date)
            {
                // A pool's counter-minutes are offered once, whichever of its services asks.
                if pooled.insert(pool).inserted { addPooledOffer(pool, office: office, date: date, to: &offer) }
                continue
            }
            guard let plan = allocator.dayPlan(office: officeID, service: serviceIDs[service], date: date) else {
                continue
            }
            let minutes = model.services[service].serviceTime.mean
            for slot in plan.slots {
                let bookable = max(
                    slot.online,
                    allocator.policy.bookableOnlineCapacity(slot.online, office: officeID, weekday: date.weekday))
                offer.onlinePlaces += Double(slot.online)
                offer.soldCounterMinutes += Double(slot.total) * minutes
                offer.overbookedCounterMinutes += Double(bookable - slot.online) * minutes
            }
        }
        offer.availableCounterMinutes = Double(
            model.offices[office].counterMinutes(on: date.weekday, from: hours.lowerBound, to: hours.upperBound))
        // Counter-time sold beyond what the counters have is overbooking on purpose (`counter_time_sold`).
        // (The apportionment's rounding epsilon is not overbooking.)
        if offer.soldCounterMinutes > offer.availableCounterMinutes * (1 + 1e-9) {
            offer.overbookedCounterMinutes += offer.soldCounterMinutes - offer.availableCounterMinutes
        }
        dayOffersByWeekday[key] = offer
        return offer
    }

    /// What pool `pool` offers at `office` on `date`: its counter-minutes (after the policy's and the
    /// pool's own overbooking, so overbooking shows only where they pass the counters' time) and, as
    /// online places, its online counter-minutes over the pooled services' expected minutes weighted
    /// by their demand at the office.
    mutating func addPooledOffer(_ pool: Int, office: Int, date: LocalDate, to offer: inout DayOffer) {
        let plan = plans.offices[office]
        var weighted = 0.0
        var weights = 0.0
        var first: Int?
        var previous = 0.0
        for (position, service) in plan.services.enumerated() {
            let weight = plan.cumulativeServiceWeights[position] - previous
            previous = plan.cumulativeServiceWeights[position]
            guard
                allocator.configuration.appointmentPool(
                    office: officeIDs[office], service: serviceIDs[service], date: date) == pool
            else { continue }
            first = first ?? service
            let minutes = allocator.configuration.appointmentPools[pool].minutes(
                of: serviceIDs[service], meanServiceMinutes: model.services[service].serviceTime.mean)
            weighted += weight * Double(minutes)
            weights += weight
        }
        guard let first,
            let intervals = allocator.pooledMinutes(office: officeIDs[office], service: serviceIDs[first], date: date)
        else { return }
        let meanMinutes = weights > 0 ? weighted / weights : 1
        for interval in intervals {
            offer.soldCounterMinutes += Double(interval.sellable.total)
            offer.onlinePlaces += Double(interval.sellable.online) / max(meanMinutes, 1)
        }
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

    /// The roster's counter changes through an open day, for an office with a roster on any weekday
    /// (one without keeps all its counters rostered all the time). The first change, at opening,
    /// resets what the last day's roster left. O(blocks²).
    mutating func scheduleRoster(office: Int, day: Int, hours: ClosedRange<Int>) {
        let staff = model.offices[office]
        guard !staff.roster.isEmpty else { return }
        for step in staff.counterSteps(on: baseDate.adding(days: day).weekday, hours: hours) {
            _ = simulation.schedule(
                .rosterChange(office: Int32(office), offDuty: Int32(desks[office].busy.count - step.counters)),
                at: Double(day * 1440 + step.start))
        }
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

/// What an office's slot plan offers on one open day (see ``CityRun/dayOffer(office:date:hours:)``).
struct DayOffer {
    var onlinePlaces = 0.0
    /// Counters × opening minutes, less the counter-minutes on break.
    var availableCounterMinutes = 0.0
    /// Places of every pool × the service's mean time: the counter-time the plan sells.
    var soldCounterMinutes = 0.0
    /// Counter-minutes sold beyond those available (`counter_time_sold` above 100%), plus the online
    /// places an overbooking policy sells beyond the plan × the service's mean time.
    var overbookedCounterMinutes = 0.0
}
