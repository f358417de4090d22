import AntreanEngine
import Foundation
import Testing

@testable import AntreanSchedule

/// The exact recursion against published numbers, against hand calculation and against an
/// independent direct simulation of the same session.
@Suite("Exact session evaluator")
struct ExactSessionEvaluatorTests {
    /// Bailey's case (appointments.md): 12 citizens, interval = mean service = 10 min, exponential,
    /// punctual, no no-shows. Individual: wait 12.16, overtime 21.73; Bailey–Welch: 15.11, 16.74.
    @Test func baileysCaseMatchesThePublishedExactFigures() throws {
        let evaluator = try exactSession(citizens: 12, intervals: 12)
        let individual = try evaluator.evaluate(ReferenceSchedules.uniform(citizens: 12, intervals: 12))
        #expect(abs(individual.waitMinutes - 12.16) < 0.006)
        #expect(abs(individual.overtimeMinutes - 21.73) < 0.006)
        let baileyWelch = try evaluator.evaluate(ReferenceSchedules.baileyWelch(citizens: 12, intervals: 12))
        #expect(abs(baileyWelch.waitMinutes - 15.11) < 0.006)
        #expect(abs(baileyWelch.overtimeMinutes - 16.74) < 0.006)
    }

    /// One citizen, no no-shows: no wait; idle d − E[min(S, d)] = d·e^{−1} when d = 1/μ, in the
    /// first interval, d in each later one; overtime E[(S − I·d)⁺] = (1/μ)·e^{−μ I d}.
    @Test func oneCitizenByHand() throws {
        let evaluator = try exactSession(citizens: 1, intervals: 3)
        let result = try evaluator.evaluate([1, 0, 0])
        #expect(result.waitMinutes == 0)
        let busyFirst = 10 * (1 - exp(-1.0))
        let busyLater = 10 * (exp(-1.0) - exp(-3.0))  // E[min(S, 30)] − E[min(S, 10)]
        #expect(abs(result.idleMinutes - (30 - busyFirst - busyLater)) < 1e-9)
        #expect(abs(result.overtimeMinutes - 10 * exp(-3.0)) < 1e-9)
        // Makespan of a single job starting at 0 is its service time: mean 10.
        #expect(abs(result.makespanMinutes - 10) < 1e-9)
    }

    /// Two citizens together at the start, no no-shows: the second waits S₁ (mean 10), so the mean
    /// wait per citizen is 5; the makespan is S₁ + S₂, mean 20.
    @Test func aBlockOfTwoByHand() throws {
        let evaluator = try exactSession(citizens: 2, intervals: 4)
        let result = try evaluator.evaluate([2, 0, 0, 0])
        #expect(abs(result.waitMinutes - 5) < 1e-9)
        #expect(abs(result.makespanMinutes - 20) < 1e-9)
    }

    @Test func badSchedulesAreRejected() throws {
        let evaluator = try exactSession(citizens: 4, intervals: 3)
        #expect(throws: ScheduleError.self) { try evaluator.evaluate([1, 1]) }
        #expect(throws: ScheduleError.self) { try evaluator.evaluate([5, -1, 0]) }
        #expect(throws: ScheduleError.self) { try evaluator.evaluate([1, 1, 1]) }
        #expect(throws: ScheduleError.self) { try exactSession(citizens: 4, intervals: 3, noShow: 1) }
        #expect(throws: ScheduleError.self) { try ScheduleWeights(wait: 0, idle: 0, overtime: 0) }
        #expect(throws: ScheduleError.self) { try ScheduleWeights(wait: -1, idle: 1, overtime: 0) }
    }

    /// The exact figures fall inside the 95% intervals of 40,000 directly simulated sessions
    /// (`SimulatedSessionEvaluator`: its own event logic, no recursion), for the individual and the
    /// Bailey–Welch schedule of Bailey's case, and for both with 20% no-shows.
    @Test(arguments: [0.0, 0.2])
    func exactAgreesWithDirectSimulation(noShow: Double) throws {
        let exact = try exactSession(citizens: 12, intervals: 12, noShow: noShow)
        let simulated = try SimulatedSessionEvaluator(
            SimulatedSession(
                intervals: 12, intervalMinutes: 10, citizens: 12, noShowProbability: noShow,
                service: .exponential(mean: 10), replications: 40_000, seed: 2007, weights: .equal))
        for places in [
            ReferenceSchedules.uniform(citizens: 12, intervals: 12),
            ReferenceSchedules.baileyWelch(citizens: 12, intervals: 12), [4, 0, 2, 0, 3, 0, 0, 1, 0, 2, 0, 0],
        ] {
            let expected = try exact.evaluate(places)
            var waits: [Double] = []
            var idles: [Double] = []
            var overtimes: [Double] = []
            var makespans: [Double] = []
            for r in 0..<40_000 {
                let figures = simulated.simulate(places, replication: r)
                waits.append(figures.wait)
                idles.append(figures.idle)
                overtimes.append(figures.overtime)
                makespans.append(figures.makespan)
            }
            for (name, sample, value) in [
                ("wait", waits, expected.waitMinutes), ("idle", idles, expected.idleMinutes),
                ("overtime", overtimes, expected.overtimeMinutes), ("makespan", makespans, expected.makespanMinutes),
            ] {
                let (mean, halfWidth) = meanAndHalfWidth(sample)
                #expect(
                    abs(mean - value) <= halfWidth,
                    "\(places) \(name): exact \(value), simulated \(mean) ± \(halfWidth)")
            }
        }
    }
}

extension ExactSessionEvaluatorTests {
    /// The search's pruning bound never exceeds the objective of any schedule with that prefix, and
    /// equals it once every interval is in; checked on every schedule of small sessions, with and
    /// without no-shows, over- and underbooked.
    @Test(arguments: [(6, 5, 0.0, 10.0), (7, 4, 0.25, 10.0), (4, 6, 0.1, 15.0), (8, 5, 0.3, 6.0)])
    func pruningBoundIsALowerBound(citizens: Int, intervals: Int, noShow: Double, intervalMinutes: Double) throws {
        for weights in [(1.0, 1.0, 1.0), (2.0, 0.5, 0.0), (0.0, 1.0, 3.0), (1.0, 0.0, 1.0)] {
            let evaluator = try exactSession(
                citizens: citizens, intervals: intervals, noShow: noShow, intervalMinutes: intervalMinutes,
                weights: try ScheduleWeights(wait: weights.0, idle: weights.1, overtime: weights.2))
            for places in allSchedules(citizens: citizens, intervals: intervals) {
                var bounds: [Double] = []
                for (t, count) in places.enumerated() {
                    evaluator.advance(interval: t, places: count)
                    bounds.append(evaluator.lowerBound(through: t + 1))
                }
                let objective = evaluator.finalObjective()
                #expect(bounds.allSatisfy { $0 <= objective + 1e-9 }, "\(places) \(weights): \(bounds) vs \(objective)")
                #expect(abs((bounds.last ?? 0) - objective) < 1e-9)
            }
        }
    }
}
