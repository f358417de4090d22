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
            describes. An error names the file, line, column and field, and exits with status 65 (66 when \
            the file cannot be read; see `antrean help`).

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
        switch try loadScenario(file, overrides: overrides) {
        case .queues(let scenario):
            var lines = ["\(file): OK — \(scenario.name): \(scenario.spec.queues.count) queue(s)"]
            for queue in scenario.spec.queues {
                lines.append("  \(queue.name): \(queue.counters) counter(s), \(queue.discipline.rawValue)")
            }
            print(lines.joined(separator: "\n"))
        case .city(let scenario):
            let model = scenario.model
            _ = try cliValue { try CitySimulation(model) }
            let counts = Dictionary(grouping: model.offices, by: \.kind).mapValues(\.count)
            let kinds = OfficeKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
            print(
                "\(file): OK — \(model.name): \(model.offices.count) offices (\(kinds.joined(separator: ", "))) "
                    + "in \(model.kecamatan.count) kecamatan, \(model.services.count) services, "
                    + "\(model.offices.reduce(0) { $0 + $1.counters }) counters; policy \(model.policy), "
                    + "check-in by \(model.checkIn.rawValue)")
        }
    }
}
