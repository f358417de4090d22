import ArgumentParser
import Foundation

@main
struct Antrean: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "antrean",
        abstract: "Plan and run the QR-code appointment queues of public-service offices.",
        discussion: """
            Simulate a scenario file (YAML) of queues or of a whole city, check a scenario without \
            running it, and replay booking traffic through the slot allocator.

            Start with:  antrean simulate Simulations/validation/mm5.yaml

            Exit status (after sysexits(3), the same in every command):
              0   success
              64  usage: an unknown command or option, a value out of range
              65  bad input data: a scenario, trace or configuration that breaks a rule
              66  an input file that does not exist or cannot be read
              70  internal error (a bug: please report it)
              73  an output file that cannot be created
              74  input/output error while reading or writing
              75  temporary failure, try again (e.g. a store held by another process)
            """,
        subcommands: [
            SimulateCommand.self, ValidateCommand.self, PlanCommand.self, CompareCommand.self, SweepCommand.self,
            MergeCommand.self, ReplayCommand.self, ScheduleCommand.self, SecretsCommand.self, FitCommand.self,
            ServeCommand.self, KeysCommand.self,
        ]
    )

    /// Parses and runs the command line, catching what the parser alone would get wrong: a value
    /// that is a negative number (`--replications -1`), a misspelt command name, and our own errors'
    /// exit statuses (``ExitStatus``).
    static func main() async {
        let arguments = CommandLineRepair.joiningNegativeValues(Array(CommandLine.arguments.dropFirst()))
        if let mistake = CommandLineRepair.unknownCommand(
            in: arguments, known: configuration.subcommands.compactMap { $0.configuration.commandName })
        {
            printToStandardError("error: \(mistake)")
            printToStandardError("Run 'antrean help' for the commands.")
            exit(withError: ExitStatus.usage)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            printToStandardError("error: \(error.description)")
            exit(withError: error.status)
        } catch {
            // The parser's own errors keep their statuses (64 usage, 0 for help); anything else that
            // reaches here was not foreseen by any command: an internal error.
            guard exitCode(for: error) == .failure else { exit(withError: error) }
            printToStandardError("error: \(error)")
            exit(withError: ExitStatus.internalError)
        }
    }
}
