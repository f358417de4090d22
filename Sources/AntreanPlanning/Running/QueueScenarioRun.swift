import AntreanEngine
public import AntreanLocalization
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
    /// Words and numbers are in `language` (English by default, as the table always was).
    public func queueTable(queueNames: [String], extraQuantiles: [Double] = [], language: Language = .en) -> String {
        /// λ·W from the replications' means: with abandonment W must include those who left (their time
        /// to abandon), or λ·W falls short of L.
        func littlesLaw(_ prefix: String) -> Double {
            guard let rates = metrics["\(prefix).arrival_rate_per_minute"],
                let times = metrics["\(prefix).system_all_minutes"]
            else { return .nan }
            return rates.mean * times.mean
        }
        func number(_ value: Double, _ decimals: Int) -> String { language.number(value, decimals: decimals) }
        func header(_ name: String) -> String { language.text("queue.header." + name) }
        let extra = extraQuantiles.filter { WaitQuantile.key($0) != "p90" }
        var table = TextTable(
            headers: ["scope", "arrivals", "served", "abandoned", "wait", "interval"].map(header) + ["p90"]
                + extra.map(WaitQuantile.label) + [header("utilization"), "Lq", "L", "λ·W"])
        let scopes = [(language.text("queue.overall"), "overall")] + queueNames.map { ($0, "queues.\($0)") }
        for (label, prefix) in scopes {
            func mean(_ key: String) -> Double { metrics["\(prefix).\(key)"]?.mean ?? .nan }
            let wait = metrics["\(prefix).wait_minutes"]
            let interval =
                wait.map { $0.hasInterval ? "±\(number($0.halfWidth95, 3))" : language.text("common.none") } ?? "–"
            table.append(
                [
                    label, number(mean("arrivals"), 0), number(mean("served"), 0),
                    number(mean("abandoned"), 0), number(mean("wait_minutes"), 3), interval,
                    number(mean("wait_minutes.p90"), 2),
                ] + extra.map { number(mean("wait_minutes.\(WaitQuantile.key($0))"), 2) } + [
                    number(mean("utilization"), 3),
                    number(mean("queue_length"), 3), number(mean("in_system"), 3),
                    number(littlesLaw(prefix), 3),
                ])
        }
        var text =
            language.text(
                "queue.title", ["title": title, "replications": language.integer(replications), "seed": String(seed)])
            + "\n\n" + table.render()
        text += language.text("queue.littles_law") + "\n"
        let checks = theory.keys.sorted().compactMap { key -> String? in
            guard let estimate = metrics[key], let expected = theory[key] else { return nil }
            guard estimate.hasInterval else {
                return language.text(
                    "queue.theory.no_interval",
                    ["key": key, "estimate": number(estimate.mean, 4), "expected": language.shortest(expected)])
            }
            let (low, high) = estimate.ci95
            let verdict = language.text(
                (low...high).contains(expected) ? "queue.theory.inside" : "queue.theory.outside")
            return language.text(
                "queue.theory.check",
                [
                    "key": key, "estimate": number(estimate.mean, 4),
                    "interval": language.text("common.interval", ["low": number(low, 4), "high": number(high, 4)]),
                    "expected": language.shortest(expected), "verdict": verdict,
                ])
        }
        if !checks.isEmpty {
            text += "\n" + language.text("queue.theory_heading") + "\n" + checks.joined(separator: "\n") + "\n"
        }
        if replications < 2 { text += "\n" + Self.singleReplicationNote(in: language) + "\n" }
        return text
    }
}
