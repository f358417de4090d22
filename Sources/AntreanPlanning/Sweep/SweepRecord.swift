public import AntreanEngine

/// The first line of a shard file: what was run, so a merge can refuse shards of different sweeps.
public struct SweepShardHeader: Sendable, Hashable, Codable {
    public static let currentFormat = "antrean-sweep/1"
    public var format: String
    /// Digest of the scenario file(s) the sweep ran, e.g. FNV-1a of the file text.
    public var scenarioDigest: String
    public var scenario: String
    public var grid: SweepGrid
    public var shard: ShardSelection
    public var cells: Int

    public init(scenarioDigest: String, scenario: String, grid: SweepGrid, shard: ShardSelection, cells: Int) {
        self.format = Self.currentFormat
        self.scenarioDigest = scenarioDigest
        self.scenario = scenario
        self.grid = grid
        self.shard = shard
        self.cells = cells
    }
}

/// One cell's result, one JSON line in a shard file.
public struct SweepCellRecord: Sendable, Hashable, Codable {
    public var cell: Int
    public var point: Int
    public var replication: Int
    public var assignments: [String]
    public var metrics: MetricSample
}

/// FNV-1a 64-bit (Fowler, Noll & Vo): a cheap fingerprint for "same scenario text", not security.
public func fnv1a64(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
