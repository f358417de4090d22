// swift-tools-version: 6.1
// Only the pinned swift-openapi-generator CLI, built into .build-openapi by scripts/openapi-generate.sh:
// the server's generated code (Sources/AntreanServer/Generated) is committed, so the project's own
// build never runs the generator or its build plugin.
import PackageDescription

let package = Package(
    name: "AntreanOpenAPIGenerator",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-generator.git", exact: "1.14.3")]
)
