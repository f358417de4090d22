public import AntreanEngine
public import Foundation

/// The summary of a whole sweep: per grid point, every metric's mean and 95% interval.
public struct SweepResult: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var index: Int
        public var assignments: [String]
        public var metrics: [String: MetricSummary]
    }

    public var header: SweepShardHeader
    public var points: [Point]

    /// Summarises records that together cover every cell exactly once. Samples are sorted by
    /// replication before summing, so any split into shards gives bitwise the same numbers.
    public init(header: SweepShardHeader, records: [SweepCellRecord]) throws {
        let grid = header.grid
        var seen = Array(repeating: false, count: grid.cellCount)
        for record in records {
            guard record.cell >= 0, record.cell < grid.cellCount else {
                throw PlanningError.invalid("cell \(record.cell) lies outside the grid of \(grid.cellCount) cells")
            }
            let expected = grid.cell(record.cell)
            guard expected.point == record.point, expected.replication == record.replication,
                record.assignments == grid.assignments(point: record.point)
            else {
                throw PlanningError.invalid("cell \(record.cell) does not match the grid (point/replication/values)")
            }
            guard !seen[record.cell] else { throw PlanningError.invalid("cell \(record.cell) appears more than once") }
            seen[record.cell] = true
        }
        let missing = seen.indices.filter { !seen[$0] }
        guard missing.isEmpty else {
            let shown = missing.prefix(10).map(String.init).joined(separator: ", ")
            throw PlanningError.invalid(
                "\(missing.count) of \(grid.cellCount) cells are missing (e.g. \(shown)); is a shard file absent?")
        }
        var header = header
        header.shard = .whole
        header.cells = grid.cellCount
        self.header = header
        let byPoint = Dictionary(grouping: records, by: \.point)
        points = (0..<grid.pointCount).map { point in
            let samples = byPoint[point]!.sorted { $0.replication < $1.replication }.map(\.metrics)
            return Point(
                index: point, assignments: grid.assignments(point: point), metrics: MetricSample.summarize(samples))
        }
    }

    /// Reads shard files (or directories of `*.jsonl` files), checks they belong to one sweep and
    /// cover every cell exactly once, and summarises.
    public static func merge(_ paths: [URL]) throws -> SweepResult {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw PlanningError.invalid("\(path.path): no such file or directory")
            }
            if isDirectory.boolValue {
                let entries = try FileManager.default.contentsOfDirectory(atPath: path.path).filter {
                    $0.hasSuffix(".jsonl")
                }
                files += entries.sorted().map { path.appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { throw PlanningError.invalid("no shard files (*.jsonl) found to merge") }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var reference: (header: SweepShardHeader, file: String)?
        var shardsSeen: Set<Int> = []
        var records: [SweepCellRecord] = []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            guard let first = lines.first else { throw PlanningError.invalid("\(file.path): empty shard file") }
            let header: SweepShardHeader
            do { header = try decoder.decode(SweepShardHeader.self, from: Data(first.utf8)) } catch {
                throw PlanningError.invalid("\(file.path):1: not a sweep shard header (\(error))")
            }
            guard header.format == SweepShardHeader.currentFormat else {
                throw PlanningError.invalid(
                    "\(file.path):1: format \(header.format), expected \(SweepShardHeader.currentFormat)")
            }
            if let reference {
                var mine = header
                mine.shard = reference.header.shard
                mine.cells = reference.header.cells
                guard mine == reference.header else {
                    throw PlanningError.invalid(
                        "\(file.path) belongs to a different sweep than \(reference.file) (scenario, grid, seed or replications differ)"
                    )
                }
                guard header.shard.count == reference.header.shard.count else {
                    throw PlanningError.invalid(
                        "\(file.path) is shard \(header.shard.number)/\(header.shard.count) "
                            + "but \(reference.file) was split into \(reference.header.shard.count)")
                }
            } else {
                reference = (header, file.path)
            }
            guard shardsSeen.insert(header.shard.index).inserted else {
                throw PlanningError.invalid("\(file.path): shard \(header.shard.number) is given twice")
            }
            guard lines.count - 1 == header.cells else {
                throw PlanningError.invalid(
                    "\(file.path): header announces \(header.cells) cells but holds \(lines.count - 1)"
                        + " (truncated?)")
            }
            for (offset, line) in lines.dropFirst().enumerated() {
                do { records.append(try decoder.decode(SweepCellRecord.self, from: Data(line.utf8))) } catch {
                    throw PlanningError.invalid("\(file.path):\(offset + 2): unreadable cell record (\(error))")
                }
            }
        }
        return try SweepResult(header: reference!.header, records: records)
    }
}
