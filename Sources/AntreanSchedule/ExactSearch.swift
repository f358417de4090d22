/// The state of `ScheduleSearch.optimize(exact:…)`: the incumbent schedule and the work-sharing
/// sweeps over its neighbourhoods. The evaluator's rows always start from the incumbent's prefix.
struct ExactSearch {
    let evaluator: ExactSessionEvaluator
    var incumbent: [Int]
    var incumbentObjective: Double
    var moves = 0
    var examined = 0
    var progress: ((SearchProgress) -> Void)?
    // Depth-first scan of the large neighbourhood.
    private var candidate: [Int]
    private var best: [Int]
    private var bound = 0.0
    private var foundBetter = false

    init(evaluator: ExactSessionEvaluator, incumbent: [Int]) {
        self.evaluator = evaluator
        self.incumbent = incumbent
        candidate = incumbent
        best = incumbent
        incumbentObjective = 0
        incumbentObjective = evaluateIncumbent()
    }

    /// Advances every interval of the incumbent (so rows match it) and returns its objective.
    private func evaluateIncumbent() -> Double {
        for (t, count) in incumbent.enumerated() { evaluator.advance(interval: t, places: count) }
        return evaluator.finalObjective()
    }

    /// Advances `places` from interval `start` on, stopping early once the partial objective
    /// cannot beat `bound`. Returns the objective, or nil if pruned.
    private func complete(_ places: [Int], from start: Int, bound: Double) -> Double? {
        let intervals = evaluator.intervals
        for t in start..<intervals {
            evaluator.advance(interval: t, places: places[t])
            if t + 1 < intervals && evaluator.lowerBound(through: t + 1) >= bound { return nil }
        }
        return evaluator.finalObjective()
    }

    /// Best-improvement descent over x ± uᵢ. Neighbours are visited from the last interval back, so
    /// the rows before each neighbour's first change still hold the incumbent's distributions.
    mutating func descendSmall() {
        let intervals = evaluator.intervals
        guard intervals >= 2 else { return }
        while true {
            var bestObjective = incumbentObjective
            var bestMove: (from: Int, to: Int)?
            var moved = incumbent
            // (from, to) pairs: uᵢ moves interval i → i − 1, −uᵢ the reverse; u₁ is first ↔ last.
            for i in stride(from: intervals - 1, through: 1, by: -1) {
                for (from, to) in [(i, i - 1), (i - 1, i)] where incumbent[from] > 0 {
                    moved[from] -= 1
                    moved[to] += 1
                    examined += 1
                    if let objective = complete(moved, from: i - 1, bound: bestObjective),
                        ExactSessionEvaluator.isBetter(objective, than: bestObjective)
                    {
                        bestObjective = objective
                        bestMove = (from, to)
                    }
                    moved[from] += 1
                    moved[to] -= 1
                }
            }
            if intervals > 2 {
                for (from, to) in [(0, intervals - 1), (intervals - 1, 0)] where incumbent[from] > 0 {
                    moved[from] -= 1
                    moved[to] += 1
                    examined += 1
                    if let objective = complete(moved, from: 0, bound: bestObjective),
                        ExactSessionEvaluator.isBetter(objective, than: bestObjective)
                    {
                        bestObjective = objective
                        bestMove = (from, to)
                    }
                    moved[from] += 1
                    moved[to] -= 1
                }
            }
            guard let move = bestMove else {
                _ = evaluateIncumbent()
                return
            }
            incumbent[move.from] -= 1
            incumbent[move.to] += 1
            let previousObjective = incumbentObjective
            incumbentObjective = evaluateIncumbent()
            // Every move must lower the objective recomputed from scratch; this guarantees the
            // descent ends even if the shared-prefix figure and the fresh one ever disagreed.
            guard ExactSessionEvaluator.isBetter(incumbentObjective, than: previousObjective) else {
                incumbent[move.from] += 1
                incumbent[move.to] -= 1
                incumbentObjective = evaluateIncumbent()
                return
            }
            moves += 1
            progress?(
                SearchProgress(
                    neighbourhood: .small, moves: moves, neighboursExamined: examined, objective: incumbentObjective))
        }
    }

    /// One best-improvement scan of the large neighbourhood; moves to the best neighbour and returns
    /// true if it beats the incumbent.
    mutating func improveLarge() -> Bool {
        guard evaluator.intervals >= 2 else { return false }
        bound = incumbentObjective
        foundBetter = false
        candidate = incumbent
        for firstBit in 0...1 {
            scan(interval: 0, bit: firstBit, firstBit: firstBit, allZero: firstBit == 0, allOne: firstBit == 1)
        }
        guard foundBetter else {
            incumbentObjective = evaluateIncumbent()
            return false
        }
        let previous = incumbent
        let previousObjective = incumbentObjective
        incumbent = best
        incumbentObjective = evaluateIncumbent()
        guard ExactSessionEvaluator.isBetter(incumbentObjective, than: previousObjective) else {
            incumbent = previous
            incumbentObjective = evaluateIncumbent()
            return false
        }
        moves += 1
        progress?(
            SearchProgress(
                neighbourhood: .large, moves: moves, neighboursExamined: examined, objective: incumbentObjective))
        return true
    }

    /// Interval t of the neighbour y = x + Σ_{i∈U} uᵢ, where bit b_t says whether u_t ∈ U (0-based,
    /// cyclic): y_t = x_t − b_t + b_{t+1}, so choosing b_{t+1} fixes y_t and the state after it.
    private mutating func scan(interval t: Int, bit: Int, firstBit: Int, allZero: Bool, allOne: Bool) {
        let intervals = evaluator.intervals
        let last = t == intervals - 1
        for nextBit in 0...1 {
            if last && nextBit != firstBit { continue }
            let places = incumbent[t] - bit + nextBit
            if places < 0 { continue }
            let before = evaluator.scheduledBefore[t]
            if before + places > evaluator.citizens { continue }
            candidate[t] = places
            evaluator.advance(interval: t, places: places)
            if last {
                if allZero || allOne { continue }  // the empty and the full subset give x itself
                examined += 1
                if examined & 0xFFFF == 0, let progress {
                    progress(
                        SearchProgress(
                            neighbourhood: .large, moves: moves, neighboursExamined: examined,
                            objective: incumbentObjective))
                }
                let objective = evaluator.finalObjective()
                if ExactSessionEvaluator.isBetter(objective, than: bound) {
                    bound = objective
                    best = candidate
                    foundBetter = true
                }
            } else {
                if evaluator.lowerBound(through: t + 1) >= bound {
                    examined += 1
                    continue
                }
                scan(
                    interval: t + 1, bit: nextBit, firstBit: firstBit, allZero: allZero && nextBit == 0,
                    allOne: allOne && nextBit == 1)
            }
        }
    }
}
