/// Shares an office's counter-time among the services it gives, slot by slot, so that the places it
/// sells never need more counter-minutes than its counters have.
///
/// Each service earns, in every slot, its demand share of the slot's counter-minutes (counters not on
/// break × slot minutes) as credit, and gets as many places as whole mean service times fit in its
/// credit; the rest of the credit carries to the next slot. A service whose share buys half a place a
/// slot therefore gets a place every second slot, and one whose share buys 1.5 places gets 1 and 2 in
/// turn: every service gets its share of the day to within one place, and none is rounded up. The
/// credits never go negative and add up to the counter-minutes not yet sold, so by the end of every
/// slot the places sold since opening need at most the counter-minutes the counters had since opening.
///
/// What is left at closing (less than one service time per service) is apportioned by largest
/// remainder (Hamilton's method): services without a place that day first (so that a service whose
/// share is under one place a day can still be booked), then by the fraction of a place left in their
/// credit. Each extra place goes to the earliest slot from which every later running total still fits
/// in the counter-time, and only while the leftover still covers one mean service time.
///
/// O(services × slots²) in the worst case, once per office and weekday when the model is prepared.
enum CounterApportionment {
    struct Demand {
        var meanServiceMinutes: Double
        /// The service's share of the office's demand (the shares of an office sum to 1).
        var share: Double
    }

    /// Keeps exact quotients (2 counters × 15 min ÷ 7.5 min = 4 places) from rounding down.
    static let epsilon = 1e-9

    /// Places per slot for each service (`result[service][slot]`), given the counter-minutes of each slot.
    static func places(counterMinutes: [Double], demands: [Demand]) -> [[Int]] {
        let slots = counterMinutes.count
        var places = [[Int]](repeating: [Int](repeating: 0, count: slots), count: demands.count)
        guard slots > 0 else { return places }
        var credit = [Double](repeating: 0, count: demands.count)
        // Counter-minutes not sold by the end of each slot, from opening.
        var unsold = [Double](repeating: 0, count: slots)
        var available = 0.0
        var sold = 0.0
        for slot in 0..<slots {
            available += counterMinutes[slot]
            for (service, demand) in demands.enumerated() where demand.share > 0 && demand.meanServiceMinutes > 0 {
                credit[service] += demand.share * counterMinutes[slot]
                // Capped above the allocator's limit of places per slot, which then refuses the plan.
                let count = Int(min(32_768, (credit[service] / demand.meanServiceMinutes + epsilon).rounded(.down)))
                guard count > 0 else { continue }
                places[service][slot] = count
                let minutes = Double(count) * demand.meanServiceMinutes
                credit[service] = max(0, credit[service] - minutes)
                sold += minutes
            }
            unsold[slot] = available - sold
        }
        let order = demands.indices.filter { demands[$0].share > 0 && demands[$0].meanServiceMinutes > 0 }
            .sorted { a, b in
                let (noneA, noneB) = (places[a].allSatisfy { $0 == 0 }, places[b].allSatisfy { $0 == 0 })
                if noneA != noneB { return noneA }
                let (fractionA, fractionB) = (
                    credit[a] / demands[a].meanServiceMinutes, credit[b] / demands[b].meanServiceMinutes
                )
                if fractionA != fractionB { return fractionA > fractionB }
                return a < b
            }
        for service in order {
            let minutes = demands[service].meanServiceMinutes
            // The earliest slot from which every running total can take one more place.
            var earliest: Int?
            for slot in stride(from: slots - 1, through: 0, by: -1) {
                guard unsold[slot] + epsilon >= minutes else { break }
                earliest = slot
            }
            guard let slot = earliest else { continue }
            places[service][slot] += 1
            for later in slot..<slots { unsold[later] -= minutes }
        }
        return places
    }
}
