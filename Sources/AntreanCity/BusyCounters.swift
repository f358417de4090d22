/// Which counters of an office are serving, one bit each.
///
/// Finding the first free counter is a count of trailing ones instead of a walk over a `[Bool]`, and
/// offices of up to 64 counters (every one in Samarinda) keep their bits inline: marking a counter
/// busy or free touches no array, so it needs no uniqueness check (the array it replaces was copied
/// and checked on every dispatch).
struct BusyCounters {
    let count: Int
    /// Counters 0..<64.
    private var first: UInt64 = 0
    /// Counters 64 and up, 64 a word; empty for most offices.
    private var rest: [UInt64]

    init(count: Int) {
        precondition(count >= 0, "a negative number of counters")
        self.count = count
        rest = Array(repeating: 0, count: max(0, (count - 1) >> 6))
    }

    subscript(counter: Int) -> Bool {
        get { word(counter >> 6) >> UInt64(counter & 63) & 1 == 1 }
        set {
            let bit: UInt64 = 1 << UInt64(counter & 63)
            let index = counter >> 6
            if index == 0 {
                first = newValue ? first | bit : first & ~bit
            } else {
                rest[index - 1] = newValue ? rest[index - 1] | bit : rest[index - 1] & ~bit
            }
        }
    }

    /// The lowest free counter at or after `start`, nil when all of them are busy. O(count / 64).
    func firstFree(from start: Int) -> Int? {
        guard start < count else { return nil }
        var index = start >> 6
        var free = ~word(index) & (UInt64.max << UInt64(start & 63))
        while true {
            if free != 0 {
                let counter = index << 6 + free.trailingZeroBitCount
                return counter < count ? counter : nil
            }
            index += 1
            if index << 6 >= count { return nil }
            free = ~word(index)
        }
    }

    private func word(_ index: Int) -> UInt64 { index == 0 ? first : rest[index - 1] }
}
