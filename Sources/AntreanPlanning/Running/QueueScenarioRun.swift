import AntreanEngine
public import AntreanQueueing
public import AntreanScenario

/// Runs a queue scenario's replications and summarises them, with theory beside the estimates.
public enum QueueScenarioRun {
    /// - Parameters:
    ///   - threads: parallelism only; the numbers do not depend on it.
    ///   - progress: called with (completed, total) replications, from any thread.
    public static func run(
        _ scenario: QueueScenario, file: String, replications: Int, seed: UInt64, threads: Int,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(QueueNetworkError) -> SummaryReport {
        let simulation = try QueueNetworkSimulation(scenario.spec)
        let samples = try simulation.runReplications(replications, seed: seed, threads: threads, progress: progress)
        var settings = ["warm_up_minutes": "\(scenario.spec.warmUpMinutes)"]
        switch scenario.spec.runLength {
        case .arrivals(let count): settings["arrivals"] = "\(count)"
        case .minutes(let minutes): settings["duration_minutes"] = "\(minutes)"
        }
        var theory: [String: Double] = [:]
        for (key, value) in scenario.theory { theory["overall.\(key)"] = value }
        return SummaryReport(
            title: scenario.name, model: "queues", file: file, seed: seed, samples: samples, settings: settings,
            theory: theory)
    }
}

extension SummaryReport {
    /// One row for the whole model and one per queue: flow counts, the wait with its interval and
    /// tail, utilisation, and Little's law (L against λW) as a visible sanity check.
    /// `extraQuantiles` adds a column per wait quantile asked for (`--quantiles`) after p90.
    public func queueTable(queueNames: [String], extraQuantiles: [Double] = []) -> String {
        /// λ·W from the replications' means: with abandonment W must include those who left (their time
        /// to abandon), or λ·W falls short of L.
        func littlesLaw(_ prefix: String) -> Double {
            guard let rates = metrics["\(prefix).arrival_rate_per_minute"],
                let times = metrics["\(prefix).system_all_minutes"]
            else { return .nan }
            return rates.mean * times.mean
        }
        let extra = extraQuantiles.filter { WaitQuantile.key($0) != "p90" }
        var table = TextTable(
            headers: ["scope", "arrivals", "served", "abandoned", "wait (min)", "95% CI", "p90"]
                + extra.map(WaitQuantile.label) + ["util", "Lq", "L", "λ·W"])
        let scopes = [("overall", "overall")] + queueNames.map { ($0, "queues.\($0)") }
        for (label, prefix) in scopes {
            func mean(_ key: String) -> Double { metrics["\(prefix).\(key)"]?.mean ?? .nan }
            let wait = metrics["\(prefix).wait_minutes"]
            let interval = wait.map { $0.hasInterval ? "±\($0.halfWidth95.formatted(decimals: 3))" : "none" } ?? "–"
            table.append(
                [
                    label, mean("arrivals").formatted(decimals: 0), mean("served").formatted(decimals: 0),
                    mean("abandoned").formatted(decimals: 0), mean("wait_minutes").formatted(decimals: 3), interval,
                    mean("wait_minutes.p90").formatted(decimals: 2),
                ] + extra.map { mean("wait_minutes.\(WaitQuantile.key($0))").formatted(decimals: 2) } + [
                    mean("utilization").formatted(decimals: 3),
                    mean("queue_length").formatted(decimals: 3), mean("in_system").formatted(decimals: 3),
                    littlesLaw(prefix).formatted(decimals: 3),
                ])
        }
        var text = "\(title) — \(replications) replications, seed \(seed)\n\n" + table.render()
        text += "λ·W = arrivals per minute × mean time in system of every customer (served or abandoned).\n"
        let checks = theory.keys.sorted().compactMap { key -> String? in
            guard let estimate = metrics[key], let expected = theory[key] else { return nil }
            guard estimate.hasInterval else {
                return "  \(key): simulated \(estimate.mean.formatted(decimals: 4)), theory \(expected) — "
                    + "no 95% CI from one replication"
            }
            let (low, high) = estimate.ci95
            let verdict = (low...high).contains(expected) ? "inside" : "OUTSIDE"
            return "  \(key): simulated \(estimate.mean.formatted(decimals: 4)) "
                + "[\(low.formatted(decimals: 4)), \(high.formatted(decimals: 4))], theory \(expected) — \(verdict) the 95% CI"
        }
        if !checks.isEmpty { text += "\nTheory:\n" + checks.joined(separator: "\n") + "\n" }
        if replications < 2 { text += "\n" + Self.singleReplicationNote + "\n" }
        return text
    }
}
