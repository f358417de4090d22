/// The schedules an optimised one is compared with.
public enum ReferenceSchedules {
    /// The "individual" schedule of Kaandorp & Koole's calculator: citizen n (1-based) in interval
    /// round((n − 1)·I/N) + 1, i.e. evenly spread, one per interval when N = I. Halves round up.
    /// O(N + I).
    public static func uniform(citizens: Int, intervals: Int) -> [Int] {
        var places = [Int](repeating: 0, count: max(intervals, 0))
        guard intervals > 0, citizens > 0 else { return places }
        for n in 0..<citizens { places[individualInterval(n, citizens: citizens, intervals: intervals)] += 1 }
        return places
    }

    /// Bailey–Welch (Bailey 1952; Welch & Bailey 1952): two citizens at the start, then the
    /// individual spacing, so the last place of the individual schedule moves to the first interval.
    /// With N = I: (2, 1, 1, …, 1, 0). O(N + I).
    public static func baileyWelch(citizens: Int, intervals: Int) -> [Int] {
        var places = uniform(citizens: citizens, intervals: intervals)
        guard citizens >= 2, intervals >= 2 else { return places }
        // Citizen n (n ≥ 2) takes the interval citizen n − 1 has in the individual schedule.
        places = [Int](repeating: 0, count: intervals)
        places[0] = 1
        for n in 1..<citizens {
            places[individualInterval(n - 1, citizens: citizens, intervals: intervals)] += 1
        }
        return places
    }

    /// round(n·I/N) for 0-based n, in integers: ⌊(2nI + N) / 2N⌋, capped at I − 1. Exact while
    /// 2·N·I fits in an Int; beyond that (never for real sessions) in floating point.
    static func individualInterval(_ n: Int, citizens: Int, intervals: Int) -> Int {
        let (twiceN, overflowN) = n.multipliedReportingOverflow(by: 2)
        let (product, overflowProduct) = twiceN.multipliedReportingOverflow(by: intervals)
        let (twiceCitizens, overflowCitizens) = citizens.multipliedReportingOverflow(by: 2)
        let (numerator, overflowSum) = product.addingReportingOverflow(citizens)
        guard !(overflowN || overflowProduct || overflowCitizens || overflowSum) else {
            let share = (Double(n) * Double(intervals) / Double(citizens)).rounded(.toNearestOrAwayFromZero)
            return Int(min(share, Double(intervals - 1)))
        }
        return min(numerator / twiceCitizens, intervals - 1)
    }
}
