public import AntreanQueueing

/// A scenario of independent multi-server queues (the engine's validation models and any simple
/// office), with the run settings a planner would otherwise type on the command line.
public struct QueueScenario: Sendable {
    public var name: String
    public var description: String?
    public var spec: QueueNetworkSpec
    public var run: RunSettings
    /// Expected values from theory, by metric key under `overall.` (e.g. `wait_minutes`), with their source.
    public var theory: [String: Double]
    public var theorySource: String?

    public init(
        name: String, description: String? = nil, spec: QueueNetworkSpec, run: RunSettings = RunSettings(),
        theory: [String: Double] = [:], theorySource: String? = nil
    ) {
        self.name = name
        self.description = description
        self.spec = spec
        self.run = run
        self.theory = theory
        self.theorySource = theorySource
    }
}

/// How many replications and which seed, when the command line does not say.
public struct RunSettings: Sendable, Hashable {
    /// The most replications a scenario may ask for; more is a study to split with `antrean sweep`.
    public static let maximumReplications = 100_000

    public var replications: Int
    public var seed: UInt64
    /// The waiting-time target used for "share within target" KPIs.
    public var waitTargetMinutes: Double

    public init(replications: Int = 10, seed: UInt64 = 1, waitTargetMinutes: Double = 15) {
        self.replications = replications
        self.seed = seed
        self.waitTargetMinutes = waitTargetMinutes
    }
}
