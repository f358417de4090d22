import Synchronization

/// New request ids for requests that bring none: a process-wide counter from a random start, passed
/// through SplitMix64's finalizer (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014), which is a bijection on 64-bit words — so no two requests of one process share an id, and
/// the ids still look random in the logs. The system's random generator asked once, not per request (it
/// was a `getrandom` system call on every request). Ids correlate log lines; they are not secrets.
/// O(1) per id.
final class RequestIDs: Sendable {
    private let start: UInt64
    private let issued = Atomic<UInt64>(0)

    init(
        start: UInt64 = {
            var generator = SystemRandomNumberGenerator()
            return generator.next()
        }()
    ) {
        self.start = start
    }

    /// The next id: 1 to 16 lowercase hex digits.
    func next() -> String {
        let count = issued.wrappingAdd(1, ordering: .relaxed).newValue
        return String(Self.mix(start &+ count), radix: 16)
    }

    /// SplitMix64's output function: invertible (xor-shifts and odd multipliers), so distinct inputs give
    /// distinct outputs.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
