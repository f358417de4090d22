public import AntreanEngine

/// What planning needs from any model (generic queues or the city): run replication `r` under
/// master seed `s`. The result must depend only on (model, s, r) — never on the thread, the order of
/// calls or the shard — so that candidates, policies and grid points share common random numbers.
public protocol SimulationModel: Sendable {
    func replicate(_ replication: Int, seed: UInt64) throws -> MetricSample
}

/// A place whose counters a planner can set: an office, or an office in one time block.
public struct StaffingUnit: Sendable, Hashable, Codable {
    /// Stable id, e.g. `mpp` or `mpp.mon.08-12`.
    public var id: String
    /// Metric scope its KPIs are reported under, e.g. `offices.mpp` or `offices.mpp.weekday.mon`.
    public var scope: String
    /// Counters in the current plan.
    public var currentCounters: Int
    /// Hours the counters are staffed per simulated run (turns counters into counter-hours).
    public var staffedHours: Double
    /// Arrivals per minute and mean service minutes while open, for the analytic first guess.
    public var arrivalRate: Double
    public var meanService: Double
    /// Arrivals per minute hour by hour, when demand follows a daily profile: the first guess then
    /// staffs the day for its peak modified offered load instead of the busiest hour's rate.
    public var hourlyArrivalRates: [Double]?
    /// Hours of the day (0–23) the unit is open, when known; otherwise an hour is open when
    /// `hourlyArrivalRates` has arrivals in it. A closed hour needs no counters.
    public var openHours: Set<Int>?

    public init(
        id: String, scope: String, currentCounters: Int, staffedHours: Double, arrivalRate: Double,
        meanService: Double, hourlyArrivalRates: [Double]? = nil, openHours: Set<Int>? = nil
    ) {
        self.hourlyArrivalRates = hourlyArrivalRates
        self.openHours = openHours
        self.id = id
        self.scope = scope
        self.currentCounters = currentCounters
        self.staffedHours = staffedHours
        self.arrivalRate = arrivalRate
        self.meanService = meanService
    }
}

/// A model whose counters can be set per ``StaffingUnit``; `plan` searches over it.
public protocol StaffableModel: SimulationModel {
    var staffingUnits: [StaffingUnit] { get }
    /// The same model with `counters[unit.id]` counters at each unit (units absent keep theirs).
    func staffed(_ counters: [String: Int]) throws -> Self
    /// The same model also reporting the wait quantiles `quantiles` (levels in (0, 1), besides the
    /// standard p50, p90 and p99) and, when `waitTargetMinutes` is given, `wait_within_target` as the
    /// share waiting at most that long (instead of the scenario's `run.wait_target`).
    func measuring(quantiles: [Double], waitTargetMinutes: Double?) throws -> Self
}

extension StaffableModel {
    /// The same model reporting the metric `target` reads: its quantile, or the share waiting at most
    /// the target's own limit (a "within 15s" target must never read a 15-minute wait target).
    public func measuring(_ target: ServiceTarget) throws -> Self {
        var quantiles: [Double] = []
        var limit: Double?
        switch target.kind {
        case .quantile(let level): quantiles = [level]
        case .mean: break
        case .shareWithin: limit = target.minutes
        }
        return try measuring(quantiles: quantiles, waitTargetMinutes: limit)
    }
}
