import Testing

@testable import AntreanEngine

/// Randomized differential tests: the same random schedule of inserts, removals and fused
/// replacements is applied to a `BinaryHeap` (the reference) and to another set, and after every
/// operation both must agree on `count`, `first` and what was removed.
@Suite struct EventSetDifferentialTests {
    /// How the times of a schedule are drawn.
    enum Times: CaseIterable {
        /// Small integers: many equal timestamps.
        case ties
        /// The hold model's continuous increments, with some zero-delay events (ties with now).
        case hold
        /// Bursts of simultaneous events separated by long gaps, and rare far-future outliers.
        case bursts
        /// Any time ≥ 0, also before the current first event (the sets allow it outside a kernel).
        case unordered
    }

    func time(_ kind: Times, after now: Double, stream: inout RandomStream) -> Double {
        switch kind {
        case .ties: return now + Double(stream.nextInt(below: 4))
        case .hold: return stream.nextInt(below: 10) == 0 ? now : now + stream.nextExponential()
        case .bursts:
            let roll = stream.nextInt(below: 100)
            if roll == 0 { return now + 1e6 * stream.nextUniform() }
            return roll < 80 ? now : now + 50 * Double(stream.nextInt(below: 3))
        case .unordered: return Double(stream.nextInt(below: 1_000)) * 0.25
        }
    }

    func check<Set: PendingEventSet>(_: Set.Type, _ kind: Times, seed: UInt64) where Set.Event == Int {
        var stream = RandomStream(seed: seed, replication: 0, purpose: "differential")
        var reference = BinaryHeap<Int>(minimumCapacity: 0)
        var set = Set(minimumCapacity: 0)
        var sequence: UInt64 = 0
        var now = 0.0
        var mismatches = 0
        for step in 0..<20_000 {
            // Grow, shrink and hold in phases, so the calendar resizes both ways.
            let phase = (step / 2_500) % 4
            let insertWeight = [70, 30, 50, 50][phase]
            let roll = stream.nextInt(below: 100)
            let entry = ScheduledEvent(time: time(kind, after: now, stream: &stream), sequence: sequence, event: step)
            if reference.count == 0 || roll < insertWeight {
                reference.insert(entry)
                set.insert(entry)
                sequence += 1
            } else if roll < insertWeight + (100 - insertWeight) / 2 {
                let expected = reference.removeFirst()!
                let actual = set.removeFirst()!
                if expected.sequence != actual.sequence || expected.event != actual.event { mismatches += 1 }
                now = expected.time
            } else {
                let expected = reference.replaceFirst(with: entry)
                let actual = set.replaceFirst(with: entry)
                if expected.sequence != actual.sequence || expected.event != actual.event { mismatches += 1 }
                now = expected.time
                sequence += 1
            }
            if set.count != reference.count || set.first?.sequence != reference.first?.sequence { mismatches += 1 }
        }
        while let expected = reference.removeFirst() {
            if set.removeFirst()?.sequence != expected.sequence { mismatches += 1 }
        }
        #expect(set.removeFirst() == nil)
        #expect(set.count == 0)
        #expect(mismatches == 0, "\(Set.self), \(kind), seed \(seed)")
    }

    @Test(arguments: Times.allCases)
    func calendarQueueMatchesBinaryHeap(_ kind: Times) {
        for seed: UInt64 in 1...4 { check(CalendarQueue<Int>.self, kind, seed: seed) }
    }

    @Test(arguments: Times.allCases)
    func quaternaryHeapMatchesBinaryHeap(_ kind: Times) {
        for seed: UInt64 in 1...2 { check(QuaternaryHeap<Int>.self, kind, seed: seed) }
    }

    /// A copy of a calendar queue is independent of the original (value semantics).
    @Test func calendarQueueCopiesAreIndependent() {
        var original = CalendarQueue<Int>(minimumCapacity: 0)
        for sequence in 0..<100 {
            original.insert(ScheduledEvent(time: Double(sequence % 10), sequence: UInt64(sequence), event: sequence))
        }
        var copy = original
        for _ in 0..<50 { _ = copy.removeFirst() }
        #expect(original.count == 100)
        #expect(copy.count == 50)
        var order: [UInt64] = []
        while let entry = original.removeFirst() { order.append(entry.sequence) }
        #expect(order == (0..<100).sorted { ($0 % 10, $0) < ($1 % 10, $1) }.map(UInt64.init))
    }
}
