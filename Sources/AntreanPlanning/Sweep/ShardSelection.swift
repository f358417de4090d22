/// Which shard this process runs: from `--shard I/N`, else from a job array's index variable.
public struct ShardSelection: Sendable, Hashable, Codable {
    public var index: Int
    public var count: Int

    public static let whole = ShardSelection(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Environment variables consulted, in order: Slurm job arrays and Kubernetes Indexed Jobs.
    public static let indexVariables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"]

    /// `--shard I/N` wins; `--shard N` (or `--shards N`) takes I from `SLURM_ARRAY_TASK_ID` or
    /// `JOB_COMPLETION_INDEX`; nothing means one shard doing everything.
    public static func resolve(flag: String?, environment: [String: String]) throws -> ShardSelection {
        guard let flag else { return .whole }
        let parts = flag.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let index: Int
        let count: Int
        switch parts.count {
        case 2:
            guard let i = Int(parts[0]), let n = Int(parts[1]) else { throw badFlag(flag) }
            (index, count) = (i, n)
        case 1:
            guard let n = Int(parts[0]) else { throw badFlag(flag) }
            guard let variable = indexVariables.first(where: { environment[$0] != nil }) else {
                throw PlanningError.invalid(
                    "--shard \(flag) gives only the shard count; set the index with --shard I/\(flag) or run "
                        + "inside a job array (\(indexVariables.joined(separator: " or ")))")
            }
            guard let i = Int(environment[variable]!) else {
                throw PlanningError.invalid("\(variable)=\(environment[variable]!) is not a shard index")
            }
            (index, count) = (i, n)
        default: throw badFlag(flag)
        }
        guard count >= 1, index >= 0, index < count else {
            throw PlanningError.invalid("shard \(index)/\(count): the index must lie in 0..<\(max(count, 1))")
        }
        return ShardSelection(index: index, count: count)
    }

    private static func badFlag(_ flag: String) -> PlanningError {
        PlanningError.invalid("--shard \"\(flag)\": expected I/N (e.g. 0/8) or N with the index from the job array")
    }
}
