import Foundation

/// One swept scenario field and the values it takes, from `--param PATH=v1,v2,…`.
public struct SweepParameter: Sendable, Hashable, Codable {
    public var path: String
    public var values: [String]

    public init(path: String, values: [String]) {
        self.path = path
        self.values = values
    }

    /// Parses `queues.main.counters=4,5,6`.
    public init(parsing text: String) throws {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw PlanningError.invalid("--param \"\(text)\": expected PATH=v1,v2,…, e.g. queues.main.counters=4,5,6")
        }
        let values = text[text.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !values.contains(where: \.isEmpty) else {
            throw PlanningError.invalid("--param \"\(text)\": a value is empty; list values as v1,v2,…")
        }
        self.init(path: String(text[..<equals]), values: values)
    }
}

/// One grid point's replication: the unit of work a shard runs.
public struct SweepCell: Sendable, Hashable {
    /// Position in the fixed order: point-major, then replication.
    public var index: Int
    public var point: Int
    public var replication: Int
}

/// The cartesian product of the parameters' values × replications, as cells in a fixed order.
///
/// Point k enumerates the values with the last parameter varying fastest; cell i is replication
/// i mod R of point i div R. Shard I of N takes the cells with i mod N = I, so shards interleave
/// (balanced even when some points run longer) and the split depends on nothing but (grid, N).
public struct SweepGrid: Sendable, Hashable, Codable {
    public var parameters: [SweepParameter]
    public var replications: Int
    public var seed: UInt64

    public init(parameters: [SweepParameter], replications: Int, seed: UInt64) throws {
        guard replications >= 1 else { throw PlanningError.invalid("--replications must be at least 1") }
        let paths = parameters.map(\.path)
        guard Set(paths).count == paths.count else {
            throw PlanningError.invalid("each --param path may appear once (got \(paths.joined(separator: ", ")))")
        }
        self.parameters = parameters
        self.replications = replications
        self.seed = seed
    }

    public var pointCount: Int { parameters.reduce(1) { $0 * $1.values.count } }
    public var cellCount: Int { pointCount * replications }

    /// `PATH=value` overrides for grid point `point`.
    public func assignments(point: Int) -> [String] {
        var remainder = point
        var chosen: [String] = []
        for parameter in parameters.reversed() {
            chosen.append("\(parameter.path)=\(parameter.values[remainder % parameter.values.count])")
            remainder /= parameter.values.count
        }
        return chosen.reversed()
    }

    public func cell(_ index: Int) -> SweepCell {
        SweepCell(index: index, point: index / replications, replication: index % replications)
    }

    /// The cells of shard `shard` (0-based) of `shards`.
    public func cells(shard: Int, of shards: Int) -> [SweepCell] {
        stride(from: shard, to: cellCount, by: shards).map(cell)
    }
}
