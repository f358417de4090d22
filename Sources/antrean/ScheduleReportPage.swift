import AntreanLocalization
import AntreanPlanning
import AntreanSchedule
import ArgumentParser
import Foundation

extension ScheduleCommand {
    /// The idle : wait weight ratios of the one-session report's frontier.
    static let frontierRatios: [Double] = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20]

    /// `--report` of the one-session form: the three schedules' shapes and the frontier of optima as
    /// the idle weight varies against the wait weight (each ratio re-optimised with the same search).
    func writeSessionReport(
        _ settings: ScheduleSettings, outcome: ScheduleOutcome, neighbourhood: Neighbourhood, to path: String
    ) throws {
        let language = try self.language.language()
        var frontier: [(label: String, idle: Double, wait: Double, places: [Int])] = []
        for ratio in Self.frontierRatios {
            var varied = settings
            do {
                varied.weights = try ScheduleWeights(wait: 1, idle: ratio, overtime: settings.weights.overtime)
                let optimum = try ScheduleOutcome.compute(varied, neighbourhood: neighbourhood, progress: { _ in })
                guard let row = optimum.rows.first else { continue }
                frontier.append(
                    (
                        language == .id
                            ? String(format: "%g", ratio).replacingOccurrences(of: ".", with: ",")
                            : String(format: "%g", ratio), row.evaluation.idleMinutes, row.evaluation.waitMinutes,
                        row.places
                    ))
            } catch {
                throw ValidationError(error.message)
            }
        }
        let weights = settings.weights
        let page = ScheduleReport.sessionPage(
            subtitle: language.text(
                "schedule.page.session_subtitle",
                [
                    "citizens": language.integer(settings.citizens), "intervals": language.integer(settings.intervals),
                    "interval": language.number(
                        settings.intervalMinutes,
                        decimals: settings.intervalMinutes == settings.intervalMinutes.rounded() ? 0 : 2),
                    "wait": language.shortest(weights.wait), "idle": language.shortest(weights.idle),
                    "overtime": language.shortest(weights.overtime),
                ]),
            intervalMinutes: settings.intervalMinutes,
            schedules: outcome.rows.map { row in
                ScheduleReport.SessionFigures(
                    name: row.name, places: row.places, wait: row.evaluation.waitMinutes,
                    idle: row.evaluation.idleMinutes, overtime: row.evaluation.overtimeMinutes,
                    makespan: row.evaluation.makespanMinutes, objective: row.evaluation.objective)
            },
            frontier: frontier.map { ($0.label, $0.idle, $0.wait, $0.places) }, language: language)
        try writeScheduleReport(page, to: path)
    }
}

/// Writes an HTML page and its CSV tables; an unwritable path exits with status 73.
func writeScheduleReport(_ page: HTMLReport, to path: String) throws {
    do {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try page.write(to: path)
    } catch {
        throw CLIError(
            "\(path): cannot write the report: \(error.localizedDescription)", status: ExitStatus.cannotCreateOutput)
    }
    FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
}
