import ArgumentParser

@main
struct Antrean: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "antrean",
        abstract: "Plan and run the QR-code appointment queues of public-service offices.",
        subcommands: []
    )
}
