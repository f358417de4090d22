import AntreanCity
import AntreanEngine
import AntreanScenario
import AntreanTraceFormat
import Foundation
import Testing

@testable import AntreanFit

/// `simulate --trace`: the rows add up to the report's counts, and the file does not depend on threads.
@Suite("per-citizen traces")
struct TraceTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture of the city tests: in the small city every path a citizen can take is switched on;
    /// the busy one also refuses bookings.
    static func smallCity(_ name: String = "small-city") throws -> CityScenario {
        let path = repositoryRoot.appendingPathComponent("Tests/AntreanCityTests/Fixtures/\(name).yaml").path
        guard case .city(let scenario) = try Scenario.load(path: path) else { throw FitError("not a city") }
        return scenario
    }

    static func scratch(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("antrean-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    static func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    /// Every outcome the report counts per office, against the trace's rows of that office.
    @Test(arguments: ["small-city", "busy-city", "small-city-rostered"])
    func traceCountsEqualReportCountsPerOffice(fixture: String) throws {
        let scenario = try Self.smallCity(fixture)
        let simulation = try CitySimulation(scenario.model)
        let path = try Self.scratch("trace.csv")
        let (summary, rows) = try simulation.summarizeReplications(
            1, days: 14, seed: 7, threads: 1, trace: TraceRequest(path: path, format: .csv))
        let lines = try Self.lines(path)
        #expect(lines.first.map(String.init) == TraceColumns.names.joined(separator: ","))
        #expect(lines.count == rows + 1)
        var counts: [String: [String: Double]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            counts[fields[1], default: [:]][fields[13], default: 0] += 1
        }
        let keys = [
            ("served", "served"), ("no_show", "no_shows"), ("cancelled", "cancelled"), ("balked", "balked"),
            ("reneged", "reneged"), ("refused", "booking_refused"), ("in_system", "in_system_at_end"),
        ]
        var seen: Set<String> = []
        for office in scenario.model.offices {
            for (outcome, metric) in keys {
                let reported = summary.summaries["offices.\(office.id).\(metric)"]?.mean ?? -1
                let traced = counts[office.id]?[outcome] ?? 0
                #expect(traced == reported, "\(office.id) \(outcome): trace \(traced), report \(reported)")
                if traced > 0 { seen.insert(outcome) }
            }
        }
        // Between them the two cities take every outcome but the last (nobody is left at midnight).
        #expect(seen.isSuperset(of: ["served", "no_show", "cancelled", "balked", "reneged"]), "\(seen)")
        if fixture == "busy-city" { #expect(seen.contains("refused")) }
    }

    @Test func theSameSeedGivesTheSameTraceForOneAndTwoThreads() throws {
        let simulation = try CitySimulation(try Self.smallCity().model)
        var files: [Data] = []
        for (threads, format) in [(1, TraceFormat.jsonl), (2, .jsonl)] {
            let path = try Self.scratch("trace.jsonl")
            _ = try simulation.summarizeReplications(
                3, days: 5, seed: 7, threads: threads, trace: TraceRequest(path: path, format: format))
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            // The replications' part files are gone.
            let left = try FileManager.default.contentsOfDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
            #expect(left == ["trace.jsonl"])
        }
        #expect(files[0] == files[1])
        let text = String(decoding: files[0], as: UTF8.self)
        let replications = Set(text.split(separator: "\n").map { $0.split(separator: ",").first ?? "" })
        #expect(replications == [#"{"replication":0"#, #"{"replication":1"#, #"{"replication":2"#])
        // Every line is a JSON object.
        for line in text.split(separator: "\n").prefix(200) {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
        }
    }

    /// The trace does not change the simulation: the same figures with and without it.
    @Test func tracingLeavesTheFiguresUnchanged() throws {
        let simulation = try CitySimulation(try Self.smallCity().model)
        let plain = simulation.summarizeReplications(2, days: 5, seed: 7, threads: 1).summaries
        let traced = try simulation.summarizeReplications(
            2, days: 5, seed: 7, threads: 1, trace: TraceRequest(path: try Self.scratch("t.csv"), format: .csv)
        ).summary.summaries
        #expect(plain.keys.sorted() == traced.keys.sorted())
        for (key, value) in plain {
            let other = traced[key]?.mean ?? .nan
            #expect(value.mean == other || (value.mean.isNaN && other.isNaN), "\(key)")
        }
    }
}
