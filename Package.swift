// swift-tools-version: 6.1
// Antrean: QR-code appointment queues for public-service offices.
// Dependencies point one way: antrean (CLI) → Planning → Scenario → City → {Engine, Allocator}.
// The benchmark suite is a package of its own under Benchmarks/, so that neither a portal linking
// the allocator nor the normal build compiles benchmark dependencies.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Antrean",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "antrean", targets: ["antrean"]),
        .library(name: "AntreanEngine", targets: ["AntreanEngine"]),
        .library(name: "AntreanQueueing", targets: ["AntreanQueueing"]),
        .library(name: "AntreanAllocator", targets: ["AntreanAllocator"]),
        .library(name: "AntreanAllocatorSQLite", targets: ["AntreanAllocatorSQLite"]),
        .library(name: "AntreanReplay", targets: ["AntreanReplay"]),
        .library(name: "AntreanCity", targets: ["AntreanCity"]),
        .library(name: "AntreanScenario", targets: ["AntreanScenario"]),
        .library(name: "AntreanPlanning", targets: ["AntreanPlanning"]),
        .library(name: "AntreanSchedule", targets: ["AntreanSchedule"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Generic discrete-event simulation: clock, event set, random streams, distributions,
        // resources, statistics, replications. Knows nothing of offices.
        .target(
            name: "AntreanEngine",
            dependencies: [
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            swiftSettings: strict
        ),
        // Networks of multi-server queues (M/M/c, M/G/1, …) on the engine: the validation models.
        .target(
            name: "AntreanQueueing",
            dependencies: ["AntreanEngine", .product(name: "DequeModule", package: "swift-collections")],
            swiftSettings: strict
        ),
        // The slot allocator the citizen portal links. Time comes from the caller.
        .target(
            name: "AntreanAllocator",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The embedded durable store (SQLite through GRDB, WAL mode).
        .target(
            name: "AntreanAllocatorSQLite",
            dependencies: [
                "AntreanAllocator", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // Samarinda's offices, services, citizens and KPIs, on the engine and the allocator.
        .target(
            name: "AntreanCity",
            dependencies: [
                "AntreanEngine", "AntreanAllocator",
                .product(name: "Collections", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),
        // YAML → typed, validated models; every error names file, line and field.
        .target(
            name: "AntreanScenario",
            dependencies: ["AntreanEngine", "AntreanQueueing", "AntreanCity", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Staffing search, paired comparison, sharded sweeps, reports.
        .target(
            name: "AntreanPlanning",
            dependencies: ["AntreanEngine", "AntreanQueueing", "AntreanCity", "AntreanScenario", "AntreanSchedule"],
            swiftSettings: strict
        ),
        // The request lines of `antrean replay`, read as bytes: pure parsers (fuzzed on their own).
        .target(name: "AntreanReplay", swiftSettings: strict),
        // Appointment schedules of one session: the exact evaluator, simulation, local search.
        .target(
            name: "AntreanSchedule",
            dependencies: ["AntreanEngine", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "antrean",
            dependencies: [
                "AntreanEngine", "AntreanQueueing", "AntreanScenario", "AntreanCity", "AntreanPlanning",
                "AntreanAllocator", "AntreanAllocatorSQLite", "AntreanReplay", "AntreanSchedule",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict,
            // jemalloc measured 5–7% faster than glibc malloc on many-replication runs (docs/engine.md);
            // Debian's libjemalloc-dev provides it (installed by `make deps`).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "AntreanEngineTests", dependencies: ["AntreanEngine"]),
        .testTarget(name: "AntreanQueueingTests", dependencies: ["AntreanQueueing", "AntreanEngine"]),
        .testTarget(
            name: "AntreanScenarioTests",
            dependencies: ["AntreanScenario", "AntreanQueueing", "AntreanCity"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AntreanAllocatorTests",
            dependencies: [
                "AntreanAllocator", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Crypto", package: "swift-crypto"),
                // The reference the deadline queue is checked against.
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .testTarget(
            name: "AntreanAllocatorSQLiteTests",
            // GRDB: the tests craft damaged stores with raw SQL.
            dependencies: ["AntreanAllocatorSQLite", "AntreanAllocator", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "AntreanCityTests",
            dependencies: ["AntreanCity", "AntreanEngine", "AntreanAllocator", "AntreanScenario", "AntreanPlanning"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AntreanPlanningTests",
            dependencies: ["AntreanPlanning", "AntreanScenario", "AntreanCity", "AntreanSchedule", "AntreanAllocator"]),
        .testTarget(name: "AntreanCLITests", dependencies: ["antrean"]),
        .testTarget(name: "AntreanReplayTests", dependencies: ["AntreanReplay"]),
        .testTarget(name: "AntreanScheduleTests", dependencies: ["AntreanSchedule", "AntreanEngine"]),
    ]
)
