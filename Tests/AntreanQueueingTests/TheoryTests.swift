import AntreanEngine
import Testing

@testable import AntreanQueueing

/// The simulation against queueing theory. Each model runs 16 replications of a long run after a
/// warm-up; agreement is judged by the replications' confidence interval (see `expectAgreement`).
@Suite struct TheoryTests {
    static let replications = 16

    func simulate(_ queue: QueueSpec, minutes: Double, warmUp: Double) throws -> [MetricSample] {
        let spec = QueueNetworkSpec(queues: [queue], runLength: .minutes(minutes), warmUpMinutes: warmUp)
        return try QueueNetworkSimulation(spec).runReplications(Self.replications, seed: 20_241_123, threads: 2)
    }

    @Test func mmcMatchesErlangC() throws {
        let queue = QueueSpec(
            name: "A", counters: 5, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 4.5))
        let samples = try simulate(queue, minutes: 20_000, warmUp: 500)
        let wait = Theory.mmcWait(servers: 5, arrivalRate: 4.5, serviceRate: 1)
        // Erlang C by hand: C = 153.77 / (47.898 + 153.77) = 0.76249, Wq = C / (cμ − λ) = 1.52499.
        #expect(abs(wait - 1.524_986) < 1e-6)
        expectAgreement(samples, "overall.wait_minutes", theory: wait)
        expectAgreement(samples, "queues.A.wait_minutes", theory: wait)
        expectAgreement(samples, "overall.system_minutes", theory: wait + 1)
        expectAgreement(samples, "overall.utilization", theory: 0.9, relative: 0.02)
        expectAgreement(samples, "overall.queue_length", theory: 4.5 * wait)
        expectAgreement(samples, "overall.throughput_per_minute", theory: 4.5, relative: 0.02)
        expectLittlesLaw(samples)
    }

    @Test func mm1MatchesTheory() throws {
        let queue = QueueSpec(
            name: "single", counters: 1, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 0.7))
        let samples = try simulate(queue, minutes: 40_000, warmUp: 500)
        expectAgreement(samples, "overall.wait_minutes", theory: 0.7 / (1 - 0.7))
        expectAgreement(samples, "overall.in_system", theory: 0.7 / (1 - 0.7))
        // In M/M/1 the wait of those who wait is exponential with rate μ − λ: P(W > w) = ρ e^{−(μ−λ)w}.
        let p90 = Double.log(0.7 / 0.1) / 0.3
        expectAgreement(samples, "overall.wait_minutes.p90", theory: p90)
        expectLittlesLaw(samples)
    }

    @Test func md1MatchesPollaczekKhinchine() throws {
        let queue = QueueSpec(
            name: "D", counters: 1, service: .deterministic(1), arrivals: .poisson(ratePerMinute: 0.7))
        let samples = try simulate(queue, minutes: 30_000, warmUp: 500)
        let wait = Theory.pollaczekKhinchine(arrivalRate: 0.7, serviceMean: 1, serviceVariance: 0)
        expectAgreement(samples, "overall.wait_minutes", theory: wait)
        expectLittlesLaw(samples)
    }

    @Test func mg1LognormalMatchesPollaczekKhinchine() throws {
        let service = Distribution.lognormal(mean: 1, sd: 1.5)
        let queue = QueueSpec(name: "G", counters: 1, service: service, arrivals: .poisson(ratePerMinute: 0.6))
        let samples = try simulate(queue, minutes: 60_000, warmUp: 500)
        let wait = Theory.pollaczekKhinchine(arrivalRate: 0.6, serviceMean: 1, serviceVariance: 2.25)
        expectAgreement(samples, "overall.wait_minutes", theory: wait)
        expectLittlesLaw(samples)
    }

    @Test func abandonmentMatchesErlangA() throws {
        // Overloaded on purpose (λ > cμ): only abandonment keeps the queue stable.
        let queue = QueueSpec(
            name: "impatient", counters: 3, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 3.5),
            patience: .exponential(mean: 2))
        let samples = try simulate(queue, minutes: 20_000, warmUp: 500)
        let theory = Theory.erlangA(servers: 3, arrivalRate: 3.5, serviceRate: 1, abandonRate: 0.5)
        expectAgreement(samples, "overall.queue_length", theory: theory.queueLength)
        let fractions = samples.map { MetricSample(["f": $0["overall.abandoned"]! / $0["overall.arrivals"]!]) }
        expectAgreement(fractions, "f", theory: theory.abandonedFraction)
        // The wait of every arrival, served or abandoned, is Lq ÷ λ (Little's law on the line); the
        // wait of those served alone is shorter, as the longest waiters leave.
        expectAgreement(samples, "overall.wait_all_minutes", theory: theory.queueLength / 3.5)
        for sample in samples {
            #expect(sample["overall.wait_minutes"]! < sample["overall.wait_all_minutes"]!)
            #expect(sample["overall.abandon_minutes"]! > 0)
        }
        // The table's λ·W with W over every arrival is L of the line: λ × wait of all ≈ Erlang A's Lq.
        expectAgreement(
            samples.map {
                MetricSample(["lq": $0["overall.arrival_rate_per_minute"]! * $0["overall.wait_all_minutes"]!])
            },
            "lq", theory: theory.queueLength)
    }

    /// A run by arrivals stops arriving at its N-th customer and then drains: throughput counts the
    /// customers served among those who arrived before the last one, over the time to the last arrival.
    /// With Poisson arrivals that is n ÷ Gamma(n + 1, λ), unbiased for λ; dividing every departure by
    /// the span including the drain (about L ÷ (μ − λ) = 9 minutes at ρ = 0.9) was 3–4% low.
    @Test func throughputOfARunByArrivalsIsTheArrivalRate() throws {
        let queue = QueueSpec(
            name: "single", counters: 1, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 0.9))
        let spec = QueueNetworkSpec(queues: [queue], runLength: .arrivals(200))
        let samples = try QueueNetworkSimulation(spec).runReplications(400, seed: 20_261_206, threads: 2)
        expectAgreement(samples, "overall.throughput_per_minute", theory: 0.9, relative: 0.02)
    }

    @Test func priorityClassesMatchCobham() throws {
        let queue = QueueSpec(
            name: "P", counters: 2, service: .exponential(mean: 1), arrivals: .poisson(ratePerMinute: 1.6),
            discipline: .priority,
            classes: [
                CustomerClass(name: "urgent", share: 0.25, priority: 0),
                CustomerClass(name: "normal", share: 0.75, priority: 1),
            ])
        let samples = try simulate(queue, minutes: 40_000, warmUp: 500)
        let waits = Theory.priorityWaits(servers: 2, arrivalRates: [0.4, 1.2], serviceRate: 1)
        expectAgreement(samples, "queues.P.classes.urgent.wait_minutes", theory: waits[0])
        expectAgreement(samples, "queues.P.classes.normal.wait_minutes", theory: waits[1])
        // Priorities only reorder the line: the overall wait is still Erlang C's.
        expectAgreement(
            samples, "overall.wait_minutes", theory: Theory.mmcWait(servers: 2, arrivalRate: 1.6, serviceRate: 1))
    }

    @Test func hourlyProfileArrivalsAverageTheIntegratedRate() throws {
        // A day of rates per hour; ample counters so nobody waits. Arrivals per day are Poisson
        // with mean Σ rates.
        let rates: [Double] = [0, 0, 0, 0, 0, 0, 0, 30, 90, 120, 60, 40, 20, 60, 80, 30, 10, 0, 0, 0, 0, 0, 0, 0]
        let queue = QueueSpec(
            name: "day", counters: 50, service: .exponential(mean: 5), arrivals: .hourlyProfile(ratesPerHour: rates))
        let spec = QueueNetworkSpec(queues: [queue], runLength: .minutes(24 * 60 * 10))
        let samples = try QueueNetworkSimulation(spec).runReplications(Self.replications, seed: 3, threads: 2)
        expectAgreement(samples, "overall.arrivals", theory: 10 * rates.reduce(0, +), relative: 0.02)
        expectAgreement(samples, "overall.wait_minutes", theory: 0, relative: 0.01)
    }

    /// L = λW: time-average number in system against throughput × mean time in system. In a
    /// finite window the customers present at its two ends (about L each) make the sides differ by
    /// about 2·L·W / window, more when service times are heavy-tailed (a customer present at the end
    /// may have been there long). The bound is that term plus 1% of L: a consistency check; the exact
    /// identity, for runs that end empty, is tested in `ModelTests`.
    func expectLittlesLaw(_ samples: [MetricSample], sourceLocation: SourceLocation = #_sourceLocation) {
        for sample in samples {
            let inSystem = sample["overall.in_system"]!
            let littles = sample["overall.throughput_per_minute"]! * sample["overall.system_minutes"]!
            let window = sample["overall.observed_minutes"]!
            let boundary = 2 * (inSystem + 1) * sample["overall.system_minutes"]! / window + 0.01 * inSystem
            #expect(
                abs(inSystem - littles) <= boundary, "L \(inSystem) vs λW \(littles)", sourceLocation: sourceLocation)
        }
    }
}
