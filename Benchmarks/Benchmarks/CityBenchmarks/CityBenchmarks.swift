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

    static let model: CityModel = {
        guard case .city(let scenario) = try! Scenario.load(path: path) else { fatalError("\(path) is not a city") }
        return scenario.model
    }()

    /// As bundled: booked citizens checked in at the desk by booking number (`check_in: booking_reference`).
    static let simulation = try! CitySimulation(model)

    /// The same city with every booked arrival's QR token issued and verified (`check_in: qr_token`).
    static let simulationByToken: CitySimulation = {
        var byToken = model
        byToken.checkIn = .qrToken
        return try! CitySimulation(byToken)
    }()
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput]

    // Issue target: one replication of a working year under 1 s on one core, under 200 MB. A working
    // year is ≈ 250 open days: 365 calendar days (the scenario's weekends and holidays leave 255 open).
    // The measured figures are in the README.
    /// One replication of `days` calendar days; the simulation is built before the clock starts.
    func replication(
        _ name: String, days: Int, seconds: Int, iterations: Int, _ simulation: @escaping @Sendable () -> CitySimulation
    ) {
        Benchmark(
            name, configuration: .init(metrics: metrics, maxDuration: .seconds(seconds), maxIterations: iterations)
        ) { benchmark in
            let simulation = simulation()
            benchmark.startMeasurement()
            blackHole(simulation.run(days: days, seed: 20_261_123, replication: 0))
        }
    }

    replication("City year: 365 days (255 open), one replication", days: 365, seconds: 60, iterations: 5) {
        BundledCity.simulation
    }
    replication(
        "City year, QR check-in: 365 days (255 open), one replication", days: 365, seconds: 60, iterations: 5
    ) { BundledCity.simulationByToken }
    replication("City month: 30 days (21 open), one replication", days: 30, seconds: 30, iterations: 20) {
        BundledCity.simulation
    }
}
