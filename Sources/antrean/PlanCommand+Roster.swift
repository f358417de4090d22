import AntreanPlanning
import AntreanScenario
import Foundation

extension PlanCommand {
    /// `plan --by office,weekday,hour-block --roster-out FILE`: the hour-block roster found by
    /// simulation (``CityRosterModel`` for a city, ``QueueRosterModel`` for a queue scenario, under
    /// ``StaffingSearch``: each block starts at its analytic count and moves until it meets the target
    /// at the 95% bound, or reaches its cap), printed as the staffing table and written as a roster
    /// file that `simulate` runs.
    func planRoster(_ loaded: PlanningScenario, target: ServiceTarget, rosterOut: String) throws {
        guard by.contains("weekday"), by.contains("hour-block") else {
            throw CLIError("--roster-out needs --by office,weekday,hour-block")
        }
        let replications = report.replications ?? loaded.settings.replications
        let seed = report.seed ?? loaded.settings.seed
        var announce: (@Sendable (String) -> Void)?
        if ProgressReporter.shouldDraw(environment: ProcessInfo.processInfo.environment) {
            announce = { line in printToStandardError("  " + line) }
        }
        let folder = URL(fileURLWithPath: rosterOut).deletingLastPathComponent().path
        let include = RosterFile.relativePath(of: file, from: folder)
        let plan: StaffingPlan
        let rosterText: ([String]) -> String
        if let city = loaded.model as? CityScenarioModel {
            let offices = self.offices?.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            let model = try cliValue { try CityRosterModel(scenario: city.scenario, days: city.days, offices: offices) }
            plan = try cliValue { () throws -> StaffingPlan in
                try Self.search(
                    model, target: target, replications: replications, seed: seed, maxCounters: maxCounters,
                    threads: report.threadCount, progress: announce)
            }
            let staffed = try cliValue { try model.staffed(plan.counters) }
            rosterText = { RosterFile.yamlText(rosters: staffed.rosters, include: include, comment: $0) }
        } else if let queues = loaded.model as? QueueScenarioModel {
            guard offices == nil else {
                throw CLIError("--offices names offices of a city; \(file) is a queue scenario")
            }
            let model = try cliValue { try QueueRosterModel(scenario: queues.scenario) }
            plan = try cliValue { () throws -> StaffingPlan in
                try Self.search(
                    model, target: target, replications: replications, seed: seed, maxCounters: maxCounters,
                    threads: report.threadCount, progress: announce)
            }
            let staffed = try cliValue { try model.staffed(plan.counters) }
            rosterText = { RosterFile.queueYAMLText(rosters: staffed.rosters, include: include, comment: $0) }
        } else {
            throw CLIError("--roster-out needs a city or queue scenario")
        }
        let missed = plan.rows.filter { !$0.meetsTarget }.map(\.unit.id)
        let verdict =
            missed.isEmpty
            ? "every block meets the target at the 95% bound"
            : "NOT MET at \(missed.count) blocks (\(missed.prefix(5).joined(separator: ", "))) within the cap"
        var comment = [
            "Roster proposed by: antrean plan \(file) --by \(by) --target \"\(target)\"",
            "Checked by simulation: \(replications) replications, seed \(seed), \(plan.evaluations) candidates; \(verdict).",
            "Run it: antrean simulate \(rosterOut)",
        ]
        if !report.overrides.isEmpty {
            let given = report.overrides.map { "--param \($0)" }.joined(separator: " ")
            comment.append("Planned with \(given); pass them to simulate too.")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
            try Data(rosterText(comment).utf8).write(to: URL(fileURLWithPath: rosterOut))
        } catch {
            throw CLIError("\(rosterOut): cannot write the roster: \(error)", status: ExitStatus.cannotCreateOutput)
        }
        switch report.format {
        case .table: try report.emit(plan.tableText(title: loaded.title))
        case .json: try report.emit(plan.jsonText(title: loaded.title, file: file))
        case .csv: try report.emit(plan.csvText())
        }
        printToStandardError("wrote \(rosterOut): \(verdict)")
    }
}
