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
        var frontier: [(label: String, idle: Double, wait: Double, places: [Int])] = []
        for ratio in Self.frontierRatios {
            var varied = settings
            do {
                varied.weights = try ScheduleWeights(wait: 1, idle: ratio, overtime: settings.weights.overtime)
                let optimum = try ScheduleOutcome.compute(varied, neighbourhood: neighbourhood, progress: { _ in })
                guard let row = optimum.rows.first else { continue }
                frontier.append(
                    (
                        String(format: "%g", ratio), row.evaluation.idleMinutes, row.evaluation.waitMinutes,
                        row.places
                    ))
            } catch {
                throw ValidationError(error.message)
            }
        }
        let figures = outcome.rows.map { row in
            [
                row.name, Language.en.number(row.evaluation.waitMinutes, decimals: 3),
                Language.en.number(row.evaluation.idleMinutes, decimals: 3),
                Language.en.number(row.evaluation.overtimeMinutes, decimals: 3),
                Language.en.number(row.evaluation.makespanMinutes, decimals: 3),
                Language.en.number(row.evaluation.objective, decimals: 3),
                row.places.map(String.init).joined(separator: " "),
            ]
        }
        let page = ScheduleReport.sessionPage(
            subtitle: "\(settings.citizens) citizens in \(settings.intervals) intervals of "
                + "\(Language.en.number(settings.intervalMinutes, decimals: 3)) min; objective = "
                + "\(settings.weights.wait) × wait + \(settings.weights.idle) × idle + "
                + "\(settings.weights.overtime) × overtime",
            intervalMinutes: settings.intervalMinutes, schedules: outcome.rows.map { ($0.name, $0.places) },
            figures: figures, frontier: frontier)
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
