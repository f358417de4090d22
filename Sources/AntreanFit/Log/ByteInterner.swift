/// Numbers distinct byte strings (office and service names) without making a `String` per row:
/// an open-addressing table keyed by FNV-1a, compared byte for byte. O(length) per lookup.
struct ByteInterner {
    private(set) var names: [[UInt8]] = []
    private var slots = [Int32](repeating: -1, count: 64)

    /// The number of `bytes[range]`, new ones numbered in order of appearance.
    mutating func index(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in range {
            hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01b3
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let known = names[Int(slots[slot])]
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
                return slots[slot]
            }
            slot = (slot + 1) & mask
        }
        let number = Int32(names.count)
        names.append(Array(bytes[range]))
        slots[slot] = number
        if names.count * 2 > slots.count { grow() }
        return number
    }

    var strings: [String] { names.map { String(decoding: $0, as: UTF8.self) } }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, name) in names.enumerated() {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in name { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
