import ArgumentParser

@main
struct Antrean: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "antrean",
        abstract: "Plan and run the QR-code appointment queues of public-service offices.",
        discussion: """
            Simulate a scenario file (YAML) of queues or of a whole city, check a scenario without \
            running it, and replay booking traffic through the slot allocator.

            Start with:  antrean simulate Simulations/validation/mm5.yaml
            """,
        subcommands: [
            SimulateCommand.self, ValidateCommand.self, PlanCommand.self, CompareCommand.self, SweepCommand.self,
            MergeCommand.self, ReplayCommand.self, ScheduleCommand.self, SecretsCommand.self,
        ]
    )
}
