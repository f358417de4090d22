/// The neighbourhoods of Kaandorp & Koole's local search (2007, Health Care Management Science
/// 10:217–229). With I intervals, let u₁ = (−1, 0, …, 0, 1) (one citizen from the first
/// interval to the last) and uᵢ = eᵢ₋₁ − eᵢ for i = 2…I (one citizen from interval i to i − 1).
/// They sum to zero, so every sum of a subset keeps the number of citizens.
public enum Neighbourhood: String, Sendable, CaseIterable {
    /// x ± uᵢ: one citizen moved one interval earlier or later (or between the first and the last
    /// interval), at most 2I neighbours. Fast; its local optimum need not be global.
    case small
    /// x + Σ_{i∈U} uᵢ for every non-empty proper subset U: 2^I − 2 neighbours. The objective is
    /// multimodular in the schedule (Kaandorp & Koole), so a local optimum of this
    /// neighbourhood is a global optimum.
    case large
}

/// A report from a running search: the phase ("small" or "large"), the number of improving moves
/// so far, the neighbours examined so far and the incumbent's objective. Sent after every move and,
/// in a long large-neighbourhood scan, every 2^16 neighbours.
public struct SearchProgress: Sendable, Hashable {
    public var neighbourhood: Neighbourhood
    public var moves: Int
    public var neighboursExamined: Int
    public var objective: Double
}

/// The outcome of a local search.
public struct SearchResult: Sendable, Hashable {
    public var places: [Int]
    public var evaluation: ScheduleEvaluation
    /// Improving moves taken.
    public var moves: Int
    /// Neighbours examined (fully or until pruned).
    public var neighboursExamined: Int
}

/// Local search over schedules (Kaandorp & Koole 2007).
public enum ScheduleSearch {
    /// Searches with any evaluator, moving to the first neighbour the evaluator `prefers` until no
    /// neighbour is preferred. Each neighbour costs one evaluation, so the large neighbourhood
    /// (2^I − 2 neighbours per step) is accepted here only up to `maximumGenericLargeIntervals`.
    /// Terminates: every accepted move strictly lowers the evaluator's (exact or sample-mean) objective.
    public static func optimize<Evaluator: ScheduleEvaluator>(
        _ evaluator: inout Evaluator, from start: [Int], neighbourhood: Neighbourhood,
        progress: ((SearchProgress) -> Void)? = nil
    ) throws(ScheduleError) -> SearchResult {
        try evaluator.check(start)
        let intervals = evaluator.intervals
        if neighbourhood == .large && intervals > maximumGenericLargeIntervals {
            throw ScheduleError(
                "the large neighbourhood evaluated by simulation is limited to \(maximumGenericLargeIntervals) "
                    + "intervals (2^I neighbours each step); use the small neighbourhood")
        }
        var current = start
        var moves = 0
        var examined = 0
        var improved = true
        while improved {
            improved = false
            for candidate in neighbours(of: current, neighbourhood: neighbourhood) {
                examined += 1
                if try evaluator.prefers(candidate, over: current) {
                    current = candidate
                    moves += 1
                    improved = true
                    if let progress {
                        progress(
                            SearchProgress(
                                neighbourhood: neighbourhood, moves: moves, neighboursExamined: examined,
                                objective: try evaluator.evaluate(current).objective))
                    }
                    break
                }
            }
        }
        return SearchResult(
            places: current, evaluation: try evaluator.evaluate(current), moves: moves, neighboursExamined: examined)
    }

    public static let maximumGenericLargeIntervals = 16

    /// The feasible neighbours of `places` (no negative entry), in a fixed order.
    /// Small: O(I) of them; large: O(2^I) (only for I ≤ 16 or so).
    public static func neighbours(of places: [Int], neighbourhood: Neighbourhood) -> [[Int]] {
        let intervals = places.count
        guard intervals >= 2 else { return [] }
        var result: [[Int]] = []
        switch neighbourhood {
        case .small:
            // With two intervals u₁ = −u₂: start at u₂ so no neighbour is listed twice.
            for vector in (intervals == 2 ? 1 : 0)..<intervals {
                for sign in [1, -1] {
                    var moved = places
                    let (from, to) = vector == 0 ? (0, intervals - 1) : (vector, vector - 1)
                    moved[from] -= sign
                    moved[to] += sign
                    if moved[from] >= 0 && moved[to] >= 0 { result.append(moved) }
                }
            }
        case .large:
            // y_t = x_t − b_t + b_{(t+1) mod I} for the subset b ∈ {0,1}^I (neither empty nor full).
            let full = (1 << intervals) - 1
            for subset in 1..<full {
                var moved = places
                var feasible = true
                for t in 0..<intervals {
                    let leaving = (subset >> t) & 1
                    let arriving = (subset >> ((t + 1) % intervals)) & 1
                    moved[t] += arriving - leaving
                    if moved[t] < 0 {
                        feasible = false
                        break
                    }
                }
                if feasible { result.append(moved) }
            }
        }
        return result
    }

    /// Kaandorp & Koole's search with the exact evaluator, sharing work between neighbours that agree
    /// on a prefix of intervals: the stored state distributions of the prefix are reused and only
    /// the rest is recomputed. It first descends in the small neighbourhood (best improvement), then,
    /// for `.large`, scans the large neighbourhood depth-first — choosing the subset's bits interval by
    /// interval, so each tree node costs one interval step and a subtree whose partial objective (a
    /// lower bound: every term is non-negative) already exceeds the best found is cut — and descends
    /// again from any improvement. With `.large` the result is a global optimum (multimodularity).
    ///
    /// Cost: a small sweep is O(I²) interval steps; a large scan at most 2^(I+1) steps, far fewer
    /// after pruning.
    public static func optimize(
        exact evaluator: ExactSessionEvaluator, from start: [Int], neighbourhood: Neighbourhood,
        progress: ((SearchProgress) -> Void)? = nil
    ) throws(ScheduleError) -> SearchResult {
        try evaluator.check(start)
        var search = ExactSearch(evaluator: evaluator, incumbent: start)
        search.progress = progress
        search.descendSmall()
        if neighbourhood == .large {
            while search.improveLarge() { search.descendSmall() }
        }
        let evaluation = try evaluator.evaluate(search.incumbent)
        return SearchResult(
            places: search.incumbent, evaluation: evaluation, moves: search.moves,
            neighboursExamined: search.examined)
    }
}
