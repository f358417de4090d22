@testable import AntreanSchedule

/// Every way to place `citizens` in `intervals` intervals (compositions into non-negative parts),
/// C(N + I − 1, I − 1) of them: the exhaustive oracle for the search.
func allSchedules(citizens: Int, intervals: Int) -> [[Int]] {
    var result: [[Int]] = []
    var current = [Int](repeating: 0, count: intervals)
    func fill(_ t: Int, _ remaining: Int) {
        if t == intervals - 1 {
            current[t] = remaining
            result.append(current)
            return
        }
        for count in 0...remaining {
            current[t] = count
            fill(t + 1, remaining - count)
        }
    }
    fill(0, citizens)
    return result
}

/// The exact session of Bailey's classic case and its variants: intervals equal to the mean service.
func exactSession(
    citizens: Int, intervals: Int, noShow: Double = 0, intervalMinutes: Double = 10, meanService: Double = 10,
    weights: ScheduleWeights = .equal
) throws -> ExactSessionEvaluator {
    try ExactSessionEvaluator(
        intervals: intervals, intervalMinutes: intervalMinutes, citizens: citizens, noShowProbability: noShow,
        meanServiceMinutes: meanService, weights: weights)
}

/// Mean and 95% half-width of a sample (normal approximation; used with thousands of values).
func meanAndHalfWidth(_ values: [Double]) -> (mean: Double, halfWidth: Double) {
    let count = Double(values.count)
    let mean = values.reduce(0, +) / count
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
    return (mean, 1.959964 * (variance / count).squareRoot())
}
