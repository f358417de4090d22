/// Numbers every NIK hash the allocator has seen, densely from 0, so per-citizen state can live in
/// arrays indexed by number instead of dictionaries keyed by the 32-byte hash.
///
/// Open addressing with linear probing. The hashes are already HMAC outputs, so mixing their words
/// with a multiply is enough to spread them (no SipHash per lookup). Each bucket also keeps 32 bits
/// of the mixed hash, so a probe reads `hashes` (a cache miss in a large table) only on a likely match.
/// Lookups and inserts are O(1) expected; memory is 32 bytes per hash plus 16–32 bytes of buckets.
struct NIKTable: Sendable {
    /// Hash of number `n` at index `n`.
    private(set) var hashes: [NIKHash] = []
    /// `fingerprint << 32 | (number + 1)`, or 0 for an empty bucket. The count is a power of two,
    /// at most half full.
    private var buckets: [UInt64] = Array(repeating: 0, count: 16)

    var count: Int { hashes.count }

    /// The number of `hash`, or nil if it was never interned. O(1) expected.
    func number(of hash: NIKHash) -> Int32? {
        let entry = buckets[bucket(of: hash)]
        return entry != 0 ? Self.number(in: entry) : nil
    }

    /// The number of `hash`, giving it the next one if it is new. O(1) amortized.
    mutating func intern(_ hash: NIKHash) -> Int32 {
        var index = bucket(of: hash)
        if buckets[index] != 0 { return Self.number(in: buckets[index]) }
        if (hashes.count + 1) * 2 > buckets.count {
            grow(toHold: hashes.count + 1)
            index = bucket(of: hash)
        }
        let number = Int32(hashes.count)
        hashes.append(hash)
        buckets[index] = Self.entry(number: number, mixed: Self.mix(hash))
        return number
    }

    /// Makes room for `total` hashes without rehashing. O(total) when it grows.
    mutating func reserveCapacity(_ total: Int) {
        hashes.reserveCapacity(total)
        if total * 2 > buckets.count { grow(toHold: total) }
    }

    /// The bucket holding `hash`, or the empty bucket where it would go.
    private func bucket(of hash: NIKHash) -> Int {
        let mixed = Self.mix(hash)
        let fingerprint = mixed & 0xFFFF_FFFF
        let mask = buckets.count - 1
        var index = Self.start(mixed) & mask
        while true {
            let entry = buckets[index]
            if entry == 0 { return index }
            if entry >> 32 == fingerprint, hashes[Int(Self.number(in: entry))] == hash { return index }
            index = (index + 1) & mask
        }
    }

    private mutating func grow(toHold total: Int) {
        var size = buckets.count
        while total * 2 > size { size *= 2 }
        buckets = Array(repeating: 0, count: size)
        let mask = size - 1
        for (number, hash) in hashes.enumerated() {
            let mixed = Self.mix(hash)
            var index = Self.start(mixed) & mask
            while buckets[index] != 0 { index = (index + 1) & mask }
            buckets[index] = Self.entry(number: Int32(number), mixed: mixed)
        }
    }

    /// Folds the four words through a Fibonacci multiply: the high half picks the bucket (the low
    /// bits of a product of sequential test hashes would cluster), the low half is the fingerprint.
    private static func mix(_ hash: NIKHash) -> UInt64 {
        let folded =
            hash.word0 ^ (hash.word1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (hash.word2 &* 0x1656_67B1_9E37_79F9)
            ^ (hash.word3 &* 0x85EB_CA77_C2B2_AE63)
        return folded &* 0x9E37_79B9_7F4A_7C15
    }

    private static func start(_ mixed: UInt64) -> Int { Int(truncatingIfNeeded: mixed >> 32) }

    private static func entry(number: Int32, mixed: UInt64) -> UInt64 {
        (mixed & 0xFFFF_FFFF) << 32 | UInt64(number + 1)
    }

    private static func number(in entry: UInt64) -> Int32 { Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1 }
}
