// swift-tools-version: 6.1
// Antrean's libFuzzer targets, a package of their own so that the normal build never compiles them with
// the fuzzer's instrumentation. Build and run with `Fuzz/run.sh` (see docs/fuzzing.md); each target is an
// executable whose `LLVMFuzzerTestOneInput` libFuzzer calls with one input at a time.
import PackageDescription

let package = Package(
    name: "AntreanFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Antrean", path: ".."),
        // The same GRDB as the main package: the store target writes rows with plain SQL.
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // Hands each target's arguments to libFuzzer's driver (see FuzzDriver.h for why).
        .target(name: "FuzzDriver"),
        // What the targets share: the entry point, a reader of structured input, the allocator fixture.
        .target(
            name: "FuzzSupport",
            dependencies: ["FuzzDriver", .product(name: "AntreanAllocator", package: "Antrean")]
        ),
        // (a) The YAML scenario loader on in-memory text, down to what `antrean validate` checks.
        .executableTarget(
            name: "FuzzScenario",
            dependencies: ["FuzzSupport", .product(name: "AntreanScenario", package: "Antrean")]
        ),
        // (b) Request lines of `antrean replay` (AntreanReplay's line reader and parser) applied to an
        // in-memory allocator. Replayer lives in the CLI target; its files are symbolic links to
        // Sources/antrean/Replay{RequestHandling,Decision}.swift, compiled into this target.
        .executableTarget(
            name: "FuzzReplayRequest",
            dependencies: [
                "FuzzSupport", .product(name: "AntreanAllocator", package: "Antrean"),
                .product(name: "AntreanReplay", package: "Antrean"),
                .product(name: "AntreanLocalization", package: "Antrean"),
            ]
        ),
        // (c) The strict ISO 8601 parser of instants (Instant(iso8601:)) and LocalDate(parsing:).
        .executableTarget(
            name: "FuzzTime",
            dependencies: ["FuzzSupport", .product(name: "AntreanAllocator", package: "Antrean")]
        ),
        // (d) The QR token verifier, and sign → verify round trips.
        .executableTarget(
            name: "FuzzToken",
            dependencies: ["FuzzSupport", .product(name: "AntreanAllocator", package: "Antrean")]
        ),
        // (e) Reopening a SQLite store whose booking rows come from the input.
        .executableTarget(
            name: "FuzzStore",
            dependencies: [
                "FuzzSupport", .product(name: "AntreanAllocator", package: "Antrean"),
                .product(name: "AntreanAllocatorSQLite", package: "Antrean"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // (f) `antrean fit` on a queue log in memory: the CSV reader, timestamps, the column mapping, the
        // estimators and the outputs.
        .executableTarget(
            name: "FuzzFitLog",
            dependencies: [
                "FuzzSupport", .product(name: "AntreanFit", package: "Antrean"),
                // The scenario loader, which reads the fragment a fit writes.
                .product(name: "AntreanScenario", package: "Antrean"),
            ]
        ),
        // (g) The client keys file of `antrean serve` (AntreanClientKeys, built without Hummingbird).
        .executableTarget(
            name: "FuzzClientKeys",
            dependencies: ["FuzzSupport", .product(name: "AntreanClientKeys", package: "Antrean")]
        ),
        // (h) The availability query reader of `antrean serve`'s fast paths: its files are symbolic links to
        // Sources/AntreanServer/{Availability/AvailabilityParameters,Middleware/PlainBytes}.swift, which use
        // the standard library only, so the HTTP stack is not built here.
        .executableTarget(name: "FuzzAvailabilityQuery", dependencies: ["FuzzSupport"]),
    ]
)
