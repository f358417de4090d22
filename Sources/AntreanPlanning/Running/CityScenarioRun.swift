public import AntreanCity
import AntreanEngine
public import AntreanLocalization
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
    /// Words and numbers are in `language` (English by default, as the table always was).
    public func cityTable(
        model: CityModel, limit: Int? = nil, extraQuantiles: [Double] = [], language: Language = .en
    ) -> String {
        let extra = extraQuantiles.filter { WaitQuantile.key($0) != "p90" }
        let days = Double(settings["days"].flatMap(Int.init) ?? 1)
        let openDays = metrics["overall.open_days"]?.mean ?? days
        let target = settings["wait_target_minutes"].flatMap(Double.init) ?? model.waitTargetMinutes
        func number(_ value: Double, _ decimals: Int) -> String { language.number(value, decimals: decimals) }
        func row(label: String, kind: String, prefix: String) -> [String] {
            func mean(_ key: String) -> Double { metrics["\(prefix).\(key)"]?.mean ?? .nan }
            let arrivals = mean("arrivals")
            let wait = metrics["\(prefix).wait_minutes"]
            return [
                label, language.text("city.kind." + kind), number(mean("counters"), 0),
                number(mean("arrivals_per_open_day"), 1),
                arrivals > 0 ? number(100 * mean("arrivals.booked") / arrivals, 0) : "–",
                number(mean("served"), 0), number(mean("no_shows"), 0),
                number(mean("balked") + mean("reneged"), 0),
                wait.map { number($0.mean, 1) + ($0.hasInterval ? " ±\(number($0.halfWidth95, 1))" : "") } ?? "–",
                number(mean("wait_minutes.p90"), 1),
            ] + extra.map { number(mean("wait_minutes.\(WaitQuantile.key($0))"), 1) } + [
                number(100 * mean("wait_within_target"), 0),
                number(mean("booking_lead_days"), 1),
                number(100 * mean("slot_utilization"), 0),
                number(100 * mean("counter_utilization"), 0),
                number(100 * mean("counter_minutes.sold") / mean("counter_minutes.available"), 0),
                number(mean("overtime_minutes"), 0),
            ]
        }
        func header(_ name: String) -> String { language.text("city.header." + name) }
        let headers =
            ["office", "kind", "counters", "arrivals_per_day", "booked", "served", "no_shows", "left", "wait"].map(
                header)
            + ["p90"] + extra.map(WaitQuantile.label)
            + [language.text("city.header.within_target", ["target": number(target, 0)])]
            + ["lead_days", "slot_utilization", "counter_utilization", "sold", "overtime"].map(header)
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
        areas.append(row(label: language.text("city.all_offices"), kind: "city", prefix: "overall"))
        let shown = limit.map { min($0, ranked.count) } ?? ranked.count
        var text =
            language.text(
                "city.title",
                [
                    "title": title, "replications": language.integer(replications), "days": language.integer(Int(days)),
                    "open": language.integer(Int(openDays)), "seed": String(seed),
                ]) + "\n"
        text +=
            (replications > 1
                ? language.text("city.note.counts_many")
                : language.text("city.note.counts_one", ["note": Self.singleReplicationNote(in: language)])) + "\n"
        text += language.text("city.note.legend") + "\n\n"
        text +=
            language.text(
                "city.offices_heading", ["shown": language.integer(shown), "total": language.integer(ranked.count)])
            + "\n" + offices.render()
        text += "\n" + language.text("city.areas_heading") + "\n" + areas.render()
        return text
    }
}
