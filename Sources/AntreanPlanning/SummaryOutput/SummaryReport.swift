public import AntreanEngine
public import AntreanLocalization

/// The result of a run of replications: every metric's mean and 95% confidence interval, with what
/// was run. JSON, CSV and the text table are views of it. Nothing in it depends on the number of
/// threads or on wall-clock time, so the same seed always writes the same bytes.
public struct SummaryReport: Sendable {
    public var title: String
    /// `queues` or `city`.
    public var model: String
    public var file: String
    public var seed: UInt64
    public var replications: Int
    /// Run settings worth recording, e.g. `arrivals`, `duration_minutes`, `warm_up_minutes`, `days`.
    public var settings: [String: String]
    public var metrics: [String: MetricSummary]
    /// Expected values from theory, by full metric key.
    public var theory: [String: Double]
    /// A city's offices (name, kind, kecamatan), written beside their KPIs in JSON; empty for queues.
    public var offices: [OfficeInfo] = []

    public init(
        title: String, model: String, file: String, seed: UInt64, samples: [MetricSample],
        settings: [String: String] = [:], theory: [String: Double] = [:]
    ) {
        self.init(
            title: title, model: model, file: file, seed: seed, accumulated: MetricAccumulator(samples),
            settings: settings, theory: theory)
    }

    /// The report of replications summarised as they finished (see `Replications.fold`).
    public init(
        title: String, model: String, file: String, seed: UInt64, accumulated: MetricAccumulator,
        settings: [String: String] = [:], theory: [String: Double] = [:]
    ) {
        self.title = title
        self.model = model
        self.file = file
        self.seed = seed
        self.replications = accumulated.replications
        self.settings = settings
        self.metrics = accumulated.summaries
        self.theory = theory
    }

    public subscript(key: String) -> MetricSummary? { metrics[key] }

    /// Said under a table from one replication, whose figures have no confidence interval.
    public static let singleReplicationNote = singleReplicationNote(in: .en)

    /// The same note in `language`.
    public static func singleReplicationNote(in language: Language) -> String {
        language.text("common.single_replication_note")
    }
}
