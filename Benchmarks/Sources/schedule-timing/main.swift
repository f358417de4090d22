// Wall-clock timings of the appointment-schedule search, and the gap between the small and the
// large neighbourhood. Usage (release build, from Benchmarks/):
//   .build/release/schedule-timing [citizens intervals neighbourhood]...
// e.g. `schedule-timing 12 12 large 20 20 large 40 48 small 40 48 large`. Each run starts from the
// individual schedule, equal weights, 10% no-shows, intervals of one mean service (10 min).
// `schedule-timing evaluate 12 12` times exact evaluations of the Bailey–Welch schedule instead, in
// CPU time (clock()), so that a machine loaded by others still gives the evaluator's own cost.
import AntreanSchedule
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "evaluate", arguments.count == 3, let citizens = Int(arguments[1]),
    let intervals = Int(arguments[2])
{
    arguments = []
    do {
        let evaluator = try ExactSessionEvaluator(
            intervals: intervals, intervalMinutes: 10, citizens: citizens, noShowProbability: 0.1,
            meanServiceMinutes: 10, weights: .equal)
        let schedule = ReferenceSchedules.baileyWelch(citizens: citizens, intervals: intervals)
        let count = 200_000
        var sink = 0.0
        let began = clock()
        for _ in 0..<count { sink += try evaluator.evaluate(schedule).objective }
        let seconds = Double(clock() - began) / Double(CLOCKS_PER_SEC)
        print(
            "exact evaluation, \(citizens) citizens × \(intervals) intervals: "
                + String(format: "%.3f µs CPU each over %d (checksum %.3f)", seconds / Double(count) * 1e6, count, sink)
        )
    } catch {
        print("error: \(error)")
    }
    exit(0)
}
guard arguments.count % 3 == 0, !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: schedule-timing citizens intervals small|large ...\n".utf8))
    exit(64)
}
for index in stride(from: 0, to: arguments.count, by: 3) {
    guard let citizens = Int(arguments[index]), let intervals = Int(arguments[index + 1]),
        let neighbourhood = Neighbourhood(rawValue: arguments[index + 2])
    else {
        FileHandle.standardError.write(Data("bad triple at \(index)\n".utf8))
        exit(64)
    }
    do {
        let evaluator = try ExactSessionEvaluator(
            intervals: intervals, intervalMinutes: 10, citizens: citizens, noShowProbability: 0.1,
            meanServiceMinutes: 10, weights: .equal)
        let start = ReferenceSchedules.uniform(citizens: citizens, intervals: intervals)
        let began = Date()
        let result = try ScheduleSearch.optimize(exact: evaluator, from: start, neighbourhood: neighbourhood)
        let seconds = Date().timeIntervalSince(began)
        print(
            "\(citizens) citizens × \(intervals) intervals, \(neighbourhood.rawValue): "
                + String(
                    format: "%.4f s, objective %.6f, %d moves, %d neighbours", seconds,
                    result.evaluation.objective, result.moves, result.neighboursExamined)
                + " places \(result.places.map(String.init).joined(separator: " "))")
    } catch {
        print("error: \(error)")
    }
}
