import RealModule

/// The exact evaluator of a single-counter appointment session in the model of Kaandorp & Koole
/// (2007, "Optimal outpatient appointment scheduling", Health Care Management Science 10:217–229).
///
/// The session has I intervals of length d. `x[t]` citizens are told to come at the start of interval
/// t; each shows with probability p = 1 − q, independently, and is punctual. Service is exponential
/// with mean 1/μ, first come first served; the counter works while anyone is present.
///
/// Let πₜ be the distribution of the number present just before the arrivals of interval t (π₀ = δ₀).
/// The arrivals are Aₜ ~ Binomial(xₜ, p), independent of the past, so the number present after them is
/// the convolution πₜ ∗ Binomial(xₜ, p). While m are present the completions in an interval are a
/// Poisson(μd) count P truncated at m (memoryless service), so
///
///     πₜ₊₁(j) = Σₘ π⁺ₜ(m) · P(P = m − j)   for j ≥ 1,      πₜ₊₁(0) = Σₘ π⁺ₜ(m) · P(P ≥ m).
///
/// From these:
/// - **Wait.** A citizen who finds k ahead waits k/μ in expectation (the one in service has an
///   exponential remainder). The a-th arrival of a batch (random order) finds Nₜ + a − 1 ahead, so the
///   expected total wait of interval t is (E[Aₜ]·E[Nₜ] + E[Aₜ(Aₜ − 1)]/2)/μ with E[Aₜ] = xₜp and
///   E[Aₜ(Aₜ − 1)] = xₜ(xₜ − 1)p². The reported wait is Σₜ of that over the expected number who show,
///   Np: the mean wait per arriving citizen.
/// - **Idle.** With m present at an interval's start the counter is busy min(Erlang(m, μ), d), whose
///   mean is (1/μ)·Σ_{k<m} P(Poisson(μd) ≥ k + 1); the idle time is d minus that.
/// - **Overtime** (tardiness past I·d) is E[N_I]/μ, N_I the number present at the session's end.
/// - **Makespan** (the expected time the last citizen is done, 0 if nobody shows): arrivals only come
///   at interval starts, so an interval's idle time lies at its end and is the session's last idle
///   stretch exactly when nobody shows later, probability q^(Σ_{s>t} xₛ), independent of the state.
///   Hence E[makespan] = I·d + E[overtime] − Σₜ E[idleₜ]·q^(Σ_{s>t} xₛ).
///
/// Everything is exact (no sampling). Cost per evaluation O(Σₜ (Xₜ·xₜ + Xₜ²/2)) with Xₜ the places
/// up to t: about 2,000 multiply-adds for 12 citizens over 12 intervals. The workspace is allocated
/// once in `init`; `evaluate` allocates nothing. A class, not a value: one evaluator per thread.
///
/// The search (`ScheduleSearch`) reuses the stored distributions: two schedules that agree on
/// intervals 0..<k share π₀…πₖ and the partial sums, so a neighbour is evaluated from its first
/// changed interval on.
public final class ExactSessionEvaluator: ScheduleEvaluator {
    public let intervals: Int
    public let citizens: Int
    public let intervalMinutes: Double
    public let meanServiceMinutes: Double
    public let noShowProbability: Double
    public let weights: ScheduleWeights

    /// Largest session accepted: the workspace holds (I + 1)·(N + 1) probabilities.
    public static let maximumCitizens = 2_000
    public static let maximumIntervals = 2_000

    let showProbability: Double
    let width: Int
    /// Binomial(x, p) probabilities, row x, column a: `binomial[x * width + a]`.
    let binomial: UnsafeMutablePointer<Double>
    /// P(Poisson(μd) = k), k = 0…N.
    let poisson: UnsafeMutablePointer<Double>
    /// P(Poisson(μd) ≥ m): the probability that all m present are served within the interval.
    let allServed: UnsafeMutablePointer<Double>
    /// Expected idle minutes of an interval that starts with m present.
    let idleGivenPresent: UnsafeMutablePointer<Double>

    // Workspace: row t holds πₜ on 0...scheduledBefore[t].
    let rows: UnsafeMutablePointer<Double>
    let afterArrivals: UnsafeMutablePointer<Double>
    /// Xₜ = places in intervals before t (t = 0...I).
    let scheduledBefore: UnsafeMutablePointer<Int>
    /// Σ over intervals before t of the expected total wait (minutes, not yet per citizen).
    let totalWaitBefore: UnsafeMutablePointer<Double>
    let idleBefore: UnsafeMutablePointer<Double>
    let idleIn: UnsafeMutablePointer<Double>
    let placesIn: UnsafeMutablePointer<Int>

    /// - Parameters:
    ///   - intervals: I ≥ 1; intervalMinutes: d > 0; citizens: N ≥ 1 (the number every schedule places).
    ///   - noShowProbability: q in [0, 1); meanServiceMinutes: 1/μ > 0, with d·μ ≤ 100.
    public init(
        intervals: Int, intervalMinutes: Double, citizens: Int, noShowProbability: Double, meanServiceMinutes: Double,
        weights: ScheduleWeights
    ) throws(ScheduleError) {
        guard (1...Self.maximumIntervals).contains(intervals) else {
            throw ScheduleError(
                "the number of intervals must be between 1 and \(Self.maximumIntervals), got \(intervals)")
        }
        guard (1...Self.maximumCitizens).contains(citizens) else {
            throw ScheduleError("the number of citizens must be between 1 and \(Self.maximumCitizens), got \(citizens)")
        }
        guard intervalMinutes.isFinite, intervalMinutes > 0 else {
            throw ScheduleError("the interval length must be positive, got \(intervalMinutes) minutes")
        }
        guard meanServiceMinutes.isFinite, meanServiceMinutes > 0 else {
            throw ScheduleError("the mean service time must be positive, got \(meanServiceMinutes) minutes")
        }
        guard intervalMinutes / meanServiceMinutes <= 100 else {
            throw ScheduleError("the interval is more than 100 mean service times long; shorten it")
        }
        guard noShowProbability.isFinite, noShowProbability >= 0, noShowProbability < 1 else {
            throw ScheduleError("the no-show probability must lie in [0, 1), got \(noShowProbability)")
        }
        self.intervals = intervals
        self.citizens = citizens
        self.intervalMinutes = intervalMinutes
        self.meanServiceMinutes = meanServiceMinutes
        self.noShowProbability = noShowProbability
        self.weights = weights
        showProbability = 1 - noShowProbability
        width = citizens + 1
        binomial = .allocate(capacity: width * width)
        poisson = .allocate(capacity: width)
        allServed = .allocate(capacity: width)
        idleGivenPresent = .allocate(capacity: width)
        rows = .allocate(capacity: (intervals + 1) * width)
        afterArrivals = .allocate(capacity: width)
        scheduledBefore = .allocate(capacity: intervals + 1)
        totalWaitBefore = .allocate(capacity: intervals + 1)
        idleBefore = .allocate(capacity: intervals + 1)
        idleIn = .allocate(capacity: intervals)
        placesIn = .allocate(capacity: intervals)
        prepareTables()
        rows[0] = 1
        scheduledBefore[0] = 0
        totalWaitBefore[0] = 0
        idleBefore[0] = 0
    }

    deinit {
        for pointer in [
            binomial, poisson, allServed, idleGivenPresent, rows, afterArrivals, totalWaitBefore, idleBefore, idleIn,
        ] {
            pointer.deallocate()
        }
        scheduledBefore.deallocate()
        placesIn.deallocate()
    }

    private func prepareTables() {
        let p = showProbability
        let q = noShowProbability
        // Binomial rows by repeated convolution with (q, p): stable, O(N²) once.
        binomial[0] = 1
        for x in 1..<width {
            let previous = binomial + (x - 1) * width
            let row = binomial + x * width
            row[0] = previous[0] * q
            for a in 1..<x { row[a] = previous[a] * q + previous[a - 1] * p }
            row[x] = previous[x - 1] * p
        }
        let rate = intervalMinutes / meanServiceMinutes
        poisson[0] = Double.exp(-rate)
        for k in 1..<width { poisson[k] = poisson[k - 1] * rate / Double(k) }
        var below = 0.0
        for m in 0..<width {
            allServed[m] = max(0, 1 - below)
            below += poisson[m]
        }
        var busy = 0.0
        for m in 0..<width {
            idleGivenPresent[m] = max(0, intervalMinutes - busy)
            if m + 1 < width { busy += meanServiceMinutes * allServed[m + 1] }
        }
    }

    /// The figures of `places`; throws if it is not a schedule of `citizens` over `intervals`.
    public func evaluate(_ places: [Int]) throws(ScheduleError) -> ScheduleEvaluation {
        try check(places)
        for (t, count) in places.enumerated() { advance(interval: t, places: count) }
        return finish()
    }

    /// Exact comparison: a strictly lower objective (beyond rounding, 1e-12 relative).
    public func prefers(_ candidate: [Int], over incumbent: [Int]) throws(ScheduleError) -> Bool {
        let incumbentObjective = try evaluate(incumbent).objective
        return Self.isBetter(try evaluate(candidate).objective, than: incumbentObjective)
    }

    static func isBetter(_ objective: Double, than incumbent: Double) -> Bool {
        objective < incumbent - 1e-12 * max(1, abs(incumbent))
    }

    /// Computes row t + 1 and the partial sums after interval t from row t, with `count` places in
    /// interval t. Rows 0...t must hold the schedule's prefix; the caller keeps Σ places ≤ N.
    @inline(__always)
    func advance(interval t: Int, places count: Int) {
        let before = scheduledBefore[t]
        let after = before + count
        scheduledBefore[t + 1] = after
        placesIn[t] = count
        let source = rows + t * width
        let target = rows + (t + 1) * width
        var meanPresent = 0.0
        for n in 0...before { meanPresent += Double(n) * source[n] }
        let p = showProbability
        let x = Double(count)
        totalWaitBefore[t + 1] =
            totalWaitBefore[t] + (x * p * meanPresent + x * (x - 1) * p * p / 2) * meanServiceMinutes
        // Arrivals: the convolution with Binomial(count, p).
        let arrivals = binomial + count * width
        for m in 0...after { afterArrivals[m] = 0 }
        for n in 0...before {
            let probability = source[n]
            if probability == 0 { continue }
            let shifted = afterArrivals + n
            for a in 0...count { shifted[a] += probability * arrivals[a] }
        }
        // Idle time of this interval, then the departures (Poisson truncated at the number present).
        var idle = 0.0
        var emptied = 0.0
        for m in 0...after {
            idle += afterArrivals[m] * idleGivenPresent[m]
            emptied += afterArrivals[m] * allServed[m]
        }
        idleIn[t] = idle
        idleBefore[t + 1] = idleBefore[t] + idle
        target[0] = emptied
        if after >= 1 {
            for j in 1...after {
                var sum = 0.0
                let shifted = afterArrivals + j
                for k in 0...(after - j) { sum += shifted[k] * poisson[k] }
                target[j] = sum
            }
        }
    }

    /// The wait and idle terms of the first t intervals (no overtime).
    @inline(__always)
    func partialObjective(through t: Int) -> Double {
        weights.wait * totalWaitBefore[t] / expectedArrivals + weights.idle * idleBefore[t]
    }

    /// A lower bound on the objective of every schedule that agrees with the advanced one on its
    /// first k intervals, used to prune the search. Three facts, all exact in expectation:
    /// - the wait and idle of the first k intervals are already incurred, and later terms are ≥ 0;
    /// - overtime ≥ the work present at kd, E[N_k]/μ, plus the expected work still to come,
    ///   p(N − X_k)/μ, minus the (I − k)d the counter can still do (Jensen: E[max(0, Y)] ≥ max(0, E[Y]));
    /// - idle − overtime = I·d − Np/μ for every schedule (the counter is busy for exactly the work
    ///   brought, inside the session or after it), so a bound on either gives one on the other.
    /// O(X_k) for the mean of row k. At k = I it equals the objective.
    @inline(__always)
    func lowerBound(through k: Int) -> Double {
        let row = rows + k * width
        var meanPresent = 0.0
        for n in 0...scheduledBefore[k] { meanPresent += Double(n) * row[n] }
        let remainingWork =
            (meanPresent + showProbability * Double(citizens - scheduledBefore[k])) * meanServiceMinutes
        let overtimeAtLeast = max(0, remainingWork - Double(intervals - k) * intervalMinutes)
        let idleMinusOvertime = Double(intervals) * intervalMinutes - expectedArrivals * meanServiceMinutes
        let idleSoFar = idleBefore[k]
        return weights.wait * totalWaitBefore[k] / expectedArrivals
            + weights.idle * max(idleSoFar, overtimeAtLeast + idleMinusOvertime)
            + weights.overtime * max(overtimeAtLeast, idleSoFar - idleMinusOvertime)
    }

    var expectedArrivals: Double { Double(citizens) * showProbability }

    /// The objective after all I intervals have been advanced.
    @inline(__always)
    func finalObjective() -> Double {
        partialObjective(through: intervals) + weights.overtime * overtimeMinutes()
    }

    @inline(__always)
    func overtimeMinutes() -> Double {
        let last = rows + intervals * width
        var meanPresent = 0.0
        for n in 0...scheduledBefore[intervals] { meanPresent += Double(n) * last[n] }
        return meanPresent * meanServiceMinutes
    }

    /// The figures once all I intervals have been advanced.
    func finish() -> ScheduleEvaluation {
        let wait = totalWaitBefore[intervals] / expectedArrivals
        let idle = idleBefore[intervals]
        let overtime = overtimeMinutes()
        // The idle stretch that ends the session's work: idle in t when nobody shows after t.
        var trailingIdle = 0.0
        var nobodyLater = 1.0
        for t in stride(from: intervals - 1, through: 0, by: -1) {
            trailingIdle += idleIn[t] * nobodyLater
            nobodyLater *= Double.pow(noShowProbability, placesIn[t])
        }
        let makespan = max(0, Double(intervals) * intervalMinutes + overtime - trailingIdle)
        return ScheduleEvaluation(
            waitMinutes: wait, idleMinutes: idle, overtimeMinutes: overtime, makespanMinutes: makespan,
            objective: weights.objective(wait: wait, idle: idle, overtime: overtime))
    }
}
