// The hold model (Jones 1986): a pending-event set of n entries; each step removes the first entry
// and inserts one at its time + Exp(1). Prints, per size, millions of remove+insert pairs per second
// for each heap, done as two operations ("pop_push") or as one `replaceFirst` ("replace"), and for
// the `Simulation` kernel (next + schedule, which fuses them), as JSON lines.
// Rates are per second of this thread's CPU time. Usage: hold-throughput [STEPS_PER_SIZE]
import AntreanEngine
import Foundation

let steps = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000_000 : 10_000_000

/// CPU time of this thread, so that other processes on a shared machine do not count.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
}

@inline(never)
func hold<Set: PendingEventSet>(_: Set.Type, size: Int, fused: Bool) -> (rate: Double, checksum: Double)
where Set.Event == Int32 {
    var stream = RandomStream(seed: 1, replication: 0, purpose: "hold")
    var set = Set(minimumCapacity: size + 1)
    var sequence: UInt64 = 0
    for _ in 0..<size {
        set.insert(ScheduledEvent(time: stream.nextExponential(), sequence: sequence, event: 0))
        sequence &+= 1
    }
    let started = threadCPUSeconds()
    var checksum = 0.0
    if fused {
        var first = set.first!
        for _ in 0..<steps {
            checksum += first.time
            let entry = ScheduledEvent(
                time: first.time + stream.nextExponential(), sequence: sequence, event: first.event)
            sequence &+= 1
            _ = set.replaceFirst(with: entry)
            first = set.first!
        }
    } else {
        for _ in 0..<steps {
            let first = set.removeFirst()!
            checksum += first.time
            set.insert(
                ScheduledEvent(time: first.time + stream.nextExponential(), sequence: sequence, event: first.event))
            sequence &+= 1
        }
    }
    return (Double(steps) / (threadCPUSeconds() - started) / 1e6, checksum)
}

@inline(never)
func holdKernel<Pending: PendingEventSet>(_: Pending.Type, size: Int) -> (rate: Double, checksum: Double)
where Pending.Event == Int32 {
    var stream = RandomStream(seed: 1, replication: 0, purpose: "hold")
    var simulation = EventScheduler<Int32, Pending>(expectedPendingEvents: size + 1)
    for _ in 0..<size { simulation.schedule(0, at: stream.nextExponential()) }
    let started = threadCPUSeconds()
    var checksum = 0.0
    for _ in 0..<steps {
        let (time, event) = simulation.next()!
        checksum += time
        simulation.schedule(event, after: stream.nextExponential())
    }
    return (Double(steps) / (threadCPUSeconds() - started) / 1e6, checksum)
}

func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

for exponent in 2...6 {
    let size = Int(pow(10, Double(exponent)))
    let results = [
        ("binary_pop_push", hold(BinaryHeap<Int32>.self, size: size, fused: false)),
        ("quaternary_pop_push", hold(QuaternaryHeap<Int32>.self, size: size, fused: false)),
        ("binary_replace", hold(BinaryHeap<Int32>.self, size: size, fused: true)),
        ("quaternary_replace", hold(QuaternaryHeap<Int32>.self, size: size, fused: true)),
        ("calendar_pop_push", hold(CalendarQueue<Int32>.self, size: size, fused: false)),
        ("calendar_replace", hold(CalendarQueue<Int32>.self, size: size, fused: true)),
        ("kernel", holdKernel(QuaternaryHeap<Int32>.self, size: size)),
        ("kernel_calendar", holdKernel(CalendarQueue<Int32>.self, size: size)),
    ]
    let fields = results.map { "\"\($0.0)\": \(round1($0.1.rate))" }.joined(separator: ", ")
    let agree = Set(results.map(\.1.checksum)).count == 1
    print("{\"size\": \(size), \"steps\": \(steps), \"unit\": \"M pairs/s\", \(fields), \"same_sequence\": \(agree)}")
}
