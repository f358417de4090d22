public import AntreanEngine

/// An office (or a queue) as reports show it; the city model supplies these beside its samples.
public struct OfficeInfo: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var kind: String
    /// Kecamatan id (`samarinda_ulu`); nil for models without geography.
    public var kecamatanId: String?
    /// Latitude and longitude in degrees, when the scenario gives them (the report's map).
    public var latitude: Double?
    public var longitude: Double?

    public init(
        id: String, name: String, kind: String = "", kecamatanId: String? = nil, latitude: Double? = nil,
        longitude: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.kecamatanId = kecamatanId
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// What a report shows: KPIs of a run and, when there are, a staffing plan or a paired comparison.
public struct ReportContent: Sendable {
    public var title: String
    public var subtitle: String
    public var metrics: [String: MetricSummary]
    /// First key segment of per-office metrics: `offices` (city) or `queues` (queue models).
    public var scopePrefix: String
    /// Offices in display order; when empty they are read from the metric keys.
    public var offices: [OfficeInfo]
    public var staffing: StaffingPlan?
    public var comparison: PairedComparison?
    /// Wait target in minutes, drawn as a reference line.
    public var waitTargetMinutes: Double?
    /// Share of citizens that should wait at most `waitTargetMinutes` (the headline's first target):
    /// 90% by default, as a p90 target implies; a plan's `within 15m >= 80%` sets its own.
    public var shareTarget = 0.9
    /// An hour-block plan's roster (counters by office, weekday and hour), shown as a grid.
    public var roster: HourlyStaffing?
    /// The language of every text on the page.
    public var vocabulary = ReportVocabulary.english

    public init(
        title: String, subtitle: String, metrics: [String: MetricSummary], scopePrefix: String = "offices",
        offices: [OfficeInfo] = [], staffing: StaffingPlan? = nil, comparison: PairedComparison? = nil,
        waitTargetMinutes: Double? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.metrics = metrics
        self.scopePrefix = scopePrefix
        self.offices = offices
        self.staffing = staffing
        self.comparison = comparison
        self.waitTargetMinutes = waitTargetMinutes
        if let staffing, case .shareWithin(let share) = staffing.target.kind { shareTarget = share }
    }

    /// The offices to show: the given list, or every `<prefix>.<id>.` seen in the metrics, sorted.
    public var officeList: [OfficeInfo] {
        if !offices.isEmpty { return offices }
        let ids = Set(
            metrics.keys.compactMap { key -> String? in
                let parts = key.split(separator: ".", maxSplits: 2)
                return parts.count == 3 && parts[0] == scopePrefix ? String(parts[1]) : nil
            })
        return ids.sorted().map { OfficeInfo(id: $0, name: $0) }
    }

    /// Mean of `<prefix>.<office>.<metric>`.
    func officeMean(_ office: String, _ metric: String) -> Double? {
        metrics["\(scopePrefix).\(office).\(metric)"]?.mean
    }

    /// Sum of the means of `<prefix>.<office>.<metric>` over `metrics`, nil when none is reported.
    func officeSum(_ office: String, _ metrics: [String]) -> Double? {
        let values = metrics.compactMap { officeMean(office, $0) }
        return values.isEmpty ? nil : values.reduce(0, +)
    }

    /// Names for metric keys in this report's language.
    var names: ReportMetricNames {
        ReportMetricNames(
            vocabulary: vocabulary,
            officeNames: Dictionary(officeList.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }
}
