/// Numbers distinct names (offices, services) without making a `String` per row: an open-addressing
/// table of byte spellings keyed by FNV-1a, compared byte for byte. O(length) per lookup.
///
/// A name is its text, not its bytes: spellings that Swift reads as the same `String` (canonically
/// equivalent, e.g. "é" precomposed or as "e" and a combining accent, as two systems may export it;
/// or different invalid bytes, each read as U+FFFD) share one number. Otherwise the fitted fragment
/// would hold one key twice, which the scenario loader refuses (found by FuzzFitLog). The `String` is
/// made once per new spelling, not per row.
struct ByteInterner {
    /// The names as text, numbered in order of appearance.
    private(set) var strings: [String] = []
    private var numberOfText: [String: Int32] = [:]
    /// Each distinct byte spelling and the number of its text.
    private var spellings: [[UInt8]] = []
    private var numberOfSpelling: [Int32] = []
    /// Open addressing over `spellings`; -1 is empty. Kept at most half full.
    private var slots = [Int32](repeating: -1, count: 64)

    /// The number of the name `bytes[range]` spells, new names numbered in order of appearance.
    mutating func index(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01b3
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let spelling = Int(slots[slot])
            let known = spellings[spelling]
            if known.count == range.count,
                known.withUnsafeBufferPointer({ name in
                    var same = true
                    for (offset, i) in range.enumerated() where name[offset] != bytes[i] {
                        same = false
                        break
                    }
                    return same
                })
            {
                return numberOfSpelling[spelling]
            }
            slot = (slot + 1) & mask
        }
        let spelling = Array(bytes[range])
        let text = String(decoding: spelling, as: UTF8.self)
        let number: Int32
        if let known = numberOfText[text] {
            number = known
        } else {
            number = Int32(strings.count)
            strings.append(text)
            numberOfText[text] = number
        }
        slots[slot] = Int32(spellings.count)
        spellings.append(spelling)
        numberOfSpelling.append(number)
        if spellings.count * 2 > slots.count { grow() }
        return number
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, spelling) in spellings.enumerated() {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in spelling { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
