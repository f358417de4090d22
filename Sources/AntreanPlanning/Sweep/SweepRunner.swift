import AntreanEngine
public import Foundation

/// Runs one shard of a sweep and writes it as JSON lines: a ``SweepShardHeader`` and then one
/// ``SweepCellRecord`` per cell, in cell order.
///
/// Cell seeds: every cell runs replication r of its grid point under the sweep's master seed, so
/// its random numbers depend only on (seed, r) — the same across grid points (common random
/// numbers) and whatever the sharding.
public enum SweepRunner {
    /// - Parameters:
    ///   - model: builds the model of grid point k from its `PATH=value` assignments (called once
    ///     per point the shard touches).
    ///   - progress: called after each finished cell with (finished, total in this shard).
    /// - Returns: the file written, `directory/shard-IIII-of-NNNN.jsonl` (I counted from 1).
    @discardableResult
    public static func run(
        grid: SweepGrid, shard: ShardSelection, scenario: String, scenarioDigest: String,
        directory: URL, threads: Int = 1, progress: (@Sendable (Int, Int) -> Void)? = nil,
        model: (_ assignments: [String]) throws -> any SimulationModel
    ) throws -> URL {
        let cells = grid.cells(shard: shard.index, of: shard.count)
        var models: [Int: any SimulationModel] = [:]
        for point in Set(cells.map(\.point)).sorted() { models[point] = try model(grid.assignments(point: point)) }
        let frozenModels = models
        let outcomes = Replications.run(cells.count, threads: threads, progress: progress) { position in
            let cell = cells[position]
            return Result { () throws -> SweepCellRecord in
                let sample = try frozenModels[cell.point]!.replicate(cell.replication, seed: grid.seed)
                return SweepCellRecord(
                    cell: cell.index, point: cell.point, replication: cell.replication,
                    assignments: grid.assignments(point: cell.point), metrics: sample)
            }
        }
        let records = try outcomes.map { try $0.get() }
        let header = SweepShardHeader(
            scenarioDigest: scenarioDigest, scenario: scenario, grid: grid, shard: shard, cells: cells.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var lines = [String(decoding: try encoder.encode(header), as: UTF8.self)]
        for record in records { lines.append(String(decoding: try encoder.encode(record), as: UTF8.self)) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let name = String(format: "shard-%04d-of-%04d.jsonl", shard.number, shard.count)
        let file = directory.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
