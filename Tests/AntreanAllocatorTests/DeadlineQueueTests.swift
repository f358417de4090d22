import HeapModule
import Testing

@testable import AntreanAllocator

/// The radix-heap deadline queue against swift-collections' `Heap` (the structure it replaced): the
/// same minimum after every operation, for a clock that moves forward (deadlines after the last one
/// taken, many equal), one that sometimes goes back, and queues built from unordered arrays.
@Suite struct DeadlineQueueTests {
    static func deadline(_ second: Int64, _ booking: UInt64) -> Deadline {
        Deadline(at: Instant(secondsSinceEpoch: second), booking: BookingID(booking))
    }

    func compare(seed: UInt64, backwardsShare: Int) {
        var random = SplitMix64(seed: seed)
        var queue = DeadlineQueue()
        var reference = Heap<Deadline>()
        var clock: Int64 = 1_795_000_000
        var nextBooking: UInt64 = 1
        var mismatches = 0
        for step in 0..<30_000 {
            let insertShare = (step / 3_000) % 2 == 0 ? 65 : 40
            if reference.isEmpty || Int.random(in: 0..<100, using: &random) < insertShare {
                // Deadlines on a 15-minute grid ahead of the clock (so many are equal), rarely behind it.
                let behind = Int.random(in: 0..<1_000, using: &random) < backwardsShare
                let offset = Int64.random(in: 0..<2_000, using: &random) * 900
                let entry = Self.deadline(behind ? clock - offset - 1 : clock + offset, nextBooking)
                nextBooking += 1
                queue.insert(entry)
                reference.insert(entry)
            } else {
                let expected = reference.removeMin()
                if queue.removeMin() != expected { mismatches += 1 }
                clock = max(clock, expected.at.secondsSinceEpoch)
            }
            if queue.min != reference.min || queue.count != reference.count { mismatches += 1 }
        }
        let consistent = queue.isConsistent
        #expect(consistent)
        while let expected = reference.popMin() {
            if queue.removeMin() != expected { mismatches += 1 }
        }
        #expect(queue.removeMin() == nil && queue.isEmpty)
        #expect(mismatches == 0, "seed \(seed), backwards ‰ \(backwardsShare)")
    }

    @Test func matchesAHeapWhenTheClockMovesForward() {
        for seed: UInt64 in 1...3 { compare(seed: seed, backwardsShare: 0) }
    }

    @Test func matchesAHeapWhenTheClockSometimesGoesBack() {
        for seed: UInt64 in 4...5 { compare(seed: seed, backwardsShare: 5) }
    }

    @Test func buildsFromAnUnorderedArray() {
        var random = SplitMix64(seed: 9)
        for size in [0, 1, 2, 5, 17, 1_000] {
            let entries = (0..<size).map {
                Self.deadline(Int64.random(in: -50...50, using: &random) * 60, UInt64($0 + 1))
            }
            var queue = DeadlineQueue(entries.shuffled(using: &random))
            let consistent = queue.isConsistent
            #expect(consistent)
            var popped: [Deadline] = []
            while let next = queue.removeMin() { popped.append(next) }
            #expect(popped == entries.sorted())
        }
    }
}
