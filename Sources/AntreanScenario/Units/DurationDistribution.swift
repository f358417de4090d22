public import AntreanEngine

extension ScenarioNode {
    /// The shortest mean a service time may have: one second. Capacities divide by the mean, so a
    /// mean near 0 means unbounded capacity (and, in the city, places per slot beyond any counter).
    public static let minimumServiceMinutes = 1.0 / 60

    /// A distribution used as a duration (service, patience, lead time): parameters checked, no
    /// negative draw, and, when `isServiceTime`, a mean of at least `minimumServiceMinutes`. The
    /// error names the field and suggests a distribution that fits.
    public func durationDistribution(isServiceTime: Bool) throws(ScenarioError) -> Distribution {
        let distribution = try signedDurationDistribution()
        let lowest = distribution.lowestValue
        if lowest < 0 {
            throw error("a duration cannot be negative, but \(Self.written(distribution)) \(Self.fix(distribution))")
        }
        if isServiceTime && !(distribution.mean >= Self.minimumServiceMinutes) {
            throw error(
                "a service time must average at least 1s (capacity is divided by it), but "
                    + "\(Self.written(distribution)) averages \(Quantities.text(minutes: distribution.mean)); "
                    + "write the time a service takes, e.g. deterministic(30s) or exponential(mean=5m)")
        }
        return distribution
    }

    /// The longest mean and standard deviation a duration may have: one year (525,600 minutes).
    /// Simulated clocks convert minutes to whole seconds and days; with both moments within a year,
    /// no draw of the supported families comes near those integers' range.
    public static let maximumDurationMinutes = 525_600.0

    /// A distribution of a signed offset in minutes (punctuality: negative is early), with its mean
    /// and standard deviation within a year either way.
    public func signedDurationDistribution() throws(ScenarioError) -> Distribution {
        let distribution = try distribution()
        let limit = Self.maximumDurationMinutes
        let sd = distribution.variance.squareRoot()
        guard abs(distribution.mean) <= limit, sd <= limit else {
            throw error(
                "\(Self.written(distribution)) has mean \(Quantities.text(minutes: distribution.mean)) and sd "
                    + "\(Quantities.text(minutes: sd)); a duration here may have a mean and sd of at most 1 year (365d)"
            )
        }
        return distribution
    }

    /// How the distribution reads in a scenario file, for messages.
    static func written(_ distribution: Distribution) -> String {
        let t = Quantities.text(minutes:)
        switch distribution {
        case .deterministic(let value): return "deterministic(\(t(value)))"
        case .uniform(let low, let high): return "uniform(low=\(t(low)), high=\(t(high)))"
        case .normal(let mean, let sd): return "normal(mean=\(t(mean)), sd=\(t(sd)))"
        case .truncatedNormal(let mean, let sd, let low, let high):
            return "truncated_normal(mean=\(t(mean)), sd=\(t(sd)), low=\(t(low)), high=\(t(high)))"
        case .empirical: return "this empirical distribution"
        default: return distribution.name
        }
    }

    /// Why the distribution goes below 0 and what to write instead.
    static func fix(_ distribution: Distribution) -> String {
        let t = Quantities.text(minutes:)
        switch distribution {
        case .normal(let mean, let sd):
            let positiveMean = max(mean, sd)
            return "can draw values below 0 (a normal has no lower bound); use "
                + "truncated_normal(mean=\(t(mean)), sd=\(t(sd)), low=0m, high=\(t(mean + 4 * sd))) "
                + "or lognormal(mean=\(t(positiveMean)), sd=\(t(sd)))"
        case .deterministic: return "is below 0; give a duration of 0m or more"
        case .uniform(_, let high): return "starts below 0; use uniform(low=0m, high=\(t(max(high, 0))))"
        case .truncatedNormal(let mean, let sd, _, let high):
            return "starts below 0; use truncated_normal(mean=\(t(mean)), sd=\(t(sd)), low=0m, high=\(t(high)))"
        default: return "has values below 0 (\(t(distribution.lowestValue))); give samples or edges of 0m or more"
        }
    }
}

extension Quantities {
    /// Minutes written with a unit as a planner would: 5m, 90s, 1.5m.
    static func text(minutes: Double) -> String {
        guard minutes.isFinite else { return "\(minutes)m" }
        if minutes == minutes.rounded() && abs(minutes) < 1e15 { return "\(Int(minutes))m" }
        let seconds = minutes * 60
        if seconds == seconds.rounded() && abs(seconds) < 1e15 { return "\(Int(seconds))s" }
        return "\(minutes)m"
    }
}
