import AntreanEngine
import Testing

@testable import AntreanSchedule

/// The simulation evaluator on cases worked out by hand, and its paired-improvement search.
@Suite("Simulated session evaluator")
struct SimulatedSessionEvaluatorTests {
    static func session(
        citizens: Int = 12, intervals: Int = 12, counters: Int = 1, noShow: Double = 0, service: Distribution,
        lateness: Distribution? = nil, replications: Int = 200
    ) -> SimulatedSession {
        SimulatedSession(
            intervals: intervals, intervalMinutes: 10, citizens: citizens, counters: counters,
            noShowProbability: noShow,
            service: service, lateness: lateness, replications: replications, seed: 11, weights: .equal)
    }

    /// Deterministic service equal to the interval: one per interval never waits and never leaves
    /// the counter idle; Bailey–Welch makes 11 citizens wait one service each (110 / 12 minutes)
    /// and still ends on time.
    @Test func deterministicServiceByHand() throws {
        let evaluator = try SimulatedSessionEvaluator(Self.session(service: .deterministic(10)))
        let individual = try evaluator.evaluate(ReferenceSchedules.uniform(citizens: 12, intervals: 12))
        #expect(individual.waitMinutes == 0 && individual.idleMinutes == 0 && individual.overtimeMinutes == 0)
        #expect(individual.makespanMinutes == 120)
        let baileyWelch = try evaluator.evaluate(ReferenceSchedules.baileyWelch(citizens: 12, intervals: 12))
        #expect(abs(baileyWelch.waitMinutes - 110.0 / 12) < 1e-9)
        #expect(baileyWelch.idleMinutes == 0 && baileyWelch.overtimeMinutes == 0)
    }

    /// Two counters, deterministic service of one interval, two citizens per interval: nobody waits;
    /// all twelve at once: waits 0,0,10,10,…,50,50 → mean 25; the last finishes at 60, so the
    /// counters are idle 2 × (60 − 60) = 0 minutes within a 60-minute session of 6 intervals.
    @Test func twoCountersByHand() throws {
        let evaluator = try SimulatedSessionEvaluator(
            Self.session(intervals: 6, counters: 2, service: .deterministic(10)))
        let paired = try evaluator.evaluate([2, 2, 2, 2, 2, 2])
        #expect(paired.waitMinutes == 0 && paired.idleMinutes == 0 && paired.overtimeMinutes == 0)
        let block = try evaluator.evaluate([12, 0, 0, 0, 0, 0])
        #expect(abs(block.waitMinutes - 25) < 1e-9)
        #expect(block.idleMinutes == 0 && block.makespanMinutes == 60)
    }

    /// Early citizens are not counted as waiting before their appointment; a late one arrives late.
    /// Lateness +5 min for everyone with deterministic 10-min service, one per interval: no wait, the
    /// counter idles the first 5 minutes, the last finishes at 125 (5 min overtime).
    @Test func latenessShiftsTheSession() throws {
        let evaluator = try SimulatedSessionEvaluator(
            Self.session(service: .deterministic(10), lateness: .deterministic(5)))
        let result = try evaluator.evaluate(ReferenceSchedules.uniform(citizens: 12, intervals: 12))
        #expect(result.waitMinutes == 0)
        #expect(abs(result.idleMinutes - 5) < 1e-9)
        #expect(abs(result.overtimeMinutes - 5) < 1e-9)
    }

    /// Walk-ins arrive at the given rate: with deterministic service s the counter's work in a
    /// replication is s × (citizens + walk-ins) = busy time in the session + overtime, so the walk-in
    /// count per replication is read back from the figures; its mean over 400 replications lies
    /// within 4 standard errors of the Poisson mean λ·I·d (variance λ·I·d).
    @Test func walkInsArriveAtTheirRate() throws {
        var session = Self.session(service: .deterministic(4), replications: 400)
        session.walkInsPerHour = 3
        let evaluator = try SimulatedSessionEvaluator(session)
        let places = ReferenceSchedules.uniform(citizens: 12, intervals: 12)
        var count = Welford()
        for r in 0..<session.replications {
            let figures = evaluator.simulate(places, replication: r)
            count.add((120 - figures.idle + figures.overtime) / 4 - 12)
        }
        let expected = 3.0 * 120 / 60
        #expect(abs(count.mean - expected) < 4 * (expected / 400).squareRoot())
        #expect(count.variance > 0)
    }

    /// Adding walk-ins to a first-come-first-served line never shortens a booked citizen's wait nor
    /// lengthens the idle time (Lindley's recursion is monotone in the work arriving), replication by
    /// replication on the same booked draws; and the wait is per arriving citizen, walk-ins included.
    @Test func walkInsOnlyAddWaitingAndRemoveIdleTime() throws {
        let booked = Self.session(noShow: 0.1, service: .exponential(mean: 10))
        var mixed = booked
        mixed.walkInsPerHour = 2
        let alone = try SimulatedSessionEvaluator(booked)
        let together = try SimulatedSessionEvaluator(mixed)
        let places = ReferenceSchedules.baileyWelch(citizens: 12, intervals: 12)
        var strictlyMore = 0
        for r in 0..<booked.replications {
            let a = alone.simulate(places, replication: r)
            let b = together.simulate(places, replication: r)
            let (totalA, totalB) = (a.wait * 12 * 0.9, b.wait * (12 * 0.9 + 2 * 2))
            #expect(totalB >= totalA - 1e-9)
            #expect(b.idle <= a.idle + 1e-9)
            if totalB > totalA + 1e-9 { strictlyMore += 1 }
        }
        #expect(strictlyMore > booked.replications / 2)
        #expect(throws: ScheduleError.self) {
            var bad = booked
            bad.walkInsPerHour = -1
            _ = try SimulatedSessionEvaluator(bad)
        }
    }

    /// The search by simulation (lognormal service, two counters, unpunctual citizens) improves on a
    /// bad start, and the optimum's paired difference from the start is significant on fresh numbers
    /// (another seed).
    @Test func pairedSearchImprovesOnABadStart() throws {
        var session = Self.session(
            citizens: 16, intervals: 8, counters: 2, noShow: 0.1, service: .lognormal(mean: 18, sd: 9),
            lateness: .normal(mean: 0, sd: 3), replications: 400)
        var evaluator = try SimulatedSessionEvaluator(session)
        let start = [16, 0, 0, 0, 0, 0, 0, 0]
        let found = try ScheduleSearch.optimize(&evaluator, from: start, neighbourhood: .small)
        #expect(found.moves > 0)
        #expect(found.places.reduce(0, +) == 16)
        session.seed = 12
        let fresh = try SimulatedSessionEvaluator(session)
        #expect(try fresh.prefers(found.places, over: start))
        #expect(try !fresh.prefers(start, over: found.places))
    }

    /// Common random numbers: the same schedule compared with itself is never an improvement, and
    /// the figures depend only on the seed.
    @Test func commonRandomNumbersAndSeeds() throws {
        let session = Self.session(noShow: 0.1, service: .exponential(mean: 10))
        let first = try SimulatedSessionEvaluator(session)
        let second = try SimulatedSessionEvaluator(session)
        let places = ReferenceSchedules.baileyWelch(citizens: 12, intervals: 12)
        #expect(try first.evaluate(places) == second.evaluate(places))
        #expect(try !first.prefers(places, over: places))
    }
}
