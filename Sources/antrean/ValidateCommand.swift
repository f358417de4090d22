import AntreanCity
import AntreanQueueing
import AntreanScenario
import ArgumentParser
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file without running it.",
        discussion: """
            Reads the file and everything it includes, checks every field, and prints what it \
            describes, with an estimate of what a run costs. An error names the file, line, column and \
            field, and exits with status 65 (66 for a file that is missing or cannot be read; see \
            `antrean help`); a scenario whose run would need absurd time or memory is refused with the \
            estimate.

            Examples:
              antrean validate Simulations/samarinda.yaml
              antrean validate Simulations/validation/mm5.yaml \\
                --param queues.counters.counters=6
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(
        name: .customLong("param"), help: ArgumentHelp("Override a field, as in simulate.", valueName: "PATH=VALUE"))
    var overrides: [String] = []

    func run() throws {
        let scenario = try loadScenario(file, overrides: overrides)
        switch scenario {
        case .queues(let queues):
            let workload = try checkWorkload(scenario, file: file, replications: queues.run.replications)
            var lines = ["\(file): OK — \(queues.name): \(queues.spec.queues.count) queue(s)"]
            for queue in queues.spec.queues {
                lines.append("  \(queue.name): \(queue.counters) counter(s), \(queue.discipline.rawValue)")
            }
            lines.append("  estimate: \(workload.summary)")
            print(lines.joined(separator: "\n"))
        case .city(let city):
            let model = city.model
            _ = try scenarioValue { try CitySimulation(model) }
            let workload = try checkWorkload(scenario, file: file, replications: city.run.replications)
            let counts = Dictionary(grouping: model.offices, by: \.kind).mapValues(\.count)
            let kinds = OfficeKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
            print(
                "\(file): OK — \(model.name): \(model.offices.count) offices (\(kinds.joined(separator: ", "))) "
                    + "in \(model.kecamatan.count) kecamatan, \(model.services.count) services, "
                    + "\(model.offices.reduce(0) { $0 + $1.counters }) counters; policy \(model.policy), "
                    + "check-in by \(model.checkIn.rawValue)\n  estimate: \(workload.summary)")
        }
    }
}
