import Foundation
import Testing

/// Issue 16, items 4, 6, 7 and 9 through the command line: each bad scenario ends with a message
/// that names what, where and how to fix, and an exit status after sysexits(3): 65 for a scenario
/// that breaks a rule, 66 for a file that is missing or cannot be read. Never a trap.
@Suite("Scenario errors on the command line")
struct ScenarioErrorTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func queues(service: String = "exponential(mean=1m)", arrivals: String = "0.5/min", run: String) -> String {
        """
        name: test
        run:
          \(run)
        queues:
          main:
            counters: 1
            arrivals: \(arrivals)
            service: \(service)

        """
    }

    /// Every command that loads a queue scenario and would run it: each must refuse a bad one alike.
    static func commandsThatLoad(_ path: String, in folder: URL) -> [[String]] {
        [
            ["validate", path], ["simulate", path], ["plan", path, "--target", "p90 wait <= 15m"],
            ["sweep", path, "--param", "queues.main.counters=1,2", "--out", folder.appendingPathComponent("s").path],
        ]
    }

    static func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @Test func aMissingFileExits66() throws {
        let result = try AntreanProcess.run(["validate", "/nonexistent/scenario.yaml"])
        #expect(result.status == 66)
        #expect(result.standardError.contains("no such file: /nonexistent/scenario.yaml"), "\(result.standardError)")
    }

    @Test(arguments: [("Simulations", "is a directory"), ("/dev/zero", "is not a regular file")])
    func aPathThatIsNotAFileExits66(path: String, reason: String) throws {
        let result = try AntreanProcess.run(["validate", path])
        #expect(result.status == 66)
        #expect(result.standardError.contains(reason), "\(result.standardError)")
        #expect(!result.standardError.contains("NSCocoaErrorDomain"))
    }

    @Test func anIncludeNamingADirectoryNamesTheLine() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("shared"), withIntermediateDirectories: true)
        let path = try Self.write("name: x\ninclude: shared\n", "main.yaml", in: folder)
        let result = try AntreanProcess.run(["validate", path])
        #expect(result.status == 66)
        #expect(result.standardError.contains("main.yaml:2:10: include: "), "\(result.standardError)")
        #expect(result.standardError.contains("is a directory; name a scenario file"))
    }

    @Test func invalidUTF8NamesTheLineAndByte() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("latin1.yaml")
        try Data(Array("name: Kantor Lurah\ndescription: Caf".utf8) + [0xE9, 0x0A]).write(to: file)
        let result = try AntreanProcess.run(["validate", file.path])
        #expect(result.status == 65)
        #expect(
            result.standardError.contains("latin1.yaml:2:17: byte 35 (0xE9) is not UTF-8"), "\(result.standardError)")
    }

    @Test func billionLaughsFailsFast() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = ["a0: &a0 \"lol\""]
        for level in 1...9 {
            lines.append(
                "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ","))]")
        }
        let path = try Self.write(lines.joined(separator: "\n") + "\n", "laughs.yaml", in: folder)
        let result = try AntreanProcess.run(["validate", path])
        #expect(result.status == 65)
        #expect(result.standardError.contains("laughs.yaml:1:5: YAML anchors (&a0)"), "\(result.standardError)")
    }

    /// `simulate` used to trap at the first negative draw.
    @Test func aNormalServiceTimeIsRefusedWithTheFix() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write(
            Self.queues(service: "normal(mean=5m, sd=3m)", run: "arrivals: 1000"), "normal.yaml", in: folder)
        for arguments in Self.commandsThatLoad(path, in: folder) {
            let command = arguments[0]
            let result = try AntreanProcess.run(arguments)
            #expect(result.status == 65, "\(command): \(result.standardError)")
            #expect(
                result.standardError.contains("normal.yaml:8:14: queues.main.service: a duration cannot be negative"))
            #expect(result.standardError.contains("use truncated_normal(mean=5m, sd=3m, low=0m, high=17m)"))
        }
    }

    /// `validate` itself used to trap (Double → Int of infinity while computing places per slot).
    @Test func aCityServiceTimeOfZeroIsRefused() throws {
        let result = try AntreanProcess.run([
            "validate", "Tests/AntreanCityTests/Fixtures/small-city.yaml", "--param",
            "services.letter.service_time=deterministic(0)",
        ])
        #expect(result.status == 65)
        #expect(result.standardError.contains("services.letter.service_time: a service time must average at least 1s"))
    }

    @Test func tenMillionArrivalsAnHourOnOneCounterAreRefusedWithTheEstimate() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.write(
            Self.queues(arrivals: "10000000/h", run: "duration: 30d\n  replications: 10"), "flood.yaml", in: folder)
        for arguments in Self.commandsThatLoad(path, in: folder) {
            let command = arguments[0]
            let result = try AntreanProcess.run(arguments)
            #expect(result.status == 65, "\(command): \(result.standardError)")
            #expect(result.standardError.contains("unstable: arrivals exceed capacity at main"))
            #expect(result.standardError.contains("this run would simulate ≈ 7.2e10 arrivals"))
        }
    }

    @Test func aBillionReplicationsIsRefusedBeforeRunning() throws {
        let result = try AntreanProcess.run([
            "simulate", "Simulations/validation/mm1.yaml", "--replications", "1000000000",
        ])
        #expect(result.status == 65)
        #expect(result.standardError.contains("this run would simulate ≈"), "\(result.standardError)")
    }

    @Test func validateReportsTheEstimate() throws {
        let result = try AntreanProcess.run(["validate", "Simulations/validation/mm5.yaml"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("  estimate: ≈ "), "\(result.standardOutput)")
    }
}
