/// Finds the ledger of an office × service × day without hashing: a dense grid over a window of days,
/// one `Int32` per office-service-day (a year of 70 offices × 6 services is ~600 KB).
///
/// Days too far from the window (more than `maxSpanDays` across) fall back to a dictionary, so a store
/// holding a stray booking decades away cannot make the grid huge. Lookups are O(1); widening the
/// window copies the grid, O(window) but amortized over the days it adds.
struct LedgerDirectory: Sendable {
    /// Office-service pairs per day.
    let width: Int
    let services: Int
    /// Day of row 0 of `numbers`.
    private(set) var firstDay = 0
    /// Ledger numbers, row per day, -1 where no ledger exists yet.
    private var numbers: [Int32] = []
    /// Ledgers of days outside the window.
    private var outliers: [DayKey: Int32] = [:]

    static let maxSpanDays = 4096

    init(offices: Int, services: Int) {
        self.width = offices * services
        self.services = services
    }

    private var days: Int { width == 0 ? 0 : numbers.count / width }

    /// The number of the ledger of `key`, if it was created. O(1).
    func number(of key: DayKey) -> Int32? {
        let row = Int(key.day) - firstDay
        if row >= 0, row < days {
            let number = numbers[row * width + Int(key.office) * services + Int(key.service)]
            return number >= 0 ? number : nil
        }
        return outliers.isEmpty ? nil : outliers[key]
    }

    /// Forgets the ledger of `key` (it was retired). O(1).
    mutating func remove(_ key: DayKey) {
        let row = Int(key.day) - firstDay
        if row >= 0, row < days {
            numbers[row * width + Int(key.office) * services + Int(key.service)] = -1
        } else {
            outliers[key] = nil
        }
    }

    /// Records that ledger `number` belongs to `key`. O(1) amortized.
    mutating func set(_ number: Int32, for key: DayKey) {
        let day = Int(key.day)
        if numbers.isEmpty {
            firstDay = day
            numbers = Array(repeating: -1, count: 64 * width)
        }
        let last = firstDay + days - 1
        if day < firstDay || day > last {
            let neededFirst = min(day, firstDay)
            let neededLast = max(day, last)
            guard neededLast - neededFirst < Self.maxSpanDays else {
                outliers[key] = number
                return
            }
            // Widen with slack (as many days again, at least 64) so a run of new days copies rarely.
            let slack = min(max(64, days), Self.maxSpanDays - 1 - (neededLast - neededFirst))
            let newFirst = day < firstDay ? neededFirst - slack : neededFirst
            let newLast = day > last ? neededLast + slack : neededLast
            var widened = [Int32](repeating: -1, count: (newLast - newFirst + 1) * width)
            let offset = (firstDay - newFirst) * width
            widened.withUnsafeMutableBufferPointer { target in
                numbers.withUnsafeBufferPointer { source in
                    _ = UnsafeMutableBufferPointer(rebasing: target[offset..<offset + source.count]).update(
                        fromContentsOf: source)
                }
            }
            numbers = widened
            firstDay = newFirst
        }
        numbers[(day - firstDay) * width + Int(key.office) * services + Int(key.service)] = number
    }
}
