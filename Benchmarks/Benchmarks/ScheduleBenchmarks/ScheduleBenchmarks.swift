// Appointment-schedule benchmarks (ordo-one/benchmark). Run from Benchmarks/:
//   swift package benchmark --target ScheduleBenchmarks
// Exact/12x12: one exact evaluation of the individual schedule of 12 citizens over 12 intervals
// (Kaandorp & Koole's recursion); the malloc count shows an evaluation allocates nothing.
// Search/…: whole local searches from the individual schedule, equal weights, 10% no-shows,
// intervals of one mean service (10 min), one thread.
import AntreanSchedule
import Benchmark

func evaluator(citizens: Int, intervals: Int) -> ExactSessionEvaluator? {
    try? ExactSessionEvaluator(
        intervals: intervals, intervalMinutes: 10, citizens: citizens, noShowProbability: 0.1, meanServiceMinutes: 10,
        weights: .equal)
}

func searchBenchmark(citizens: Int, intervals: Int, neighbourhood: Neighbourhood) {
    Benchmark(
        "Search/\(neighbourhood.rawValue)/\(citizens)x\(intervals)",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(20), maxIterations: 5)
    ) { benchmark in
        guard let evaluator = evaluator(citizens: citizens, intervals: intervals) else { return }
        let start = ReferenceSchedules.uniform(citizens: citizens, intervals: intervals)
        benchmark.startMeasurement()
        let result = try? ScheduleSearch.optimize(exact: evaluator, from: start, neighbourhood: neighbourhood)
        benchmark.stopMeasurement()
        blackHole(result)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "Exact/12x12",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(3))
    ) { benchmark in
        guard let evaluator = evaluator(citizens: 12, intervals: 12) else { return }
        let places = ReferenceSchedules.uniform(citizens: 12, intervals: 12)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try? evaluator.evaluate(places))
        }
        benchmark.stopMeasurement()
    }
    searchBenchmark(citizens: 12, intervals: 12, neighbourhood: .large)
    searchBenchmark(citizens: 20, intervals: 20, neighbourhood: .large)
    searchBenchmark(citizens: 40, intervals: 48, neighbourhood: .small)
}
