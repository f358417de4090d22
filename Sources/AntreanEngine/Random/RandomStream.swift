import RealModule

/// A reproducible stream of random numbers: xoshiro256** (Blackman & Vigna 2021, "Scrambled linear
/// pseudorandom number generators", ACM TOMS 47(4)), period 2²⁵⁶ − 1, seeded through SplitMix64
/// (Steele, Lea & Flood 2014) as its authors recommend.
///
/// `init(seed:replication:purpose:)` hashes the triple into the state, so each replication and each
/// purpose ("arrivals/queueA", "service/queueA", …) draws from its own stream. Adding a queue or a
/// purpose to a model leaves every other stream unchanged (common random numbers), and a replication's
/// numbers do not depend on which thread runs it. Value type: copying a stream forks it.
public struct RandomStream: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64
    /// The second normal variate of the last polar-method pair, or NaN.
    @usableFromInline var spareNormal: Double = .nan

    /// A stream from a single 64-bit key.
    public init(key: UInt64) {
        var splitMix = key
        s0 = Self.splitMix64(&splitMix)
        s1 = Self.splitMix64(&splitMix)
        s2 = Self.splitMix64(&splitMix)
        s3 = Self.splitMix64(&splitMix)
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }  // the one forbidden state
    }

    /// The stream for one purpose of one replication of an experiment with master seed `seed`.
    public init(seed: UInt64, replication: Int, purpose: String) {
        var key = Self.mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        key = Self.mix(key ^ (UInt64(bitPattern: Int64(replication)) &* 0xD1B5_4A32_D192_ED03))
        key = Self.mix(key ^ Self.fnv1a(purpose))
        self.init(key: key)
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform on [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform on (0, 1]: safe to take the logarithm of.
    @inlinable @inline(__always)
    public mutating func nextOpenUniform() -> Double {
        Double((next() >> 11) &+ 1) * 0x1.0p-53
    }

    /// Exponential with mean 1, by the ziggurat method (exact; see `ExponentialZiggurat`).
    @inlinable @inline(__always)
    public mutating func nextExponential() -> Double {
        ExponentialZiggurat.sample(&self)
    }

    /// Standard normal by Marsaglia's polar method (Marsaglia & Bray 1964): exact, and each accepted
    /// pair gives two variates, the second of which is kept for the next call.
    @inlinable
    public mutating func nextStandardNormal() -> Double {
        if !spareNormal.isNaN {
            defer { spareNormal = .nan }
            return spareNormal
        }
        while true {
            let u = 2 * nextUniform() - 1
            let v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s >= 1 || s == 0 { continue }
            let factor = (-2 * Double.log(s) / s).squareRoot()
            spareNormal = v * factor
            return u * factor
        }
    }

    /// Uniform integer in 0..<bound (Lemire 2019, nearly divisionless).
    @inlinable
    public mutating func nextInt(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next(upperBound: UInt64(bound)))
    }

    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix(state)
    }

    /// SplitMix64's finaliser (a bijective avalanche of 64 bits).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a over UTF-8: a fixed hash (Swift's `Hasher` is seeded per process, so unusable here).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
