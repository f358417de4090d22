public import AntreanLocalization

/// Every text a person reads in an HTML report, under a stable key: the headings, notes, column
/// names, legends, verdicts and the human names of metrics. A translation is one more table for the
/// same keys, kept in AntreanLocalization's tables under `report.<key>` (`ReportVocabularyTests` and
/// the localization table tests check that every key has its text in every language); the code never
/// writes a sentence of its own. Placeholders in braces (`{minutes}`) are filled by ``ReportVocabulary/text(_:_:)``.
public enum ReportPhrase: String, CaseIterable, Sendable {
    // Page
    case footer = "page.footer"
    case subtitleReplications = "page.replications"
    case subtitleSeed = "page.seed"
    case subtitleDays = "page.days"
    case subtitleTarget = "page.target"
    case comparisonTitle = "page.comparison_title"
    case comparisonSubtitle = "page.comparison_subtitle"
    case planTitle = "page.plan_title"
    case rosterTitle = "page.roster_title"
    // Headline
    case headlineTitle = "headline.title"
    case headlineNote = "headline.note"
    case headlineNoteOneReplication = "headline.note_one_replication"
    case headlinePlanNote = "headline.plan_note"
    case headlineShare = "headline.share"
    case headlineShareDetail = "headline.share_detail"
    case headlineMeanWait = "headline.mean_wait"
    case headlineMeanWaitDetail = "headline.mean_wait_detail"
    case headlineP90Wait = "headline.p90_wait"
    case headlineP90WaitDetail = "headline.p90_wait_detail"
    case headlineTurnedAway = "headline.turned_away"
    case headlineTurnedAwayDetail = "headline.turned_away_detail"
    case headlineNoShows = "headline.no_shows"
    case headlineNoShowsDetail = "headline.no_shows_detail"
    case headlineOvertime = "headline.overtime"
    case headlineOvertimeDetail = "headline.overtime_detail"
    case interval = "headline.interval"
    case noInterval = "headline.no_interval"
    case intervalRange = "headline.interval_range"
    case targetAtMost = "target.at_most"
    case targetAtLeast = "target.at_least"
    case statusMet = "status.met"
    case statusMissed = "status.missed"
    case statusUncertain = "status.uncertain"
    case statusNoTarget = "status.no_target"
    // Units
    case unitMinutes = "unit.minutes"
    case unitPercent = "unit.percent"
    case unitCitizens = "unit.citizens"
    case unitCounters = "unit.counters"
    case unitPerDay = "unit.per_day"
    // Offices
    case officesTitle = "offices.title"
    case officesNote = "offices.note"
    case columnOffice = "column.office"
    case columnKind = "column.kind"
    case columnP90Wait = "column.p90_wait"
    case columnMeanWait = "column.mean_wait"
    case columnWithinTarget = "column.within_target"
    case columnServed = "column.served"
    case columnNoShows = "column.no_shows"
    case columnLeft = "column.left"
    case columnRefused = "column.refused"
    case columnUtilisation = "column.utilisation"
    case columnAgainstTarget = "column.against_target"
    case columnDemand = "column.demand"
    case officeOverTarget = "offices.over_target"
    case officeWithinTarget = "offices.within_target"
    case officeUncertain = "offices.uncertain"
    case chartWorstShown = "chart.worst_shown"
    case kindKelurahan = "kind.kelurahan"
    case kindKecamatan = "kind.kecamatan"
    case kindMPP = "kind.mpp"
    case kindQueue = "kind.queue"
    // Map
    case mapTitle = "map.title"
    case mapNote = "map.note"
    case mapPlacedNote = "map.placed_note"
    case mapMissing = "map.missing"
    case mapColourLegend = "map.colour_legend"
    case mapSizeLegend = "map.size_legend"
    case mapBandGood = "map.band_good"
    case mapBandNear = "map.band_near"
    case mapBandOver = "map.band_over"
    case mapBandFar = "map.band_far"
    case mapNoData = "map.no_data"
    case mapScale = "map.scale"
    case mapNorth = "map.north"
    case mapTooltip = "map.tooltip"
    // Heat maps and charts
    case heatTitle = "heat.title"
    case heatNote = "heat.note"
    case heatMissing = "heat.missing"
    case queueTitle = "queue.title"
    case queueNote = "queue.note"
    case queueMissing = "queue.missing"
    case chartColourScale = "chart.colour_scale"
    case chartNoData = "chart.no_data"
    case chartNotOpen = "chart.not_open"
    case waitsTitle = "waits.title"
    case waitsNote = "waits.note"
    case waitsChart = "waits.chart"
    case utilisationTitle = "utilisation.title"
    case utilisationChart = "utilisation.chart"
    case utilisationSeries = "utilisation.series"
    case kecamatanTitle = "kecamatan.title"
    case kecamatanChart = "kecamatan.chart"
    case kecamatanMissing = "kecamatan.missing"
    case columnKecamatan = "column.kecamatan"
    case columnOffices = "column.offices"
    case columnArrivals = "column.arrivals"
    case columnCounters = "column.counters"
    case seriesMedian = "series.median"
    case seriesMean = "series.mean"
    case seriesP90 = "series.p90"
    case seriesP99 = "series.p99"
    // All figures
    case figuresTitle = "figures.title"
    case figuresNote = "figures.note"
    case columnFigure = "column.figure"
    case columnMeanValue = "column.mean_value"
    case columnLow = "column.low"
    case columnHigh = "column.high"
    case columnReplications = "column.replications"
    // Plan
    case staffingTitle = "staffing.title"
    case staffingNote = "staffing.note"
    case staffingMissedWarning = "staffing.missed_warning"
    case staffingChart = "staffing.chart"
    case seriesCurrent = "series.current"
    case seriesProposed = "series.proposed"
    case columnCurrentCounters = "column.current_counters"
    case columnErlang = "column.erlang"
    case columnProposedCounters = "column.proposed_counters"
    case columnTargetMean = "column.target_mean"
    case columnBound = "column.bound"
    case columnMeetsTarget = "column.meets_target"
    case columnCounterHours = "column.counter_hours"
    case yes = "word.yes"
    case notMetWithin = "staffing.not_met_within"
    case notASaving = "staffing.not_a_saving"
    case rosterSectionTitle = "roster.title"
    case rosterNote = "roster.note"
    case columnWeekday = "column.weekday"
    // Comparison
    case comparisonSection = "comparison.title"
    case comparisonNote = "comparison.note"
    case columnDifference = "column.difference"
    case columnInterval = "column.interval"
    case columnVerdict = "column.verdict"
    case verdictABetter = "verdict.a_better"
    case verdictBBetter = "verdict.b_better"
    case verdictNoDifference = "verdict.no_difference"
    case verdictDifferent = "verdict.different"
    case verdictTooFew = "verdict.too_few"
    // Weekdays
    case monday = "weekday.mon"
    case tuesday = "weekday.tue"
    case wednesday = "weekday.wed"
    case thursday = "weekday.thu"
    case friday = "weekday.fri"
    case saturday = "weekday.sat"
    case sunday = "weekday.sun"
    // Metric names (the last segment or two of a key such as `overall.wait_minutes.p90`)
    case metricArrivals = "metric.arrivals"
    case metricArrivalsBooked = "metric.arrivals.booked"
    case metricArrivalsWalkIn = "metric.arrivals.walk_in"
    case metricArrivalsPriority = "metric.arrivals.priority"
    case metricServed = "metric.served"
    case metricNoShows = "metric.no_shows"
    case metricCancelled = "metric.cancelled"
    case metricBalked = "metric.balked"
    case metricReneged = "metric.reneged"
    case metricBookingRefused = "metric.booking_refused"
    case metricTurnedAway = "metric.turned_away"
    case metricInSystemAtEnd = "metric.in_system_at_end"
    case metricGenerated = "metric.generated"
    case metricBookings = "metric.bookings"
    case metricBookingsAssisted = "metric.bookings.assisted"
    case metricWalkInsConverted = "metric.walk_ins_converted"
    case metricBookingLeadDays = "metric.booking_lead_days"
    case metricWait = "metric.wait_minutes"
    case metricWaitBooked = "metric.wait_minutes.booked"
    case metricWaitBookedP90 = "metric.wait_minutes.booked.p90"
    case metricWaitWalkIn = "metric.wait_minutes.walk_in"
    case metricWaitWalkInP90 = "metric.wait_minutes.walk_in.p90"
    case metricIdleCounter = "metric.idle_counter_minutes"
    case metricWaitQuantile = "metric.wait_minutes.quantile"
    case metricWaitWithinTarget = "metric.wait_within_target"
    case metricSlotUtilisation = "metric.slot_utilization"
    case metricCounterUtilisation = "metric.counter_utilization"
    case metricUtilisation = "metric.utilization"
    case metricOvertime = "metric.overtime_minutes"
    case metricOvertimeCounter = "metric.overtime_counter_minutes"
    case metricCounterMinutesAvailable = "metric.counter_minutes.available"
    case metricCounterMinutesSold = "metric.counter_minutes.sold"
    case metricCounterMinutesOverbooked = "metric.counter_minutes.overbooked"
    case metricAbandon = "metric.abandon_minutes"
    case metricWaitAll = "metric.wait_all_minutes"
    case metricTimeInLine = "metric.time_in_line_minutes"
    case metricTimeInSystem = "metric.time_in_system_minutes"
    case metricQueueLength = "metric.queue_length"
    case metricInSystem = "metric.in_system"
    case metricOpenDays = "metric.open_days"
    case metricCounters = "metric.counters"
    case metricArrivalsPerOpenDay = "metric.arrivals_per_open_day"
    case metricDays = "metric.days"
    case metricSojourn = "metric.sojourn_minutes"
    case metricCustomers = "metric.customers"
    case metricAbandoned = "metric.abandoned"
    case metricAbandonment = "metric.abandonment"
    case metricArrivalRate = "metric.arrival_rate_per_minute"
    case metricObservedMinutes = "metric.observed_minutes"
    case metricSystem = "metric.system_minutes"
    case metricSystemAll = "metric.system_all_minutes"
    case metricThroughput = "metric.throughput_per_minute"
    case metricPerWeekday = "metric.per_weekday"
    case metricPerHour = "metric.per_hour"
    case metricPerService = "metric.per_service"
    case metricPerClass = "metric.per_class"
    case metricUnknown = "metric.unknown"
    case metricScopeCity = "metric.scope_city"
    case metricInScope = "metric.in_scope"
}

/// A language's texts for the report phrases, and the one function that writes numbers for people.
public struct ReportVocabulary: Sendable {
    public var texts: [ReportPhrase: String]
    /// Decimal mark: "." in English; a table for a language that writes "6,4" sets ",".
    public var decimalSeparator: String
    /// Thousands separator for whole numbers of five digits or more ("" for none).
    public var groupingSeparator: String

    /// The page's language tag (`lang` attribute), e.g. "en" or "id".
    public var languageTag: String

    public init(
        texts: [ReportPhrase: String], decimalSeparator: String = ".", groupingSeparator: String = ",",
        languageTag: String = "en"
    ) {
        self.texts = texts
        self.languageTag = languageTag
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
    }

    /// The phrase with `{name}` placeholders replaced by `values[name]`; a phrase missing from the table
    /// falls back to English (a test keeps every table complete).
    public func text(_ phrase: ReportPhrase, _ values: KeyValuePairs<String, String> = [:]) -> String {
        var text = texts[phrase] ?? Self.englishTexts[phrase] ?? phrase.rawValue
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// A number for people with exactly `decimals` decimals, grouped thousands, "–" when missing or not
    /// finite, and never "-0.00". Every number a report prints goes through here.
    public func number(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        var text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text.removeFirst()
        }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts.first ?? "0")
        if !groupingSeparator.isEmpty && whole.count > 4 {
            var grouped: [String] = []
            while whole.count > 3 {
                grouped.insert(String(whole.suffix(3)), at: 0)
                whole.removeLast(3)
            }
            grouped.insert(whole, at: 0)
            whole = grouped.joined(separator: groupingSeparator)
        }
        let fraction = parts.count > 1 ? decimalSeparator + parts[1] : ""
        return (negative ? "-" : "") + whole + fraction
    }

    /// A share (0…1) as a percentage with two decimals, e.g. "87.35 %".
    public func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "–" }
        return "\(number(share * 100)) \(text(.unitPercent))"
    }

    /// The report's texts in `language` from AntreanLocalization's table (key `report.<phrase>`), with
    /// its number style: English "40,249.50", Indonesian "40.249,50" (decimal comma, dot thousands).
    public init(language: Language) {
        let table = Texts.table(language)
        var texts: [ReportPhrase: String] = [:]
        for phrase in ReportPhrase.allCases {
            if let text = table[Self.key(phrase)] { texts[phrase] = text }
        }
        self.init(
            texts: texts, decimalSeparator: String(language.decimalMark),
            groupingSeparator: language == .en ? "," : language.groupingMark.map(String.init) ?? "",
            languageTag: language.rawValue)
    }

    /// The key of `phrase` in AntreanLocalization's text tables.
    public static func key(_ phrase: ReportPhrase) -> String { "report." + phrase.rawValue }

    public static let english = ReportVocabulary(language: .en)

    static var englishTexts: [ReportPhrase: String] { english.texts }
}
