import AntreanEngine
import Foundation
import Testing

@testable import AntreanPlanning

@Suite struct SweepTests {
    private let grid = try! SweepGrid(
        parameters: [
            SweepParameter(path: "counters", values: ["4", "5", "6"]),
            SweepParameter(path: "arrival_rate", values: ["3", "3.5"]),
        ], replications: 4, seed: 11)

    /// Builds the test M/M/c office for a grid point's `PATH=value` assignments.
    private func model(_ assignments: [String]) throws -> any SimulationModel {
        var office = MMcTestModel(arrivalRate: 1, meanService: 1, counters: 1, customers: 1_500, warmUpCustomers: 100)
        for assignment in assignments {
            let parts = assignment.split(separator: "=")
            switch parts[0] {
            case "counters": office.counters = Int(parts[1])!
            case "arrival_rate": office.arrivalRate = Double(parts[1])!
            default: throw PlanningError.invalid("unknown path \(parts[0])")
            }
        }
        return office
    }

    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("antrean-sweep-\(UUID().uuidString)")
    }

    private func runShards(_ count: Int, into directory: URL, threads: Int = 1) throws {
        for index in 0..<count {
            try SweepRunner.run(
                grid: grid, shard: ShardSelection(index: index, count: count), scenario: "test", scenarioDigest: "d",
                directory: directory, threads: threads, model: model)
        }
    }

    @Test func gridEnumeratesTheCartesianProductLastParameterFastest() {
        #expect(grid.pointCount == 6 && grid.cellCount == 24)
        #expect(grid.assignments(point: 0) == ["counters=4", "arrival_rate=3"])
        #expect(grid.assignments(point: 1) == ["counters=4", "arrival_rate=3.5"])
        #expect(grid.assignments(point: 5) == ["counters=6", "arrival_rate=3.5"])
        // Shards partition the cells.
        let union = (0..<5).flatMap { grid.cells(shard: $0, of: 5).map(\.index) }
        #expect(union.sorted() == Array(0..<24))
    }

    @Test func shardedMergeEqualsUnshardedBitwise() throws {
        let sharded = temporaryDirectory()
        let whole = temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: sharded)
            try? FileManager.default.removeItem(at: whole)
        }
        try runShards(3, into: sharded, threads: 2)
        try runShards(1, into: whole)
        let merged = try SweepResult.merge([sharded])
        let single = try SweepResult.merge([whole])
        #expect(merged == single)
        // And both equal summarising the replications directly, without files.
        for point in merged.points {
            let direct = try ReplicationRunner.run(try model(point.assignments), replications: 0..<4, seed: 11)
            #expect(point.metrics == MetricSample.summarize(direct))
        }
        // Common random numbers: arrivals do not depend on counters, so served counts agree.
        let servedAt4 = merged.points[0].metrics["offices.office.served"]!
        let servedAt6 = merged.points[4].metrics["offices.office.served"]!
        #expect(servedAt4 == servedAt6)
    }

    @Test func mergeRefusesMissingDuplicateAndForeignShards() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try runShards(3, into: directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { directory.appendingPathComponent($0) }
        #expect(throws: PlanningError.self) { try SweepResult.merge(Array(files.prefix(2))) }
        #expect(throws: PlanningError.self) { try SweepResult.merge(files + [files[0]]) }
        let other = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        try SweepRunner.run(
            grid: grid, shard: ShardSelection(index: 2, count: 3), scenario: "test", scenarioDigest: "changed",
            directory: other, model: model)
        let foreign = other.appendingPathComponent(files[2].lastPathComponent)
        #expect(throws: PlanningError.self) { try SweepResult.merge(Array(files.prefix(2)) + [foreign]) }
    }

    /// Shards count from 1 on the command line (issue 17): 1/2 and 2/2 are the two halves; a job
    /// array's index is turned into the same 0-based shard whatever the array's first index.
    @Test func shardIndexComesFromTheFlagOrTheJobArray() throws {
        #expect(try ShardSelection.resolve(flag: "2/5", environment: [:]) == ShardSelection(index: 1, count: 5))
        #expect(try ShardSelection.resolve(flag: "1/2", environment: [:]) == ShardSelection(index: 0, count: 2))
        #expect(try ShardSelection.resolve(flag: "2/2", environment: [:]) == ShardSelection(index: 1, count: 2))
        #expect(try ShardSelection.resolve(flag: "5", environment: ["SLURM_ARRAY_TASK_ID": "3"]).index == 3)
        // --array=1-5: task ids 1…5 are shards 1/5 … 5/5.
        let oneBased = ["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1"]
        #expect(try ShardSelection.resolve(flag: "5", environment: oneBased) == ShardSelection(index: 4, count: 5))
        #expect(try ShardSelection.resolve(flag: "5", environment: ["JOB_COMPLETION_INDEX": "4"]).index == 4)
        #expect(try ShardSelection.resolve(flag: nil, environment: [:]) == .whole)
        for bad in ["0/5", "6/5", "x/2", "5", "-1/3", "1/0"] {
            #expect(throws: PlanningError.self) { try ShardSelection.resolve(flag: bad, environment: [:]) }
        }
        #expect(throws: PlanningError.self) {
            try ShardSelection.resolve(flag: "5", environment: ["SLURM_ARRAY_TASK_ID": "5"])
        }
    }

    @Test func parameterSyntax() throws {
        let parameter = try SweepParameter(parsing: "queues.main.counters=4, 5,6")
        #expect(parameter.path == "queues.main.counters" && parameter.values == ["4", "5", "6"])
        #expect(throws: PlanningError.self) { try SweepParameter(parsing: "counters") }
        #expect(throws: PlanningError.self) { try SweepParameter(parsing: "counters=4,,5") }
    }
}
