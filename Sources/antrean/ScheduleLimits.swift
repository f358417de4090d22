import AntreanSchedule
import ArgumentParser

extension ScheduleSettings {
    /// The evaluators' own size limits, checked before the search and named by the option that sets
    /// each one (the evaluators' messages cannot know it), so that a session too large to evaluate is a
    /// usage error like any other bad option. O(1).
    func checkEvaluatorLimits() throws {
        if isExact, case .exponential(let mean) = service {
            let why = "the exact evaluator (exponential service, one counter, punctual citizens, no walk-ins)"
            guard citizens <= ExactSessionEvaluator.maximumCitizens else {
                throw ValidationError(
                    "--citizens: \(why) places at most \(ExactSessionEvaluator.maximumCitizens) citizens, "
                        + "got \(citizens)")
            }
            guard intervals <= ExactSessionEvaluator.maximumIntervals else {
                throw ValidationError(
                    "--intervals: \(why) takes at most \(ExactSessionEvaluator.maximumIntervals) intervals, "
                        + "got \(intervals)")
            }
            guard intervalMinutes / mean <= 100 else {
                throw ValidationError(
                    "--interval: an interval of more than 100 mean service times (--service) leaves the counter "
                        + "idle almost throughout; shorten it")
            }
            return
        }
        guard counters <= SimulatedSessionEvaluator.maximumCounters else {
            throw ValidationError(
                "--counters: the simulation takes at most \(SimulatedSessionEvaluator.maximumCounters) counters, "
                    + "got \(counters)")
        }
        let draws = replications.multipliedReportingOverflow(by: citizens)
        guard replications <= SimulatedSessionEvaluator.maximumReplications, !draws.overflow,
            draws.partialValue <= SimulatedSessionEvaluator.maximumDraws
        else {
            throw ValidationError(
                "--replications: --replications × --citizens may be at most "
                    + "\(SimulatedSessionEvaluator.maximumDraws) (the draws are held in memory), got "
                    + "\(replications) × \(citizens)")
        }
    }
}
