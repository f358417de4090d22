/// What an office should expect on an average open day: the analytic view of the demand that the
/// simulation generates, for first guesses (Erlang C, modified offered load) and for reports.
public struct OfficeDemand: Sendable, Hashable {
    public var office: String
    /// Visits per open day (booked and walk-in, before no-shows, cancellations and balking).
    public var visitsPerOpenDay: Double
    /// The busiest weekday's visits relative to the average open day.
    public var peakDayFactor: Double
    /// Mean service minutes over the office's mix of services.
    public var meanServiceMinutes: Double
    /// Mean minutes the office is open on an open day.
    public var openMinutesPerDay: Double
    /// Share of a day's visits wishing each hour 0..<24 (sums to 1 over opening hours).
    public var hourShares: [Double]
}

extension CitySimulation {
    /// Expected demand per office, in the model's office order.
    public var officeDemand: [OfficeDemand] {
        let openDays = model.calendar.hours
        let averageOpenMinutes =
            openDays.isEmpty ? 0 : Double(openDays.values.reduce(0) { $0 + $1.count - 1 }) / Double(openDays.count)
        let factors = openDays.keys.map { plans.weekdayFactors[$0] ?? 1 }
        let meanFactor = factors.isEmpty ? 1 : factors.reduce(0, +) / Double(factors.count)
        let peakFactor = factors.max() ?? 1
        // Hour shares over the longest opening (Mon–Thu here); Friday's shorter day only shifts weight.
        let longest = openDays.values.max { $0.count < $1.count } ?? 480...960
        var shares = [Double](repeating: 0, count: 24)
        for hour in (longest.lowerBound / 60)...((longest.upperBound - 1) / 60) {
            shares[hour] = plans.hourWeights[hour]
        }
        let total = shares.reduce(0, +)
        if total > 0 { shares = shares.map { $0 / total } }
        return model.offices.indices.map { index in
            let plan = plans.offices[index]
            var previous = 0.0
            var meanService = 0.0
            for (position, service) in plan.services.enumerated() {
                let weight = plan.cumulativeServiceWeights[position] - previous
                previous = plan.cumulativeServiceWeights[position]
                meanService += weight * model.services[service].serviceTime.mean
            }
            return OfficeDemand(
                office: model.offices[index].id, visitsPerOpenDay: plan.visitsPerDay * meanFactor,
                peakDayFactor: meanFactor > 0 ? peakFactor / meanFactor : 1, meanServiceMinutes: meanService,
                openMinutesPerDay: averageOpenMinutes, hourShares: shares)
        }
    }
}
