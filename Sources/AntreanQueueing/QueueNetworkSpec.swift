public import AntreanEngine

/// A model of one or more independent multi-server queues, as a scenario file describes it.
/// Time is in minutes throughout.
public struct QueueNetworkSpec: Sendable, Hashable {
    public var queues: [QueueSpec]
    public var runLength: RunLength
    /// Observations that start before this many minutes are discarded (initial-transient deletion).
    public var warmUpMinutes: Double
    /// Wait quantiles reported as `wait_minutes.p50` … (levels in (0, 1); see `WaitQuantile`).
    public var waitQuantiles: [Double] = WaitQuantile.standard
    /// When set, `wait_within_target` reports the share of served customers who waited at most
    /// this many minutes (the scenario's `run.wait_target`, or a planning target's own limit).
    public var waitTargetMinutes: Double?
    /// When set, every queue reports its figures per hour of the week (`queues.<name>.block.<mon>.<08>.`)
    /// even without a roster (planning by hour block sets it; a rostered queue always reports them).
    public var measuresBlocks = false

    public init(
        queues: [QueueSpec], runLength: RunLength, warmUpMinutes: Double = 0, waitTargetMinutes: Double? = nil
    ) {
        self.queues = queues
        self.runLength = runLength
        self.warmUpMinutes = warmUpMinutes
        self.waitTargetMinutes = waitTargetMinutes
    }
}

/// How long one replication runs.
public enum RunLength: Sendable, Hashable {
    /// Simulated minutes; customers still in the system at the end are counted as such.
    case minutes(Double)
    /// Stop generating arrivals after this many (over all queues) and run until the system empties.
    case arrivals(Int)
}

/// One queue: `counters` identical servers fed by one arrival process.
public struct QueueSpec: Sendable, Hashable {
    public var name: String
    public var counters: Int
    public var service: Distribution
    public var arrivals: ArrivalProcess
    /// Time a customer is willing to wait in queue before leaving (reneging); nil = waits forever.
    public var patience: Distribution?
    public var discipline: QueueDiscipline
    /// Customer classes; priority levels matter only with `.priority`. Empty = one class.
    public var classes: [CustomerClass]
    /// Counters by weekday and time block; nil = `counters` all the time.
    public var roster: QueueRoster?

    public init(
        name: String, counters: Int, service: Distribution, arrivals: ArrivalProcess,
        patience: Distribution? = nil, discipline: QueueDiscipline = .fifo, classes: [CustomerClass] = [],
        roster: QueueRoster? = nil
    ) {
        self.name = name
        self.counters = counters
        self.service = service
        self.arrivals = arrivals
        self.patience = patience
        self.discipline = discipline
        self.classes = classes
        self.roster = roster
    }

    /// Counters over the week on average: `counters`, or the roster's mean.
    public var meanCounters: Double { roster?.meanCounters(default: counters) ?? Double(counters) }

    /// The most counters on duty at once: `counters`, or the roster's largest count.
    public var maximumCounters: Int { roster?.maximumCounters(default: counters) ?? counters }
}

public enum QueueDiscipline: String, Sendable, Hashable, CaseIterable {
    /// First come, first served.
    case fifo
    /// Non-preemptive: the waiting customer of the highest priority (lowest level number) first,
    /// FIFO within a level.
    case priority
}

/// A share of a queue's arrivals with its own priority level (0 = served first).
public struct CustomerClass: Sendable, Hashable {
    public var name: String
    public var share: Double
    public var priority: Int

    public init(name: String, share: Double, priority: Int) {
        self.name = name
        self.share = share
        self.priority = priority
    }
}

/// When customers arrive.
public enum ArrivalProcess: Sendable, Hashable {
    /// Homogeneous Poisson process.
    case poisson(ratePerMinute: Double)
    /// Non-homogeneous Poisson process, piecewise constant by hour of day: `ratesPerHour[h]` is the
    /// rate (arrivals per hour) from h:00 to h+1:00; the profile repeats every `ratesPerHour.count`
    /// hours (24 for a daily profile).
    case hourlyProfile(ratesPerHour: [Double])
}
