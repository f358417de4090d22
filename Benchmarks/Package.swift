// swift-tools-version: 6.1
// Antrean's benchmarks, a package of their own so that the library's users never build them.
// Run from this folder: `swift package benchmark` (see README.md, "Benchmarks").
import PackageDescription

let benchmarkSettings: [SwiftSetting] = []

let package = Package(
    name: "AntreanBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Antrean", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AntreanEngine", package: "Antrean"),
                .product(name: "AntreanQueueing", package: "Antrean"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Plain release executables for wall-clock comparisons (compare-peers.sh, event-set sizes).
        .executableTarget(
            name: "mmc-throughput",
            dependencies: [
                .product(name: "AntreanEngine", package: "Antrean"),
                .product(name: "AntreanQueueing", package: "Antrean"),
            ],
            path: "Sources/mmc-throughput"
        ),
        .executableTarget(
            name: "replications-throughput",
            dependencies: [
                .product(name: "AntreanEngine", package: "Antrean"),
                .product(name: "AntreanQueueing", package: "Antrean"),
            ],
            path: "Sources/replications-throughput"
        ),
        .executableTarget(
            name: "schedule-timing",
            dependencies: [.product(name: "AntreanSchedule", package: "Antrean")],
            path: "Sources/schedule-timing"
        ),
        .executableTarget(
            name: "pooled-counters",
            dependencies: [
                .product(name: "AntreanAllocator", package: "Antrean"),
                .product(name: "AntreanCity", package: "Antrean"),
                .product(name: "AntreanScenario", package: "Antrean"),
                .product(name: "AntreanEngine", package: "Antrean"),
            ],
            path: "Sources/pooled-counters"
        ),
        .executableTarget(
            name: "hold-throughput",
            dependencies: [.product(name: "AntreanEngine", package: "Antrean")],
            path: "Sources/hold-throughput"
        ),
        .executableTarget(
            name: "AllocatorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AntreanAllocator", package: "Antrean"),
                .product(name: "AntreanAllocatorSQLite", package: "Antrean"),
            ],
            path: "Benchmarks/AllocatorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ScheduleBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AntreanSchedule", package: "Antrean"),
            ],
            path: "Benchmarks/ScheduleBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CityBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AntreanCity", package: "Antrean"),
                .product(name: "AntreanScenario", package: "Antrean"),
            ],
            path: "Benchmarks/CityBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
