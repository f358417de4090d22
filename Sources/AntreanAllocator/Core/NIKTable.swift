/// Numbers the NIK hashes of bookings densely from 0, so per-citizen state can live in arrays indexed
/// by number instead of dictionaries keyed by the 32-byte hash, and finds the number of a NIK that
/// still has active (held or booked) bookings, which the per-NIK limit needs.
///
/// Only *active* NIKs are findable ("live"): a NIK leaves the lookup table when its last active
/// booking ends (`retire`), and a later booking gives it a new number. So the table holds the
/// citizens with a booking ahead of them — thousands in a city — rather than everyone who ever came,
/// and stays in cache: a year of the simulated city (450,000 visits, a fresh citizen each) spent 4%
/// of its time on the cache miss of probing a table of every NIK ever seen. Numbers of finished
/// bookings keep their hash in `hashes` (ownership checks, records, idempotency scopes).
///
/// Open addressing with linear probing and backward-shift deletion (Knuth, TAOCP vol. 3, §6.4,
/// Algorithm R), so there are no tombstones. The hashes are already HMAC outputs, so mixing their
/// words with a multiply spreads them (no SipHash per lookup). Each bucket keeps the 32 bits of the
/// mixed hash that choose its home bucket: a probe reads `hashes` only on a likely match, and a
/// removal's backward shift finds each entry's home without reading `hashes` at all (a cache miss per
/// entry into an array as long as the year's bookings). Lookups, inserts and removals are O(1)
/// expected; memory is 32 bytes per number plus 16–32 bytes per live NIK.
struct NIKTable: Sendable {
    /// Hash of number `n` at position `n`; numbers below `hashes.startIndex` were dropped with the
    /// bookings that used them (``AllocatorCore/retireHistory(before:)``).
    private(set) var hashes = SlidingArray<NIKHash>()
    /// `home << 32 | (number + 1)` of live numbers (`home`: the high half of the mixed hash, whose low
    /// bits are the home bucket), or 0 for an empty bucket. The count is a power of two, at most half full.
    private var buckets: [UInt64] = Array(repeating: 0, count: 16)
    /// Live numbers, those findable by hash.
    private(set) var liveCount = 0

    /// Numbers ever given out (the next new number).
    var count: Int { hashes.endIndex }

    /// Numbers whose hash is still held.
    var heldCount: Int { hashes.indices.count }

    /// The live number of `hash`, or nil if it has no active booking. O(1) expected.
    func number(of hash: NIKHash) -> Int32? {
        let entry = buckets[bucket(of: hash)]
        return entry != 0 ? Self.number(in: entry) : nil
    }

    /// The number for a new booking by `hash`: its live number when it has one and the booking is
    /// active (so the NIK's active bookings share one count), else a fresh number, live when `active`.
    /// O(1) amortized.
    mutating func number(forBookingBy hash: NIKHash, active: Bool) -> Int32 {
        guard active else {
            hashes.append(hash)
            return Int32(hashes.endIndex - 1)
        }
        var index = bucket(of: hash)
        if buckets[index] != 0 { return Self.number(in: buckets[index]) }
        let number = Int32(hashes.endIndex)
        hashes.append(hash)
        if (liveCount + 1) * 2 > buckets.count {
            grow(toHold: liveCount + 1)
            index = bucket(of: hash)
        }
        buckets[index] = Self.entry(number: number, mixed: Self.mix(hash))
        liveCount += 1
        return number
    }

    /// Makes `number` unfindable (its NIK has no active booking left). O(1) expected.
    mutating func retire(_ number: Int32) {
        var hole = bucket(of: hashes[Int(number)])
        guard buckets[hole] != 0, Self.number(in: buckets[hole]) == number else { return }
        buckets[hole] = 0
        liveCount -= 1
        // Backward shift: move later entries of the probe run into the hole when that keeps them
        // reachable from their home bucket, so lookups can still stop at the first empty bucket.
        let mask = buckets.count - 1
        var index = (hole + 1) & mask
        while buckets[index] != 0 {
            let home = Self.start(of: buckets[index]) & mask
            // The entry may move to the hole unless its home lies cyclically within (hole, index].
            if (index - home) & mask >= (index - hole) & mask {
                buckets[hole] = buckets[index]
                buckets[index] = 0
                hole = index
            }
            index = (index + 1) & mask
        }
    }

    /// Makes room for `total` held numbers. O(total) when it grows.
    mutating func reserveCapacity(_ total: Int) { hashes.reserveCapacity(total) }

    /// Forgets the hashes of numbers below `number`, none of which may be live. Amortized O(1) per number.
    mutating func dropNumbers(below number: Int32) { hashes.dropPositions(below: Int(number)) }

    /// The bucket holding `hash`'s live number, or the empty bucket where it would go.
    private func bucket(of hash: NIKHash) -> Int {
        let mixed = Self.mix(hash)
        let fingerprint = mixed >> 32
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
        let old = buckets
        buckets = Array(repeating: 0, count: size)
        let mask = size - 1
        for entry in old where entry != 0 {
            var index = Self.start(of: entry) & mask
            while buckets[index] != 0 { index = (index + 1) & mask }
            buckets[index] = entry
        }
    }

    /// Folds the four words through a Fibonacci multiply: the high half picks the bucket (the low
    /// bits of a product of sequential test hashes would cluster) and is kept in the bucket.
    private static func mix(_ hash: NIKHash) -> UInt64 {
        let folded =
            hash.word0 ^ (hash.word1 &* 0xC2B2_AE3D_27D4_EB4F) ^ (hash.word2 &* 0x1656_67B1_9E37_79F9)
            ^ (hash.word3 &* 0x85EB_CA77_C2B2_AE63)
        return folded &* 0x9E37_79B9_7F4A_7C15
    }

    private static func start(_ mixed: UInt64) -> Int { Int(truncatingIfNeeded: mixed >> 32) }

    /// The home of a bucket's entry, as `start` of its hash's mix.
    private static func start(of entry: UInt64) -> Int { Int(truncatingIfNeeded: entry >> 32) }

    private static func entry(number: Int32, mixed: UInt64) -> UInt64 {
        (mixed >> 32) << 32 | UInt64(number + 1)
    }

    private static func number(in entry: UInt64) -> Int32 { Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1 }
}
