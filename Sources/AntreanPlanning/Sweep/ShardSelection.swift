/// Which shard this process runs: from `--shard I/N`, else from a job array's index variable.
///
/// On the command line shards count from 1 (`--shard 1/2`, `--shard 2/2`), as people count;
/// `index` is the same shard counted from 0, as the grid's cells are (cell `c` is in shard `c mod N`).
/// Job arrays: `--shard N` alone takes the shard from `SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN`
/// (so `--array=0-7` and `--array=1-8` both work) or from Kubernetes' 0-based `JOB_COMPLETION_INDEX`.
public struct ShardSelection: Sendable, Hashable, Codable {
    /// The shard counted from 0 (what shard files store and cells are assigned by).
    public var index: Int
    public var count: Int

    public static let whole = ShardSelection(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// The shard counted from 1, as `--shard I/N` writes it.
    public var number: Int { index + 1 }

    /// Environment variables consulted, in order: Slurm job arrays and Kubernetes Indexed Jobs.
    public static let indexVariables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"]

    /// `--shard I/N` (I from 1 to N) wins; `--shard N` takes the shard from the job array
    /// (`SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN`, or `JOB_COMPLETION_INDEX`); nothing
    /// means one shard doing everything.
    public static func resolve(flag: String?, environment: [String: String]) throws -> ShardSelection {
        guard let flag else { return .whole }
        let parts = flag.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 2:
            guard let number = Int(parts[0]), let count = Int(parts[1]) else { throw badFlag(flag) }
            guard count >= 1 else { throw PlanningError.invalid("--shard \(flag): the shard count must be at least 1") }
            guard (1...count).contains(number) else {
                throw PlanningError.invalid(
                    "--shard \(flag): shards count from 1, so I must lie in 1…\(count) (the first of \(count) is 1/\(count), "
                        + "the last \(count)/\(count))")
            }
            return ShardSelection(index: number - 1, count: count)
        case 1:
            guard let count = Int(parts[0]), count >= 1 else { throw badFlag(flag) }
            return try fromJobArray(count: count, flag: flag, environment: environment)
        default: throw badFlag(flag)
        }
    }

    /// The shard of a Slurm array task or a Kubernetes Indexed Job pod, counted from 0.
    static func fromJobArray(count: Int, flag: String, environment: [String: String]) throws -> ShardSelection {
        let index: Int
        if let task = environment["SLURM_ARRAY_TASK_ID"] {
            guard let taskID = Int(task) else {
                throw PlanningError.invalid("SLURM_ARRAY_TASK_ID=\(task) is not an array task id")
            }
            let first = environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) } ?? 0
            index = taskID - first
        } else if let completion = environment["JOB_COMPLETION_INDEX"] {
            guard let value = Int(completion) else {
                throw PlanningError.invalid("JOB_COMPLETION_INDEX=\(completion) is not a completion index")
            }
            index = value
        } else {
            throw PlanningError.invalid(
                "--shard \(flag) gives only the shard count; name the shard with --shard I/\(flag) (I from 1 to "
                    + "\(flag)) or run inside a job array (\(indexVariables.joined(separator: " or ")))")
        }
        guard (0..<count).contains(index) else {
            throw PlanningError.invalid(
                "--shard \(flag): the job array gives shard \(index + 1) of \(count); make the array as long as the "
                    + "shard count (Slurm --array=0-\(count - 1) or 1-\(count); Kubernetes completions: \(count))")
        }
        return ShardSelection(index: index, count: count)
    }

    private static func badFlag(_ flag: String) -> PlanningError {
        PlanningError.invalid(
            "--shard \"\(flag)\": expected I/N with I from 1 to N (e.g. 1/8 … 8/8), or N with the shard from the job array"
        )
    }
}
