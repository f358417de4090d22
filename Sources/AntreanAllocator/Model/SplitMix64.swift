/// A small seeded generator (SplitMix64; Steele, Lea & Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014): the same seed gives the same sequence. The outbox draws its retry jitter from
/// it, so a test can predict the jitter, and the tests of every module above the allocator draw their
/// random cases from it (the engine's `RandomStream` serves the simulations). Not for secrets. O(1) a draw.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
