import AntreanCity
import AntreanScenario
import Benchmark
import Foundation

/// The bundled Samarinda scenario (70 offices), found from this file so that the benchmark runs
/// from any working directory.
enum BundledCity {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Simulations/samarinda.yaml").path

    static let simulation: CitySimulation = {
        guard case .city(let scenario) = try! Scenario.load(path: path) else { fatalError("\(path) is not a city") }
        return try! CitySimulation(scenario.model)
    }()
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput]

    // Issue target: one replication of a working year (250 measured days) under 1 s on one core,
    // under 200 MB. The measured figures are in the README.
    Benchmark(
        "City year: 250 days, one replication",
        configuration: .init(metrics: metrics, maxDuration: .seconds(60), maxIterations: 5)
    ) { benchmark in
        let simulation = BundledCity.simulation
        benchmark.startMeasurement()
        blackHole(simulation.run(days: 250, seed: 20_261_123, replication: 0))
    }

    Benchmark(
        "City month: 20 days, one replication",
        configuration: .init(metrics: metrics, maxDuration: .seconds(30), maxIterations: 20)
    ) { benchmark in
        let simulation = BundledCity.simulation
        benchmark.startMeasurement()
        blackHole(simulation.run(days: 20, seed: 20_261_123, replication: 0))
    }
}
