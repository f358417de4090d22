/// What a scenario file describes. `antrean simulate` and `antrean validate` accept any of these.
public enum Scenario: Sendable {
    case queues(QueueScenario)
    case city(CityScenario)

    /// Loads a scenario file (with its includes), applies `PATH=VALUE` overrides, and decodes it
    /// according to its `model:` field, or to its content when that is absent (`queues:` → queues).
    public static func load(path: String, overrides: [String] = []) throws(ScenarioError) -> Scenario {
        var document = try ScenarioDocument.load(path: path)
        for assignment in overrides { try document.override(assignment) }
        return try decode(document)
    }

    /// Loads a scenario from bytes in memory, named `file` in errors (includes are read relative to
    /// it), with every check `load(path:)` makes: any bytes give a scenario or a `ScenarioError`.
    public static func load(yaml bytes: [UInt8], file: String, overrides: [String] = []) throws(ScenarioError)
        -> Scenario
    {
        var document = try ScenarioDocument.load(yaml: bytes, file: file)
        for assignment in overrides { try document.override(assignment) }
        return try decode(document)
    }

    public static func decode(_ document: ScenarioDocument) throws(ScenarioError) -> Scenario {
        let root = document.node
        guard case .mapping(let entries, _) = root.value else {
            throw root.error("a scenario file must be a mapping of fields (name, run, queues, …)")
        }
        let declared = entries.first { $0.key == "model" }
        let model: String
        if let declared {
            model = try ScenarioNode(declared.value, path: "model").text()
        } else if entries.contains(where: { $0.key == "queues" }) {
            model = "queues"
        } else if entries.contains(where: { $0.key == "offices" }) {
            model = "city"
        } else {
            throw root.error("cannot tell what this scenario models: add \"model: queues\" or \"model: city\"")
        }
        switch model {
        case "queues": return .queues(try QueueScenario(document: document))
        case "city": return .city(try CityScenario(document: document))
        default:
            throw ScenarioError(
                location: declared?.value.location ?? root.location, field: "model",
                message: "unknown model \"\(model)\"; known: queues, city")
        }
    }
}
