// Engine benchmarks (ordo-one/benchmark). Run from Benchmarks/:
//   swift package benchmark --target EngineBenchmarks
// Hold model (Jones 1986) on each pending-event set at 10^2 … 10^6 entries: one iteration is 10^6
// remove-first + insert pairs after the set has been filled (filling is not measured), so the
// throughput is in M pairs/s and the malloc count shows the steady state allocates nothing.
// M/M/5: one whole replication of 10^6 customers (λ = 4.5/min, μ = 1/min).
import AntreanEngine
import AntreanQueueing
import Benchmark

func filled<Set: PendingEventSet>(_: Set.Type, size: Int, stream: inout RandomStream) -> Set where Set.Event == Int32 {
    var set = Set(minimumCapacity: size + 1)
    for sequence in 0..<size {
        set.insert(ScheduledEvent(time: stream.nextExponential(), sequence: UInt64(sequence), event: 0))
    }
    return set
}

func holdBenchmark<Set: PendingEventSet>(_ name: String, _: Set.Type, size: Int) where Set.Event == Int32 {
    Benchmark(
        "Hold/\(name)/\(size)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .mega,
            maxDuration: .seconds(3), maxIterations: 10)
    ) { benchmark in
        var stream = RandomStream(seed: 1, replication: 0, purpose: "hold")
        var set = filled(Set.self, size: size, stream: &stream)
        var sequence = UInt64(size)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let first = set.removeFirst()!
            set.insert(
                ScheduledEvent(time: first.time + stream.nextExponential(), sequence: sequence, event: first.event))
            sequence &+= 1
        }
        benchmark.stopMeasurement()
        blackHole(set.first)
    }
}

func kernelHoldBenchmark(size: Int) {
    Benchmark(
        "Hold/Simulation/\(size)",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .mega,
            maxDuration: .seconds(3), maxIterations: 10)
    ) { benchmark in
        var stream = RandomStream(seed: 1, replication: 0, purpose: "hold")
        var simulation = Simulation<Int32>(expectedPendingEvents: size + 1)
        for _ in 0..<size { simulation.schedule(0, at: stream.nextExponential()) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let (_, event) = simulation.next()!
            simulation.schedule(event, after: stream.nextExponential())
        }
        benchmark.stopMeasurement()
        blackHole(simulation.now)
    }
}

let benchmarks: @Sendable () -> Void = {
    for exponent in 2...6 {
        var size = 1
        for _ in 0..<exponent { size *= 10 }
        holdBenchmark("BinaryHeap", BinaryHeap<Int32>.self, size: size)
        holdBenchmark("QuaternaryHeap", QuaternaryHeap<Int32>.self, size: size)
        holdBenchmark("CalendarQueue", CalendarQueue<Int32>.self, size: size)
        kernelHoldBenchmark(size: size)
    }

    let queue = QueueSpec(
        name: "A", counters: 5, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 4.5))
    let mm5 = try! QueueNetworkSimulation(QueueNetworkSpec(queues: [queue], runLength: .arrivals(1_000_000)))
    Benchmark(
        "MM5/1M customers",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident], scalingFactor: .one,
            maxDuration: .seconds(5), maxIterations: 10)
    ) { benchmark in
        for replication in benchmark.scaledIterations {
            blackHole(try? mm5.run(seed: 1, replication: replication))
        }
    }
}
