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
        .library(name: "AntreanLocalization", targets: ["AntreanLocalization"]),
        .library(name: "AntreanFit", targets: ["AntreanFit"]),
        .library(name: "AntreanOutbox", targets: ["AntreanOutbox"]),
        .library(name: "AntreanServer", targets: ["AntreanServer"]),
        .library(name: "AntreanClientKeys", targets: ["AntreanClientKeys"]),
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
        // `antrean serve` (AntreanServer): HTTP, the OpenAPI runtime, lifecycle and metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        // The connection pipeline that answers cached availability reads on the event loop (AntreanHTTP1Channel).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
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
        // The texts for people in English and Bahasa Indonesia, with Indonesian number and date style.
        // A leaf: no dependencies, so the allocator can give refusal messages without pulling anything in.
        .target(name: "AntreanLocalization", swiftSettings: strict),
        // The slot allocator the citizen portal links. Time comes from the caller.
        .target(
            name: "AntreanAllocator",
            dependencies: [
                "AntreanLocalization",
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
        // The notification outbox's delivery: signed webhooks, retried with backoff, state in the store.
        .target(
            name: "AntreanOutbox",
            dependencies: [
                "AntreanAllocator", "AntreanAllocatorSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        // A process the outbox tests kill with SIGKILL in the middle of a webhook delivery.
        .executableTarget(
            name: "antrean-outbox-probe",
            dependencies: ["AntreanOutbox", "AntreanAllocator", "AntreanAllocatorSQLite"],
            path: "Tests/OutboxProbe",
            swiftSettings: strict
        ),
        // The columns of a visit trace: what the city writes and the fit reads by default. A leaf, so that
        // both can depend on it and neither on the other.
        .target(name: "AntreanTraceFormat", swiftSettings: strict),
        // Samarinda's offices, services, citizens and KPIs, on the engine and the allocator.
        .target(
            name: "AntreanCity",
            dependencies: [
                "AntreanEngine", "AntreanAllocator", "AntreanTraceFormat",
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
            dependencies: [
                "AntreanEngine", "AntreanQueueing", "AntreanCity", "AntreanScenario", "AntreanLocalization",
                "AntreanSchedule",
            ],
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
        // Queue logs → scenario fragments: arrival rates, service-time MLEs, no-shows, patience.
        .target(
            name: "AntreanFit",
            dependencies: [
                "AntreanLocalization", "AntreanScenario", "AntreanTraceFormat",
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            swiftSettings: strict),
        // The client keys file of `antrean serve` and `antrean keys` (records, roles, hashes): a module of its own
        // without Hummingbird, so that the fuzz package can read keys files without building the HTTP stack.
        .target(
            name: "AntreanClientKeys",
            // AntreanAllocator: its constant-time comparison of secrets.
            dependencies: ["AntreanAllocator", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // `antrean serve`: the allocator over HTTP (OpenAPI contract in openapi.yaml; generated code committed
        // under Generated/, see docs/server.md). Depends on the allocator, its store and the outbox only.
        .target(
            name: "AntreanServer",
            dependencies: [
                "AntreanAllocator", "AntreanAllocatorSQLite", "AntreanClientKeys", "AntreanLocalization",
                "AntreanOutbox",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["openapi.yaml", "openapi-generator-config.yaml"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "antrean",
            dependencies: [
                "AntreanEngine", "AntreanQueueing", "AntreanScenario", "AntreanCity", "AntreanPlanning",
                "AntreanAllocator", "AntreanAllocatorSQLite", "AntreanReplay", "AntreanSchedule", "AntreanLocalization",
                "AntreanFit", "AntreanServer",
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
            dependencies: [
                "AntreanPlanning", "AntreanScenario", "AntreanCity", "AntreanLocalization", "AntreanSchedule",
                "AntreanAllocator",
            ]),
        .testTarget(name: "AntreanCLITests", dependencies: ["antrean", "AntreanLocalization"]),
        .testTarget(
            name: "AntreanOutboxTests",
            dependencies: [
                "AntreanOutbox", "AntreanAllocator", "AntreanAllocatorSQLite", "antrean-outbox-probe",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "AntreanReplayTests", dependencies: ["AntreanReplay", "AntreanAllocator"]),
        .testTarget(name: "AntreanScheduleTests", dependencies: ["AntreanSchedule", "AntreanEngine"]),
        .testTarget(name: "AntreanLocalizationTests", dependencies: ["AntreanLocalization", "AntreanAllocator"]),
        .testTarget(
            name: "AntreanFitTests",
            dependencies: [
                "AntreanFit", "AntreanCity", "AntreanScenario", "AntreanEngine", "AntreanPlanning",
                "AntreanTraceFormat",
            ]),
        .testTarget(
            name: "AntreanServerTests",
            dependencies: [
                // antrean: the kill -9 test runs the built `antrean serve`.
                "AntreanServer", "AntreanAllocator", "AntreanAllocatorSQLite", "AntreanLocalization", "AntreanOutbox",
                "antrean",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ]
)
