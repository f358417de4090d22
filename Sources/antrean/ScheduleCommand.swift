import AntreanEngine
import AntreanLocalization
import AntreanPlanning
import AntreanScenario
import AntreanSchedule
import ArgumentParser
import Foundation

/// `antrean schedule`: the optimal places-per-interval vector of one appointment session.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Optimise an appointment schedule: how many citizens to book at the start of each interval.",
        discussion: """
            One session of --intervals intervals of --interval minutes at one counter (or \
            --counters), with --citizens citizens to place. The search minimises

              objective = wait × W + idle × D + overtime × T

            where W is the mean wait per arriving citizen, D the expected idle counter-minutes \
            within the session and T the expected minutes past the session's end until the last \
            citizen is done (all in minutes), with the --weights given.

            For exponential service, one counter and punctual citizens without walk-ins the figures are exact \
            (Kaandorp & Koole 2007, Health Care Management Science 10:217-229) and the large \
            neighbourhood's result is the global optimum. Otherwise (another --service \
            distribution, --counters > 1, --lateness, --walk-ins) every schedule is simulated on common random \
            numbers (--replications, --seed) and a move is taken only on a significant paired \
            improvement. The optimum is printed beside the individual schedule (one every I/N \
            intervals) and Bailey-Welch (two at the start, then the individual spacing).

            Examples:
              antrean schedule --citizens 12 --intervals 12 --interval 10m
              antrean schedule --citizens 14 --intervals 12 --no-show 15% --format json
              antrean schedule --citizens 12 --intervals 12 --weights wait=1,idle=3
              antrean schedule --citizens 40 --intervals 48 --neighbourhood small
              antrean schedule --citizens 16 --intervals 8 --counters 2 --replications 500
              antrean schedule --citizens 12 --intervals 12 --lateness "normal(0m, 5m)"
              antrean schedule --citizens 12 --intervals 12 --walk-ins 2 --replications 300

            --report page.html draws the schedules' shapes and the wait/idle frontier: the optimum \
            re-computed for idle : wait weight ratios from 0.05 to 20.

            The scenario form, antrean schedule CITY.yaml, optimises each office's appointment \
            templates (the interval length and the places per interval from opening, per service and \
            weekday; each place its own appointment minute) by simulation through the real allocator: reserves, walk-ins, priority citizens, no-shows \
            rising with lead time and breaks all act. The objective is the same, per office and open \
            day: the mean wait of every citizen who waited, idle counter-minutes within opening hours \
            and minutes past closing. Under the home-earliest policy each office is simulated alone \
            (its citizens book nowhere else), one office per thread. Every candidate runs on the same \
            --search-replications replications of --search-days days (common random numbers). The search \
            first tries every interval length of 5, 10, 15, 20 and 30 minutes that divides the day with \
            uniform, Bailey-Welch and dome-shaped places, then moves (an hour of places shifted by an \
            hour or one interval); a change is kept only on a significant paired improvement. --out writes the templates (appointment_templates: entries); the \
            output is a paired comparison of the current and the optimized templates on fresh \
            replications (--replications, --days): booked and walk-in citizens' mean and p90 wait, \
            idle and overtime minutes per day, citizens turned away. --report adds the wait/idle \
            frontier: the search re-run with the idle weight × 0, 0.25, 1, 4 and 16.

            Examples:
              antrean schedule --citizens 12 --intervals 12 --report /tmp/schedule.html
              antrean schedule Simulations/samarinda.yaml --office kec_sambutan
              antrean schedule Simulations/samarinda.yaml --office mpp --out t.yaml
              antrean schedule Simulations/samarinda.yaml --office bantuas --format json

            Exit status 64 for a bad option (all-zero weights, negative values, a session too \
            large, an unknown office or weekday); 65 for a bad scenario; 73 for an unwritable file.
            """
    )

    @Argument(help: "A city scenario whose offices' appointment templates to optimise (the scenario form).")
    var scenario: String?

    @Option(help: "Citizens to place in the session (N); the one-session form.")
    var citizens: Int?

    @Option(help: "Intervals in the session (I); the one-session form.")
    var intervals: Int?

    @Option(help: "Length of one interval, e.g. 10m.")
    var interval: String = "10m"

    @Option(help: "Service-time distribution, e.g. \"exponential(mean=10m)\" or \"lognormal(mean=12m, sd=6m)\".")
    var service: String = "exponential(mean=10m)"

    @Option(name: .customLong("no-show"), help: "Probability that a booked citizen does not come, e.g. 10% or 0.1.")
    var noShow: String = "0%"

    @Option(help: "Objective weights, e.g. wait=1,idle=1,overtime=1 (missing ones are 0).")
    var weights: String = "wait=1,idle=1,overtime=1"

    @Option(
        help: """
            small (one citizen one interval) or large (every combination; the exact optimum). \
            Default: large when exact with at most 20 intervals, else small.
            """)
    var neighbourhood: NeighbourhoodChoice?

    @Option(help: "Counters serving the session (more than 1 evaluates by simulation).")
    var counters: Int = 1

    @Option(help: "Arrival minus appointment time, e.g. \"normal(mean=0m, sd=5m)\" (simulation).")
    var lateness: String?

    @Option(
        name: .customLong("walk-ins"),
        help: "Citizens without an appointment per hour, arriving at random over the session (simulation).")
    var walkIns: Double = 0

    @Option(
        help: """
            Replications per schedule when simulating one session (default 1000); in the scenario \
            form, the paired comparison's replications (default: the scenario's run.replications).
            """)
    var replications: Int?

    @OptionGroup var city: ScheduleScenarioOptions

    @Option(help: "Master seed of the simulation's random streams (default 1; the scenario's run.seed).")
    var seed: UInt64?

    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @OptionGroup var language: LanguageOptions

    @Flag(help: "CSV: add a row of column names in the --lang language above the row of column keys.")
    var csvHeaderNames = false

    @Option(help: "Write the result to this file instead of standard output.")
    var output: String?

    static let largestCount = 10_000
    /// The large neighbourhood's scan doubles with every interval: ≈ 1.3 s at 20 intervals, ≈ 45 s at 24.
    static let largestDefaultLarge = 20

    enum NeighbourhoodChoice: String, ExpressibleByArgument, CaseIterable {
        case small, large
        var neighbourhood: Neighbourhood { self == .small ? .small : .large }
    }

    func validate() throws {
        if scenario != nil {
            try city.validate(citizens: citizens, intervals: intervals, replications: replications)
            _ = try Self.weights(weights)
            return
        }
        try city.validateSessionForm()
        guard let citizens, let intervals else {
            throw ValidationError(
                "give a city scenario (antrean schedule FILE.yaml) or one session's --citizens and --intervals")
        }
        // The evaluators check their own (smaller) limits; these keep the reference schedules finite.
        guard (1...Self.largestCount).contains(citizens) else {
            throw ValidationError("--citizens must be between 1 and \(Self.largestCount), got \(citizens)")
        }
        guard (1...Self.largestCount).contains(intervals) else {
            throw ValidationError("--intervals must be between 1 and \(Self.largestCount), got \(intervals)")
        }
        guard walkIns.isFinite, (0...10_000).contains(walkIns) else {
            throw ValidationError("--walk-ins must be a rate per hour in 0…10000, got \(walkIns)")
        }
        guard counters >= 1 else { throw ValidationError("--counters must be at least 1, got \(counters)") }
        guard (replications ?? 2) >= 2 else { throw ValidationError("--replications must be at least 2") }
        try parsedSettings().checkEvaluatorLimits()
    }

    /// The output files, checked first in `run()` (after the usage checks of `validate()`).
    private func checkOutputs() throws {
        try OutputPaths.ensureWritable(output, option: "--output")
        try OutputPaths.ensureWritable(city.out, option: "--out")
        try OutputPaths.ensureWritable(city.report, option: "--report", createsFolders: true)
    }

    func run() throws {
        try checkOutputs()
        if let scenario {
            try runScenario(scenario)
            return
        }
        let settings = try parsedSettings()
        let started = Date()
        var lastReport = started
        let progress: (SearchProgress) -> Void = { step in
            let now = Date()
            guard now.timeIntervalSince(started) >= 1, now.timeIntervalSince(lastReport) >= 0.5 else { return }
            lastReport = now
            printToStandardError(
                "schedule: \(step.neighbourhood.rawValue) neighbourhood, \(step.moves) moves, "
                    + "\(step.neighboursExamined) neighbours examined, objective "
                    + String(format: "%.3f", step.objective)
                    + String(format: " (%.1f s)", now.timeIntervalSince(started)))
        }
        let outcome: ScheduleOutcome
        let chosenNeighbourhood: Neighbourhood
        do {
            let chosen =
                neighbourhood?.neighbourhood
                ?? (settings.isExact && settings.intervals <= Self.largestDefaultLarge ? .large : .small)
            if chosen == .large && settings.intervals > Self.largestDefaultLarge {
                printToStandardError(
                    "schedule: the large neighbourhood has 2^\(settings.intervals) schedules per step; "
                        + "above \(Self.largestDefaultLarge) intervals this can take very long (try --neighbourhood small)"
                )
            }
            chosenNeighbourhood = chosen
            outcome = try ScheduleOutcome.compute(settings, neighbourhood: chosen, progress: progress)
        } catch {
            throw ValidationError(error.message)
        }
        let text: String
        switch format {
        case .table: text = outcome.table(settings, language: try language.language())
        case .json: text = outcome.json()
        case .csv:
            text =
                csvHeaderNames ? CSV.withHeaderNames(outcome.csv(), language: try language.language()) : outcome.csv()
        }
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                printToStandardError("error: cannot write \(output): \(error.localizedDescription)")
                throw ExitStatus.cannotCreateOutput
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if let report = city.report {
            try writeSessionReport(settings, outcome: outcome, neighbourhood: chosenNeighbourhood, to: report)
        }
    }

    /// The options turned into numbers; every mistake a `ValidationError` (exit status 64).
    func parsedSettings() throws -> ScheduleSettings {
        guard let citizens, let intervals else {
            throw ValidationError("--citizens and --intervals are needed for one session")
        }
        guard let intervalMinutes = Quantities.minutes(interval), intervalMinutes > 0 else {
            throw ValidationError("--interval needs a positive duration with a unit, e.g. 10m (got \"\(interval)\")")
        }
        // A session is one day's opening hours at most (an office's template is one day's).
        guard Double(intervals) * intervalMinutes <= 1_440 else {
            throw ValidationError(
                "--intervals × --interval: \(intervals) intervals of \(interval) last "
                    + String(format: "%.0f", Double(intervals) * intervalMinutes)
                    + " min, longer than a day (1440 min)")
        }
        guard let noShowProbability = Self.share(noShow), noShowProbability >= 0, noShowProbability < 1 else {
            throw ValidationError("--no-show must be a share in [0%, 100%), e.g. 10% or 0.1 (got \"\(noShow)\")")
        }
        let serviceDistribution = try Self.distribution(service, option: "--service")
        let latenessDistribution = try lateness.map { text throws -> Distribution in
            try Self.distribution(text, option: "--lateness")
        }
        return ScheduleSettings(
            citizens: citizens, intervals: intervals, intervalMinutes: intervalMinutes,
            noShowProbability: noShowProbability, service: serviceDistribution, lateness: latenessDistribution,
            counters: counters, walkInsPerHour: walkIns, replications: replications ?? 1_000, seed: seed ?? 1,
            weights: try Self.weights(weights))
    }

    static func share(_ text: String) -> Double? {
        let trimmed = text.filter { !$0.isWhitespace }
        if trimmed.hasSuffix("%") { return Double(trimmed.dropLast()).map { $0 / 100 } }
        return Double(trimmed)
    }

    static func distribution(_ text: String, option: String) throws -> Distribution {
        do {
            return try ScenarioNode(.scalar(text, .commandLine(option))).distribution()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// `wait=1,idle=2,overtime=0.5` → weights; unknown names, bad numbers, negatives and all-zero rejected.
    static func weights(_ text: String) throws -> ScheduleWeights {
        var values = ["wait": 0.0, "idle": 0.0, "overtime": 0.0]
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, values[pair[0]] != nil else {
                throw ValidationError(
                    "--weights takes name=value pairs for wait, idle and overtime, e.g. wait=1,idle=1,overtime=1 "
                        + "(got \"\(part)\")")
            }
            guard let value = Double(pair[1]), value.isFinite else {
                throw ValidationError("--weights: \(pair[0]) must be a number (got \"\(pair[1])\")")
            }
            values[pair[0]] = value
        }
        do {
            return try ScheduleWeights(
                wait: values["wait"] ?? 0, idle: values["idle"] ?? 0, overtime: values["overtime"] ?? 0)
        } catch {
            throw ValidationError("--weights: \(error.message)")
        }
    }
}
