import AntreanCity
import AntreanPlanning
import AntreanScenario
import AntreanSchedule
import ArgumentParser
import Foundation

/// The options of `antrean schedule SCENARIO.yaml` (the scenario form).
struct ScheduleScenarioOptions: ParsableArguments {
    @Option(help: "Optimise only this office's templates (an office id of the scenario).")
    var office: String?

    @Option(help: "Optimise only this weekday's templates, e.g. tuesday.")
    var weekday: String?

    @Option(help: "Write the optimised templates to this file (appointment_templates: entries).")
    var out: String?

    @Option(help: "Write an HTML page: the templates' shape and the wait/idle trade-off as the weights vary.")
    var report: String?

    @Option(name: .customLong("search-days"), help: "Measured days of each replication of the search.")
    var searchDays: Int = 21

    @Option(name: .customLong("search-replications"), help: "Replications every candidate is judged on.")
    var searchReplications: Int = 8

    @Option(name: .customLong("max-evaluations"), help: "Candidate templates simulated per office at most.")
    var maximumEvaluations: Int = 60

    @Option(help: "Measured days of the paired comparison (default: the scenario's run.days).")
    var days: Int?

    @Option(help: "Worker threads (default: all cores). Never changes the numbers.")
    var threads: Int?

    var threadCount: Int { max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount) }

    /// Throws when an option of the scenario form is given without a scenario.
    func validateSessionForm() throws {
        let given = [
            ("--office", office != nil), ("--weekday", weekday != nil), ("--out", out != nil), ("--days", days != nil),
        ].filter(\.1).map(\.0)
        if let first = given.first {
            throw ValidationError("\(first) belongs to the scenario form: antrean schedule CITY.yaml \(first) …")
        }
    }

    func validate(citizens: Int?, intervals: Int?, replications: Int?) throws {
        if citizens != nil || intervals != nil {
            throw ValidationError(
                "--citizens and --intervals belong to the one-session form; the scenario form reads the offices' "
                    + "sessions from the scenario")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let days, !(1...3_660).contains(days) { throw ValidationError("--days must lie in 1…3660, got \(days)") }
        if let replications, replications < 2 {
            throw ValidationError("--replications must be at least 2 for a paired comparison, got \(replications)")
        }
    }
}

extension ScheduleCommand {
    /// Optimises the scenario's templates, writes them (--out), compares current and optimised.
    func runScenario(_ path: String) throws {
        guard case .city(let scenario) = try loadScenario(path, overrides: []) else {
            throw ValidationError("\(path): the scenario form of antrean schedule needs a city scenario (model: city)")
        }
        let objectiveWeights = try Self.weights(weights)
        let masterSeed = seed ?? scenario.run.seed
        let scope: TemplateScope
        let settings: TemplateSearchSettings
        do {
            scope = try TemplateScope(model: scenario.model, office: city.office, weekday: city.weekday)
            settings = try TemplateSearchSettings(
                weights: objectiveWeights, days: city.searchDays,
                warmUpDays: min(scenario.model.calendar.warmUpDays, 7), replications: city.searchReplications,
                seed: masterSeed, maximumEvaluations: city.maximumEvaluations)
        } catch {
            throw ValidationError(error.description)
        }
        if !scenario.model.officesAreIndependent {
            printToStandardError(
                "schedule: policy \(scenario.model.policy) lets citizens book at other offices, so every candidate "
                    + "simulates the whole city (slow); home-earliest simulates one office at a time")
        }
        let started = Date()
        // One office: progress by candidate (at most --max-evaluations of them); several: by office.
        let single = scope.offices.count == 1
        let search = ProgressReporter(
            total: single ? settings.maximumEvaluations : scope.offices.count,
            label: single ? "schedule: candidates" : "schedule: offices")
        var officeDone: (@Sendable (Int, Int) -> Void)?
        var candidateDone: (@Sendable () -> Void)?
        if single {
            candidateDone = { search.advance() }
        } else {
            officeDone = { _, _ in search.advance() }
        }
        let results: [OfficeTemplateResult]
        do {
            results = try TemplateSearch.optimize(
                scope, settings: settings, threads: city.threadCount, progress: officeDone,
                candidateSimulated: candidateDone)
        } catch {
            throw CLIError("\(path): \(error.description)", status: ExitStatus.badInput)
        }
        search.finish()
        let searchSeconds = Date().timeIntervalSince(started)
        printToStandardError(
            String(
                format: "schedule: %d offices × %d weekdays searched in %.1f s", scope.offices.count,
                scope.weekdays.count, searchSeconds))
        var current: CityTemplates = [:]
        var optimized: CityTemplates = [:]
        for result in results {
            current.merge(result.current) { a, _ in a }
            optimized.merge(result.optimized) { a, _ in a }
        }
        if let out = city.out {
            let text = TemplateFile.yaml(
                optimized.filter { current[$0.key] != $0.value }, model: scenario.model,
                header: """
                    Appointment templates optimised by
                      antrean schedule \(path) --weights \(weights) --seed \(masterSeed) \
                    --search-days \(settings.days) --search-replications \(settings.replications) \
                    --max-evaluations \(settings.maximumEvaluations)\(city.office.map { " --office \($0)" } ?? "")\
                    \(city.weekday.map { " --weekday \($0)" } ?? "") --out \(URL(fileURLWithPath: out).lastPathComponent)
                    Only the templates that changed are listed (the others stay as the scenario has them).
                    places: total places (reserves included) per interval from opening; each place gets its own
                    appointment minute inside the interval (docs/templates.md).
                    """)
            do {
                try text.write(toFile: out, atomically: true, encoding: .utf8)
            } catch {
                throw CLIError(
                    "\(out): cannot write: \(error.localizedDescription)", status: ExitStatus.cannotCreateOutput)
            }
        }
        let replicationsUsed = replications ?? scenario.run.replications
        let daysUsed = city.days ?? scenario.days
        let comparing = ProgressReporter(total: 2 * replicationsUsed, label: "schedule: comparison")
        let comparison: PairedComparison
        do {
            comparison = try TemplateComparison.compare(
                scope, current: current, optimized: optimized, weights: objectiveWeights, days: daysUsed,
                replications: replicationsUsed, seed: masterSeed, threads: city.threadCount,
                progress: { _, _ in comparing.advance() })
        } catch {
            throw CLIError("\(path): \(error.description)", status: ExitStatus.badInput)
        }
        comparing.finish()
        let outcome = ScheduleScenarioOutcome(
            results: results, comparison: comparison, weights: objectiveWeights, scope: scope,
            days: daysUsed)
        let text: String
        switch format {
        case .table: text = outcome.table(language: try language.language())
        case .json: text = outcome.json()
        case .csv:
            text =
                csvHeaderNames ? CSV.withHeaderNames(outcome.csv(), language: try language.language()) : outcome.csv()
        }
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw CLIError(
                    "\(output): cannot write: \(error.localizedDescription)", status: ExitStatus.cannotCreateOutput)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if let report = city.report {
            let tracing = ProgressReporter(
                total: TemplateFrontier.multipliers.count * scope.offices.count, label: "schedule: frontier")
            let frontier: [TemplateFrontierPoint]
            do {
                frontier = try TemplateFrontier.points(
                    scope, settings: settings, threads: city.threadCount, progress: { _, _ in tracing.advance() })
            } catch {
                throw CLIError("\(path): \(error.description)", status: ExitStatus.badInput)
            }
            tracing.finish()
            try writeScheduleReport(
                ScheduleReport.scenarioPage(
                    outcome: outcome, current: current, optimized: optimized, frontier: frontier,
                    language: try language.language()),
                to: report)
        }
    }
}
