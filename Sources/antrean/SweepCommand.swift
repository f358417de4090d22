import AntreanPlanning
import ArgumentParser
import Foundation

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid of scenario variants × replications, or one shard of it, into a directory.",
        discussion: """
            The grid is the cartesian product of the --param values; with R replications it is a list \
            of cells in a fixed order (point-major, last --param fastest). Shards count from 1: shard I \
            of N runs the cells whose index mod N is I − 1 and writes DIR/shard-IIII-of-NNNN.jsonl. \
            Replication r uses the same random numbers at every grid point and in every shard, so \
            `antrean merge DIR` gives exactly the numbers of an unsharded run.

            The shard comes from --shard I/N (1/N … N/N), or from --shard N inside a job \
            array, where it means:
              Slurm, any first index (--array=0-7 or --array=1-8):
                --shard $((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1))/N
              Kubernetes Indexed Job (JOB_COMPLETION_INDEX counts from 0):
                --shard $((JOB_COMPLETION_INDEX + 1))/N
            See Simulations/cluster/.

            Examples:
              antrean sweep Simulations/validation/mm5.yaml \\
                --param queues.counters.counters=5,6,7 \\
                --param queues.counters.arrivals=4/min,4.5/min \\
                --set run.arrivals=50000 --replications 5 --out sweep/
              antrean sweep Simulations/validation/mm5.yaml \\
                --param queues.counters.counters=5,6,7 --set run.arrivals=50000 \\
                --replications 5 --shard 2/8 --out sweep-shards/
              antrean merge sweep/
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("A swept field and its values (repeatable).", valueName: "PATH=V1,V2,…"))
    var parameters: [String] = []

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("A fixed override for every cell (repeatable).", valueName: "PATH=VALUE"))
    var fixed: [String] = []

    @Option(help: "Replications per grid point (default: the scenario's run.replications).")
    var replications: Int?

    @Option(help: "Master seed (default: the scenario's run.seed).")
    var seed: UInt64?

    @Option(
        help: ArgumentHelp(
            "This process's shard: I/N counting from 1 (1/N … N/N), or N with the shard from the job array.",
            valueName: "I/N"))
    var shard: String?

    @Option(help: "Directory for the shard files.")
    var out: String

    @Option(help: "Simulator: auto (fifo when the scenario fits), fifo or simulation (the engine, as simulate).")
    var evaluator: Evaluator = .auto

    @Option(help: "Worker threads (default: all cores). Never changes the numbers.")
    var threads: Int?

    func validate() throws {
        if parameters.isEmpty { throw ValidationError("give at least one --param PATH=V1,V2,…") }
        if let replications, replications < 1 {
            throw ValidationError("--replications must be at least 1, got \(replications)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    func run() throws {
        let base = try PlanningScenario.load(file, overrides: fixed, evaluator: evaluator)
        let selection = try cliValue(status: ExitStatus.usage) {
            try ShardSelection.resolve(flag: shard, environment: ProcessInfo.processInfo.environment)
        }
        let grid = try cliValue(status: ExitStatus.usage) {
            try SweepGrid(
                parameters: parameters.map { try SweepParameter(parsing: $0) },
                replications: replications ?? base.settings.replications, seed: seed ?? base.settings.seed)
        }
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let digest = fnv1a64(text + "\n" + fixed.joined(separator: "\n") + "\nevaluator=\(base.evaluator.rawValue)")
        let cellCount = grid.cells(shard: selection.index, of: selection.count).count
        let progress = ProgressReporter(
            total: cellCount, label: selection.count == 1 ? "sweep" : "shard \(selection.number)/\(selection.count)")
        let fixedOverrides = fixed
        let chosen = base.evaluator
        let output = try cliValue {
            try SweepRunner.run(
                grid: grid, shard: selection, scenario: base.title, scenarioDigest: digest,
                directory: URL(fileURLWithPath: out),
                threads: max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount),
                progress: { _, _ in progress.advance() },
                model: { assignments in
                    try PlanningScenario.load(file, overrides: fixedOverrides + assignments, evaluator: chosen).model
                })
        }
        progress.finish()
        FileHandle.standardError.write(
            Data(
                "wrote \(cellCount) of \(grid.cellCount) cells (\(grid.pointCount) points × \(grid.replications) replications) to \(output.path)\n"
                    .utf8))
    }
}
