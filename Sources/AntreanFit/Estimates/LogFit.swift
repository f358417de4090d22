/// Everything `antrean fit` estimates from a log, with the numbers behind each estimate.
public struct LogFit: Sendable {
    /// Arrivals of one office in one weekday-hour: counts over `days` observed days of that weekday.
    public struct ArrivalRate: Sendable {
        public var office: String
        /// Monday 0 … Sunday 6.
        public var weekday: Int
        public var hour: Int
        public var walkIns: Int
        public var booked: Int
        public var days: Int

        public var walkInsPerHour: Double { Double(walkIns) / Double(max(1, days)) }
        public var bookedPerHour: Double { Double(booked) / Double(max(1, days)) }
    }

    /// No-shows among bookings not cancelled, in one lead-time band (days from booking to appointment).
    public struct NoShowBand: Sendable {
        public var label: String
        /// Never came (no arrival, no check-in) of the bookings in the band.
        public var noShows: Proportion
        /// Came after their place was released (a no-show in the log, but with an arrival time).
        public var late: Int
    }

    public static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    public var source: String
    public var rowsRead = 0
    public var rowsUsed = 0
    /// Lines skipped, with their reason (the first ``LogReader/keptBadRows``), and how many in all.
    public var badRows: [(line: Int, reason: String)] = []
    public var badRowCount = 0
    public var arrivalRates: [ArrivalRate] = []
    /// Observed days (replication × date) per weekday, Monday first.
    public var daysByWeekday = [Int](repeating: 0, count: 7)
    public var serviceTimes: [(service: String, fit: ServiceTimeFit)] = []
    public var noShowBands: [NoShowBand] = []
    /// Bookings made at most 28 days ahead (the city model's `no_show`), and the odds ratio of those
    /// made further ahead (`far_booking_odds_ratio`) when at least 30 such bookings were seen.
    public var noShow = Proportion(successes: 0, trials: 0)
    public var farBookingOddsRatio: Double?
    public var leadDays = RunningMoments()
    /// Arrival minus appointment (minutes) of booked citizens who came, and its grouped sample.
    public var punctuality = RunningMoments()
    public var punctualitySample = GroupedSample([])
    public var patience = CensoredSample()
    public var patienceSurvival = KaplanMeier(CensoredSample())
    public var patienceExponential: CensoredExponential?
    public var renegedWithoutTimes = 0
    public var outcomeCounts: [(outcome: String, rows: Int)] = []
    public var channelCounts: [(channel: String, rows: Int)] = []
    /// Arrivals by hour of day pooled over offices and weekdays, relative to their mean over the hours
    /// with arrivals (`hour_weights`), and walk-ins per observed day by weekday relative to the mean over
    /// Monday–Friday (`weekday_factor`).
    public var hourWeights: [Int: Double] = [:]
    public var weekdayFactors: [Int: Double] = [:]

    /// Fits the log at `path`, read with `mapping`. Throws only when the log as a whole cannot be read
    /// (no file, no header, a required column missing); bad rows are in `badRows`.
    public static func fit(path: String, mapping: LogMapping = LogMapping()) throws(FitError) -> LogFit {
        var reader = LogReader(mapping: mapping)
        var fitter = LogFitter()
        try reader.read(path: path) { fitter.add($0) }
        return LogFit(source: path, reader: reader, fitter: fitter)
    }

    /// Fits a log held in memory, `name` standing for its file in messages; otherwise as
    /// ``fit(path:mapping:)``.
    public static func fit(contents: [UInt8], name: String, mapping: LogMapping = LogMapping()) throws(FitError)
        -> LogFit
    {
        var reader = LogReader(mapping: mapping)
        var fitter = LogFitter()
        try reader.read(contents: contents, name: name) { fitter.add($0) }
        return LogFit(source: name, reader: reader, fitter: fitter)
    }

    private init(source: String, reader: LogReader, fitter: LogFitter) {
        self.source = source
        rowsRead = reader.rowsRead
        rowsUsed = fitter.rows
        badRows = reader.badRows
        badRowCount = reader.badRowCount
        summarize(fitter, offices: reader.offices.strings, services: reader.services.strings)
    }

    private mutating func summarize(_ fitter: LogFitter, offices: [String], services: [String]) {
        for day in fitter.days {
            daysByWeekday[((Int(Int32(truncatingIfNeeded: day)) + 3) % 7 + 7) % 7] += 1
        }
        var hourTotals = [Int](repeating: 0, count: 24)
        var weekdayWalkIns = [Int](repeating: 0, count: 7)
        for (office, name) in offices.enumerated() where office < fitter.walkIns.count {
            for weekday in 0..<7 {
                for hour in 0..<24 {
                    let walkIns = fitter.walkIns[office][weekday * 24 + hour]
                    let booked = fitter.booked[office][weekday * 24 + hour]
                    hourTotals[hour] += walkIns + booked
                    weekdayWalkIns[weekday] += walkIns
                    guard walkIns + booked > 0 else { continue }
                    arrivalRates.append(
                        ArrivalRate(
                            office: name, weekday: weekday, hour: hour, walkIns: walkIns, booked: booked,
                            days: daysByWeekday[weekday]))
                }
            }
        }
        let busyHours = hourTotals.filter { $0 > 0 }
        if !busyHours.isEmpty {
            let mean = Double(busyHours.reduce(0, +)) / Double(busyHours.count)
            for (hour, total) in hourTotals.enumerated() where total > 0 { hourWeights[hour] = Double(total) / mean }
        }
        let perDay = (0..<5).compactMap { day in
            daysByWeekday[day] > 0 ? (day, Double(weekdayWalkIns[day]) / Double(daysByWeekday[day])) : nil
        }
        let meanPerDay = perDay.reduce(0) { $0 + $1.1 } / Double(max(1, perDay.count))
        if meanPerDay > 0 { for (day, rate) in perDay { weekdayFactors[day] = rate / meanPerDay } }

        serviceTimes = fitter.serviceSeconds.enumerated().compactMap { service, counts in
            counts.isEmpty ? nil : (services[service], ServiceTimeFit(GroupedSample(counts: counts)))
        }

        let labels = ["under 1 day", "1–3 days", "3–7 days", "7–14 days", "14–28 days", "over 28 days"]
        noShowBands = labels.indices.map {
            NoShowBand(label: labels[$0], noShows: fitter.noShowByBand[$0], late: fitter.lateByBand[$0])
        }
        noShow = fitter.noShowWithoutLead
        for band in fitter.noShowByBand.prefix(5) {
            noShow.successes += band.successes
            noShow.trials += band.trials
        }
        let far = fitter.noShowByBand[5]
        if far.trials >= 30, noShow.trials > 0, far.share > 0, far.share < 1, noShow.share > 0, noShow.share < 1 {
            farBookingOddsRatio = (far.share / (1 - far.share)) / (noShow.share / (1 - noShow.share))
        } else if noShow.trials == 0 {
            noShow = far
        }
        leadDays = fitter.leadDays
        punctuality = fitter.punctualityMinutes
        punctualitySample = GroupedSample(counts: fitter.punctualitySamples)
        patience = fitter.patience
        patienceSurvival = KaplanMeier(fitter.patience)
        patienceExponential = CensoredExponential(fitter.patience)
        renegedWithoutTimes = fitter.renegedWithoutTimes
        outcomeCounts = LogOutcome.allCases.map { ($0.label, fitter.outcomes[$0.rawValue]) }.filter { $0.1 > 0 }
        channelCounts = LogChannel.allCases.map { ($0.label, fitter.channels[$0.rawValue]) }.filter { $0.1 > 0 }
    }
}
