public import AntreanEngine
import Foundation

/// Where and how `simulate --trace` writes its per-citizen rows.
public struct TraceRequest: Sendable {
    public var path: String
    public var format: TraceFormat

    public init(path: String, format: TraceFormat) {
        self.path = path
        self.format = format
    }
}

extension CitySimulation {
    /// Replication `replication` as `run(days:seed:replication:)` runs it (the same figures), writing a
    /// row per measured citizen to `path` (no header) as their visits end.
    func run(
        days: Int, seed: UInt64, replication: Int, tracingTo path: String, appending: Bool = false,
        format: TraceFormat
    ) -> (sample: MetricSample, rows: Int, failure: String?) {
        var run = CityRun(plans: plans, model: model, days: days, seed: seed, replication: replication)
        do {
            run.trace = CityTraceRecorder(
                writer: try TraceWriter(
                    path: path, appending: appending, format: format, replication: replication,
                    offices: model.offices.map(\.id), services: model.services.map(\.id), baseDate: run.baseDate))
        } catch {
            return (MetricSample(), 0, error.message)
        }
        run.simulate()
        return (run.metrics(), run.trace?.writer.rows ?? 0, run.trace?.writer.failure)
    }

    /// `summarizeReplications` with a trace: on several threads each replication writes its rows to a
    /// part file of its own beside `trace.path`, and the parts are appended to the trace in replication
    /// order as the summary takes them, then removed; on one thread the replications, run in order,
    /// append to the trace directly. The trace is byte for byte the same for any thread count; memory
    /// holds one write buffer per thread. Returns the summary and the rows written.
    public func summarizeReplications(
        _ n: Int, days: Int, seed: UInt64, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        trace: TraceRequest, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(TraceError) -> (summary: MetricAccumulator, rows: Int) {
        let assembler = try TraceAssembler(path: trace.path, header: trace.format.header)
        let direct = min(threads, n) <= 1
        if direct { try assembler.closeForDirectWriting() }
        var accumulator = MetricAccumulator()
        Replications.fold(
            n, threads: threads, progress: progress, into: &accumulator,
            { replication in
                let part = direct ? trace.path : "\(trace.path).part-\(replication)"
                let result = run(
                    days: days, seed: seed, replication: replication, tracingTo: part, appending: direct,
                    format: trace.format)
                return (result.sample, part, result.rows, result.failure)
            },
            combine: { accumulator, result in
                accumulator.add(result.0)
                if direct {
                    assembler.count(rows: result.2, failure: result.3)
                } else {
                    assembler.append(part: result.1, rows: result.2, failure: result.3)
                }
            })
        try assembler.finish()
        return (accumulator, assembler.rows)
    }
}

/// The trace file being assembled from the replications' parts, in replication order. Used by one
/// `combine` call at a time (``Replications/fold``); the lock only makes that explicit.
final class TraceAssembler: @unchecked Sendable {
    private let lock = NSLock()
    private let path: String
    private let handle: FileHandle
    private var failure: String?
    private var isClosed = false
    private(set) var rows = 0

    init(path: String, header: [UInt8]) throws(TraceError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(header)),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw TraceError("cannot create the trace file \(path)") }
        self.path = path
        self.handle = handle
        do { try handle.seekToEnd() } catch { throw TraceError("cannot write the trace file \(path): \(error)") }
    }

    /// On one thread the replications write to the trace themselves: the header is written, and the
    /// assembler only counts.
    func closeForDirectWriting() throws(TraceError) {
        lock.lock()
        defer { lock.unlock() }
        isClosed = true
        do { try handle.close() } catch { throw TraceError("cannot write the trace file \(path): \(error)") }
    }

    func count(rows: Int, failure partFailure: String?) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil, let partFailure { failure = partFailure }
        self.rows += rows
    }

    /// Appends the part file at `part` (then removes it), in 4 MiB blocks.
    func append(part: String, rows: Int, failure partFailure: String?) {
        lock.lock()
        defer { lock.unlock() }
        defer { try? FileManager.default.removeItem(atPath: part) }
        if failure == nil, let partFailure { failure = partFailure }
        guard failure == nil else { return }
        guard let input = FileHandle(forReadingAtPath: part) else {
            failure = "cannot read the trace part \(part)"
            return
        }
        defer { try? input.close() }
        do {
            while let block = try input.read(upToCount: 4 << 20), !block.isEmpty {
                try handle.write(contentsOf: block)
            }
            self.rows += rows
        } catch {
            failure = "cannot write the trace file \(path): \(error.localizedDescription)"
        }
    }

    func finish() throws(TraceError) {
        lock.lock()
        defer { lock.unlock() }
        if !isClosed {
            do { try handle.close() } catch { if failure == nil { failure = "cannot close \(path): \(error)" } }
        }
        if let failure { throw TraceError(failure) }
    }
}
