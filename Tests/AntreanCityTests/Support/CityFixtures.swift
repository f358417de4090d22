import AntreanCity
import AntreanEngine
import AntreanScenario
import Foundation
import Testing

/// Scenario files the city tests load through `Scenario.load`, so that they exercise the real decoding.
enum CityFixtures {
    /// A file in this target's Fixtures folder.
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    /// The repository's root (for Simulations/…), found from this source file.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func simulation(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Simulations/\(name)").path
    }

    /// Loads a city scenario or records why it could not be loaded.
    static func city(at path: String, overrides: [String] = []) throws -> CityScenario {
        guard case .city(let scenario) = try Scenario.load(path: path, overrides: overrides) else {
            throw FixtureError("\(path) is not a city scenario")
        }
        return scenario
    }

    static func fixture(_ name: String, overrides: [String] = []) throws -> CityScenario {
        try city(at: path(name), overrides: overrides)
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

extension MetricSample {
    /// Every metric, with NaN written as a marker so that two samples compare bit for bit
    /// (a mean wait of an office nobody visited is NaN, and NaN ≠ NaN).
    var exactValues: [String: UInt64] { values.mapValues(\.bitPattern) }
}
