/// Numbers every NIK hash the allocator has seen, densely from 0, so per-citizen state can live in
/// arrays indexed by number instead of dictionaries keyed by the 32-byte hash.
///
/// Open addressing with linear probing over `Int32` numbers. The hashes are already HMAC outputs,
/// so mixing their words with a multiply is enough to spread them (no SipHash per lookup).
/// Lookups and inserts are O(1) expected; memory is 32 bytes per hash plus 4–8 bytes per bucket.
struct NIKTable: Sendable {
    /// Hash of number `n` at index `n`.
    private(set) var hashes: [NIKHash] = []
    /// Numbers, or -1 for an empty bucket. The count is a power of two, at most half full.
    private var buckets: [Int32] = Array(repeating: -1, count: 16)

    var count: Int { hashes.count }

    /// The number of `hash`, or nil if it was never interned. O(1) expected.
    func number(of hash: NIKHash) -> Int32? {
        let number = buckets[bucket(of: hash)]
        return number >= 0 ? number : nil
    }

    /// The number of `hash`, giving it the next one if it is new. O(1) amortized.
    mutating func intern(_ hash: NIKHash) -> Int32 {
        var index = bucket(of: hash)
        if buckets[index] >= 0 { return buckets[index] }
        if (hashes.count + 1) * 2 > buckets.count {
            grow(toHold: hashes.count + 1)
            index = bucket(of: hash)
        }
        let number = Int32(hashes.count)
        hashes.append(hash)
        buckets[index] = number
        return number
    }

    /// Makes room for `total` hashes without rehashing. O(total) when it grows.
    mutating func reserveCapacity(_ total: Int) {
        hashes.reserveCapacity(total)
        if total * 2 > buckets.count { grow(toHold: total) }
    }

    /// The bucket holding `hash`, or the empty bucket where it would go.
    private func bucket(of hash: NIKHash) -> Int {
        let mask = buckets.count - 1
        var index = Self.spread(hash) & mask
        while true {
            let number = buckets[index]
            if number < 0 || hashes[Int(number)] == hash { return index }
            index = (index + 1) & mask
        }
    }

    private mutating func grow(toHold total: Int) {
        var size = buckets.count
        while total * 2 > size { size *= 2 }
        buckets = Array(repeating: -1, count: size)
        let mask = size - 1
        for (number, hash) in hashes.enumerated() {
            var index = Self.spread(hash) & mask
            while buckets[index] >= 0 { index = (index + 1) & mask }
            buckets[index] = Int32(number)
        }
    }

    /// Folds the four words and takes the high bits of a Fibonacci multiply (the low bits of a
    /// product of sequential test hashes would cluster).
    private static func spread(_ hash: NIKHash) -> Int {
        let folded =
            hash.word0 ^ (hash.word1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (hash.word2 &* 0x1656_67B1_9E37_79F9)
            ^ (hash.word3 &* 0x85EB_CA77_C2B2_AE63)
        return Int(truncatingIfNeeded: (folded &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
