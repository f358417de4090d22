public import AntreanSchedule

/// How a template search simulates and when it stops.
public struct TemplateSearchSettings: Sendable {
    public var weights: ScheduleWeights
    /// Measured calendar days of each replication of the search (short: a few weeks).
    public var days: Int
    /// Unmeasured days before them, so that advance bookings exist on the first measured day.
    public var warmUpDays: Int
    /// Replications every candidate is judged on (the same ones for every candidate).
    public var replications: Int
    public var seed: UInt64
    /// Candidates simulated per office at most (the current templates included).
    public var maximumEvaluations: Int

    /// Throws naming the setting when a count is out of range.
    public init(
        weights: ScheduleWeights, days: Int = 21, warmUpDays: Int = 7, replications: Int = 8, seed: UInt64,
        maximumEvaluations: Int = 60
    ) throws(PlanningError) {
        guard (1...366).contains(days) else {
            throw PlanningError.invalid("--search-days must lie in 1…366, got \(days)")
        }
        guard (0...366).contains(warmUpDays) else {
            throw PlanningError.invalid("the search's warm-up days must lie in 0…366, got \(warmUpDays)")
        }
        guard (2...1_000).contains(replications) else {
            throw PlanningError.invalid("--search-replications must lie in 2…1000, got \(replications)")
        }
        guard (1...100_000).contains(maximumEvaluations) else {
            throw PlanningError.invalid("--max-evaluations must lie in 1…100000, got \(maximumEvaluations)")
        }
        self.weights = weights
        self.days = days
        self.warmUpDays = warmUpDays
        self.replications = replications
        self.seed = seed
        self.maximumEvaluations = maximumEvaluations
    }
}
