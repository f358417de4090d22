public import AntreanCity
import AntreanEngine
public import AntreanScenario

/// Runs a city scenario's replications and summarises them per office, kecamatan and city.
public enum CityScenarioRun {
    /// - Parameters:
    ///   - days: measured calendar days per replication (weekends and holidays count but are closed).
    ///   - threads: parallelism only; the numbers do not depend on it.
    ///   - trace: where to write one row per measured citizen (`simulate --trace`); throws its
    ///     ``TraceError`` when the file cannot be written, as it throws ``CityModelError`` for the model.
    public static func run(
        _ scenario: CityScenario, file: String, days: Int, replications: Int, seed: UInt64, threads: Int,
        trace: TraceRequest? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> SummaryReport {
        let simulation = try CitySimulation(scenario.model)
        let summary =
            if let trace {
                try simulation.summarizeReplications(
                    replications, days: days, seed: seed, threads: threads, trace: trace, progress: progress
                ).summary
            } else {
                simulation.summarizeReplications(
                    replications, days: days, seed: seed, threads: threads, progress: progress)
            }
        let settings = [
            "days": "\(days)", "warm_up_days": "\(scenario.model.calendar.warmUpDays)",
            "start": "\(scenario.model.calendar.startDate)", "policy": scenario.model.policy,
            "wait_target_minutes": "\(scenario.model.waitTargetMinutes)",
        ]
        var report = SummaryReport(
            title: scenario.model.name, model: "city", file: file, seed: seed, accumulated: summary, settings: settings)
        report.offices = OfficeInfo.offices(of: scenario.model)
        return report
    }
}

extension SummaryReport {
    /// The city table: one row per office, worst first (by p90 wait, then mean wait), then one per
    /// kecamatan and the city. `limit` keeps only the worst offices.
    /// `extraQuantiles` adds a column per wait quantile asked for (`--quantiles`) after p90.
    public func cityTable(model: CityModel, limit: Int? = nil, extraQuantiles: [Double] = []) -> String {
        let extra = extraQuantiles.filter { WaitQuantile.key($0) != "p90" }
        let days = Double(settings["days"].flatMap(Int.init) ?? 1)
        let openDays = metrics["overall.open_days"]?.mean ?? days
        let target = settings["wait_target_minutes"].flatMap(Double.init) ?? model.waitTargetMinutes
        func row(label: String, kind: String, prefix: String) -> [String] {
            func mean(_ key: String) -> Double { metrics["\(prefix).\(key)"]?.mean ?? .nan }
            let arrivals = mean("arrivals")
            let wait = metrics["\(prefix).wait_minutes"]
            return [
                label, kind, mean("counters").formatted(decimals: 0),
                mean("arrivals_per_open_day").formatted(decimals: 1),
                arrivals > 0 ? (100 * mean("arrivals.booked") / arrivals).formatted(decimals: 0) : "–",
                mean("served").formatted(decimals: 0), mean("no_shows").formatted(decimals: 0),
                (mean("balked") + mean("reneged")).formatted(decimals: 0),
                wait.map {
                    $0.mean.formatted(decimals: 1)
                        + ($0.hasInterval ? " ±\($0.halfWidth95.formatted(decimals: 1))" : "")
                } ?? "–",
                mean("wait_minutes.p90").formatted(decimals: 1),
            ] + extra.map { mean("wait_minutes.\(WaitQuantile.key($0))").formatted(decimals: 1) } + [
                (100 * mean("wait_within_target")).formatted(decimals: 0),
                mean("booking_lead_days").formatted(decimals: 1),
                (100 * mean("slot_utilization")).formatted(decimals: 0),
                (100 * mean("counter_utilization")).formatted(decimals: 0),
                (100 * mean("counter_minutes.sold") / mean("counter_minutes.available")).formatted(decimals: 0),
                mean("overtime_minutes").formatted(decimals: 0),
            ]
        }
        let headers =
            [
                "office", "kind", "ctrs", "arr/day", "booked%", "served", "no-show", "left", "wait (min)", "p90",
            ] + extra.map(WaitQuantile.label) + [
                "≤\(target.formatted(decimals: 0))m%", "lead d", "slot%", "util%", "sold%", "overtime",
            ]
        func p90(_ prefix: String) -> Double {
            let value = metrics["\(prefix).wait_minutes.p90"]?.mean ?? -1
            return value.isFinite ? value : -1
        }
        let ranked = model.offices.sorted { a, b in
            let (pa, pb) = (p90("offices.\(a.id)"), p90("offices.\(b.id)"))
            if pa != pb { return pa > pb }
            return (metrics["offices.\(a.id).wait_minutes"]?.mean ?? 0)
                > (metrics["offices.\(b.id).wait_minutes"]?.mean ?? 0)
        }
        var offices = TextTable(headers: headers)
        offices.leftAligned = [0, 1]
        for office in ranked.prefix(limit ?? ranked.count) {
            offices.append(row(label: office.name, kind: office.kind.rawValue, prefix: "offices.\(office.id)"))
        }
        var areas = TextTable(headers: headers)
        areas.leftAligned = [0, 1]
        for kecamatan in model.kecamatan {
            areas.append(row(label: kecamatan.name, kind: "kecamatan", prefix: "kecamatan.\(kecamatan.id)"))
        }
        areas.append(row(label: "All offices", kind: "city", prefix: "overall"))
        let shown = limit.map { min($0, ranked.count) } ?? ranked.count
        var text =
            "\(title) — \(replications) replication(s) of \(Int(days)) days (\(Int(openDays)) open), seed \(seed)\n"
        text +=
            replications > 1
            ? "Counts are totals over the measured days (mean over replications); wait ± is the 95% CI half-width;\n"
            : "Counts are totals over the measured days. \(Self.singleReplicationNote)\n"
        text +=
            "left = balked + reneged; lead d = days from booking to slot; util% = counter time serving within opening\n"
        text +=
            "hours; sold% = counter time the slot plan sells ÷ counter time available; overtime = minutes open after closing.\n\n"
        text += "Offices, worst p90 wait first (\(shown) of \(ranked.count)):\n" + offices.render()
        text += "\nBy kecamatan (kelurahan and kecamatan offices in it) and for the city:\n" + areas.render()
        return text
    }
}
