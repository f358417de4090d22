import Foundation

/// Time-to-event observations: each an event (the citizen left) or censored (served before they
/// would have left, so their patience exceeded the wait), grouped by time.
public struct CensoredSample: Sendable {
    /// Events and censored observations by time (minutes).
    public private(set) var events: [Double: Int] = [:]
    public private(set) var censored: [Double: Int] = [:]

    public init() {}

    public mutating func add(_ time: Double, isEvent: Bool) {
        if isEvent { events[time, default: 0] += 1 } else { censored[time, default: 0] += 1 }
    }

    public var eventCount: Int { events.values.reduce(0, +) }
    public var censoredCount: Int { censored.values.reduce(0, +) }
    /// The total time observed, events and censored.
    public var totalTime: Double {
        events.reduce(0) { $0 + $1.key * Double($1.value) } + censored.reduce(0) { $0 + $1.key * Double($1.value) }
    }
}

/// The Kaplan–Meier estimate of a survival function S(t) = P(T > t) (Kaplan & Meier 1958), with
/// Greenwood's variance. At a time with both events and censorings the censored still count as at
/// risk (they are known to outlast the events there). O(k log k) for k distinct times.
public struct KaplanMeier: Sendable {
    public struct Step: Sendable, Equatable {
        public var time: Double
        public var atRisk: Int
        public var events: Int
        /// S just after `time`, and Greenwood's standard error of it.
        public var survival: Double
        public var standardError: Double
    }

    /// One step per distinct event time, ascending.
    public let steps: [Step]

    public init(_ sample: CensoredSample) {
        let times = Set(sample.events.keys).union(sample.censored.keys).sorted()
        var atRisk = sample.eventCount + sample.censoredCount
        var survival = 1.0
        var greenwood = 0.0
        var steps: [Step] = []
        for time in times {
            let d = sample.events[time] ?? 0
            if d > 0 {
                survival *= 1 - Double(d) / Double(atRisk)
                if atRisk > d { greenwood += Double(d) / (Double(atRisk) * Double(atRisk - d)) }
                steps.append(
                    Step(
                        time: time, atRisk: atRisk, events: d, survival: survival,
                        standardError: survival * greenwood.squareRoot()))
            }
            atRisk -= d + (sample.censored[time] ?? 0)
        }
        self.steps = steps
    }

    /// S(t): 1 before the first event time.
    public func survival(at time: Double) -> Double {
        steps.last { $0.time <= time }?.survival ?? 1
    }

    /// The smallest event time where S falls to ½ or below; nil when it never does (heavy censoring).
    public var median: Double? { steps.first { $0.survival <= 0.5 }?.time }
}

/// The exponential model of censored times: the MLE of the mean is the total time observed over the
/// number of events, θ̂ = Σ tᵢ / d (Lawless, "Statistical Models and Methods for Lifetime Data", §3.1),
/// with the 95% interval θ̂ · exp(±1.96 / √d) from the log scale.
public struct CensoredExponential: Sendable {
    public var mean: Double
    public var events: Int
    public var lower: Double
    public var upper: Double

    /// Nil without events (the mean is then unbounded).
    public init?(_ sample: CensoredSample) {
        let d = sample.eventCount
        guard d > 0 else { return nil }
        events = d
        mean = sample.totalTime / Double(d)
        let spread = exp(1.959964 / Double(d).squareRoot())
        lower = mean / spread
        upper = mean * spread
    }
}
