import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the server's log lines go: a file descriptor (standard error) written by one serial queue that
/// takes every line queued since its last write in one `write(2)`, like the group commit of the store.
/// swift-log's `StreamLogHandler` on standard error flushed each line with its own system call under the
/// stream's lock; with one line per request that was a system call per request. Lines are written in the
/// order they were logged and none is dropped. The writer runs `delay` after the first line that finds it
/// idle, and writes everything queued by then: so under load the lines of a few milliseconds share one
/// call and one wake-up of the writer's thread (waking it for each line, as an immediate write did, cost
/// about as much CPU as the rest of an availability read), and under light load a line goes out within
/// `delay`. A producer that finds more than `maxPendingBytes` waiting (the descriptor blocks) has them
/// written at once and waits for that, so memory stays bounded. O(line) per line.
public final class LogSink: Sendable {
    public static let standardError = LogSink(fileDescriptor: 2)

    private struct State {
        var pending: [UInt8] = []
        var scheduled = false
    }

    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "antrean.log")
    private let fileDescriptor: Int32
    let maxPendingBytes: Int
    let delay: DispatchTimeInterval
    /// `write(2)` calls made so far (tests).
    private let writes = Atomic<Int>(0)

    public init(fileDescriptor: Int32, maxPendingBytes: Int = 1 << 20, delay: DispatchTimeInterval = .milliseconds(5)) {
        self.fileDescriptor = fileDescriptor
        self.maxPendingBytes = maxPendingBytes
        self.delay = delay
    }

    var writeCount: Int { writes.load(ordering: .relaxed) }

    /// Queues `text` for writing.
    public func append(_ text: String) { append { $0.append(contentsOf: text.utf8) } }

    /// Queues `bytes` (a whole line or lines) for writing.
    public func append(bytes: [UInt8]) { append { $0.append(contentsOf: bytes) } }

    private func append(_ add: (inout [UInt8]) -> Void) {
        let (schedule, full) = state.withLock { state -> (Bool, Bool) in
            add(&state.pending)
            defer { state.scheduled = true }
            return (!state.scheduled, state.pending.count > maxPendingBytes)
        }
        if full {
            queue.sync { drain() }
        } else if schedule {
            queue.asyncAfter(deadline: .now() + delay) { self.drain() }
        }
    }

    /// Returns once every line queued before the call is written (at shutdown).
    public func flush() { queue.sync { drain() } }

    /// Runs on the queue: writes what is pending until nothing is.
    private func drain() {
        while true {
            let batch = state.withLock { state -> [UInt8]? in
                guard !state.pending.isEmpty else {
                    state.scheduled = false
                    return nil
                }
                defer { state.pending = [] }
                return state.pending
            }
            guard let batch else { return }
            batch.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(fileDescriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                    writes.add(1, ordering: .relaxed)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return  // the descriptor is closed or broken: nothing to report the error to
                    }
                }
            }
        }
    }
}
