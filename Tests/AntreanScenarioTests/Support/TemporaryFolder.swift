import AntreanScenario
import Foundation

/// A fresh folder under the system's temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A valid one-queue scenario (service on line 8) with `service`, and `patience` when given.
func queueScenario(
    service: String = "exponential(mean=1m)", patience: String? = nil, arrivals: String = "0.5/min",
    run: String = "arrivals: 1000"
) -> String {
    """
    name: test
    run:
      \(run)
    queues:
      main:
        counters: 1
        arrivals: \(arrivals)
        service: \(service)

    """ + (patience.map { "    patience: \($0)\n" } ?? "")
}

/// Loads a scenario from text, as the fuzzer and tests do.
func loadScenario(_ text: String, file: String = "test.yaml") throws -> Scenario {
    try Scenario.load(yaml: Array(text.utf8), file: file)
}

/// The `ScenarioError` `body` throws, or nil (recorded as a test issue by the caller's #expect).
func scenarioError(_ body: () throws -> Any) -> ScenarioError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? ScenarioError
    }
}
